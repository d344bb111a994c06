// The structure pictures readers get, against dot: the default render (default fit width), a
// phone column (390 px screen) and the unreflowed picture, in every scalar mode, each at its last
// step with whole arrows as drawn, beside dot laying out the same boxes and arrows at Graphviz's
// own spacing and at memlane's. MEMLANE_STRUCTURES=<folder of .py> measures unseen snippets too.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Graphviz } from '@hpcc-js/wasm-graphviz';
import type { Figure } from '../bench.ts';
import { measurePicture, median } from '../picture-measures.ts';
import { GRAPHVIZ_SPACING, MEMLANE_SPACING, dotLayout, oursDrawn } from '../structure-engines.ts';
import { isChainWrap } from '../../src/layout/chain-wrap.ts';
import { LAYOUT_OPTIONS, type LayoutOptions } from '../../src/layout/layout-options.ts';
import { traceToLayout } from '../../src/layout/trace-to-layout.ts';
import { countTouches } from '../../src/layout/route/index.ts';
import { includesStep } from '../../src/layout/step-ranges.ts';
import { codeToTrace, createSimulator } from '../../src/simulate/code-to-trace.ts';
import type { Trace } from '../../src/trace/types.ts';
import { loadStructureTrace, structureNames } from '../../tests/fixtures/structures/load.ts';

export const name =
  'Data structures as shipped: default, phone-width and unreflowed pictures against dot (last step, whole arrows)';

/** The column a 390 px phone leaves a diagram: the screen less the page's 16 px margins. */
export const PHONE_FIT_WIDTH = 358;
const SCALAR_MODES = LAYOUT_OPTIONS.scalars.schema.options;

async function snippets(): Promise<{ name: string; trace: Trace }[]> {
  const own = structureNames.map((name) => ({ name, trace: loadStructureTrace(name) }));
  const folder = process.env['MEMLANE_STRUCTURES'];
  if (!folder) return own;
  const simulator = await createSimulator();
  try {
    const files = readdirSync(resolve(folder))
      .filter((f) => f.endsWith('.py'))
      .sort();
    const unseen = [];
    for (const file of files)
      unseen.push({
        name: `unseen/${file}`,
        trace: await codeToTrace(simulator, readFileSync(join(resolve(folder), file), 'utf8'), {
          maxSteps: 5000,
          filename: file,
        }),
      });
    return [...own, ...unseen];
  } finally {
    await simulator.close();
  }
}

interface Row {
  crossings: number;
  /** A line through another arrow's turn: not a proper crossing, so not counted in `crossings`, for ours alone. */
  touches: number;
  dotCrossings: number;
  length: number;
  dotLength: number;
  area: number;
  dotArea: number;
}

export async function run(): Promise<Figure[]> {
  const graphviz = await Graphviz.load();
  const figures: Figure[] = [
    {
      label: 'per snippet and mode: crossings, whole arrow length, size',
      value: 'default; phone; unreflowed; dot (Graphviz spacing); dot (memlane spacing)',
    },
  ];
  const summary: Figure[] = [];
  for (const scalars of SCALAR_MODES) {
    const rows = { default: [] as Row[], phone: [] as Row[], wide: [] as Row[] };
    let reflowAddsCrossings = 0;
    let phoneAddsCrossings = 0;
    const reflowLength: number[] = [];
    /** Chain wraps (chain-wrap.ts) are not held to the 15 %: their return arrows are the price of not scrolling. */
    const wrapLength: string[] = [];
    for (const { name: snippet, trace } of await snippets()) {
      const pictures = {
        default: { scalars },
        phone: { scalars, fitWidth: PHONE_FIT_WIDTH },
        wide: { scalars, fitWidth: false },
      } satisfies Record<string, LayoutOptions>;
      const words: string[] = [];
      const measured: Record<string, ReturnType<typeof measurePicture>> = {};
      const wrapped: Record<string, boolean> = {};
      let dotWords = '';
      for (const [picture, options] of Object.entries(pictures) as [keyof typeof pictures, LayoutOptions][]) {
        const layout = traceToLayout(trace, options);
        const step = layout.stepsTotal;
        const ours = measurePicture(oursDrawn(layout, step));
        const dot = measurePicture(dotLayout(graphviz, layout, step, GRAPHVIZ_SPACING));
        const shown = layout.arrows.filter((a) => includesStep(a.steps, step));
        rows[picture].push({
          crossings: ours.crossings,
          touches: countTouches(shown),
          dotCrossings: dot.crossings,
          length: ours.length,
          dotLength: dot.length,
          area: ours.area,
          dotArea: dot.area,
        });
        measured[picture] = ours;
        wrapped[picture] = isChainWrap(layout);
        words.push(`${ours.crossings}, ${Math.round(ours.length)}, ${layout.width}x${layout.height}`);
        if (picture === 'wide') {
          const tight = measurePicture(dotLayout(graphviz, layout, step, MEMLANE_SPACING));
          dotWords = `dot ${dot.crossings}, ${Math.round(dot.length)}; ${tight.crossings}, ${Math.round(tight.length)}`;
        }
      }
      if (measured['default']!.crossings > measured['wide']!.crossings) reflowAddsCrossings++;
      if (measured['phone']!.crossings > measured['wide']!.crossings) phoneAddsCrossings++;
      const lengthRatio = (picture: string) => measured[picture]!.length / Math.max(1, measured['wide']!.length);
      if (!wrapped['default']) reflowLength.push(lengthRatio('default'));
      for (const picture of ['default', 'phone'])
        if (wrapped[picture]) wrapLength.push(`${snippet} ${picture} ${lengthRatio(picture).toFixed(2)}`);
      figures.push({ label: `${snippet} (${scalars})`, value: `${words.join('; ')}; ${dotWords}` });
    }
    const worse = (r: Row[]) => r.filter((x) => x.crossings > x.dotCrossings).length;
    const sum = (r: Row[], key: keyof Row) => r.reduce((n, x) => n + x[key], 0);
    const isDefault = scalars === LAYOUT_OPTIONS.scalars.default;
    const mark = isDefault ? ' (default mode)' : '';
    summary.push(
      {
        label: `${scalars}${mark}: snippets crossing more than dot, default picture`,
        value: worse(rows.default),
        target: '0',
      },
      {
        label: `${scalars}: snippets crossing more than dot, phone / unreflowed`,
        value: `${worse(rows.phone)} / ${worse(rows.wide)}`,
      },
      {
        label: `${scalars}: crossings, all snippets, default / phone / unreflowed / dot`,
        value:
          `${sum(rows.default, 'crossings')} / ${sum(rows.phone, 'crossings')} / ` +
          `${sum(rows.wide, 'crossings')} / ${sum(rows.wide, 'dotCrossings')}`,
      },
      {
        label: `${scalars}: ours, lines through another arrow's turn (not in the crossings), default / phone`,
        value: `${sum(rows.default, 'touches')} / ${sum(rows.phone, 'touches')}`,
      },
      {
        label: `${scalars}: snippets where the reflow adds crossings, default / phone`,
        value: `${reflowAddsCrossings} / ${phoneAddsCrossings}`,
        target: '0',
      },
      {
        label: `${scalars}: arrow length reflowed / unreflowed, max (chain wraps aside)`,
        value: Math.max(...reflowLength),
        target: '<= 1.15',
      },
      {
        label: `${scalars}: chain wraps, arrow length wrapped / unreflowed`,
        value: wrapLength.join(', ') || 'none',
      },
      {
        label: `${scalars}: whole arrow length / dot, median, default picture`,
        value: median(rows.default.map((r) => r.length / r.dotLength)),
        target: '<= 2.0',
      },
      {
        label: `${scalars}: whole arrow length / dot, median, phone / unreflowed`,
        value:
          `${median(rows.phone.map((r) => r.length / r.dotLength)).toFixed(2)} / ` +
          `${median(rows.wide.map((r) => r.length / r.dotLength)).toFixed(2)}`,
      },
      {
        label: `${scalars}: area / dot, median, default picture`,
        value: median(rows.default.map((r) => r.area / r.dotArea)),
        target: '<= 1.3',
      },
      {
        label: `${scalars}: area / dot, median, phone / unreflowed`,
        value:
          `${median(rows.phone.map((r) => r.area / r.dotArea)).toFixed(2)} / ` +
          `${median(rows.wide.map((r) => r.area / r.dotArea)).toFixed(2)}`,
      },
    );
  }
  return [...figures, ...summary];
}
