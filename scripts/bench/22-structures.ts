// Data structures drawn by memlane against Graphviz dot, dagre and elkjs laying out the very same
// boxes (same sizes) and references, on the last step of every structure snippet: total arrow
// length between the boxes, crossings, area, time; and over every step: arrows through boxes. Figures only.
import { Graphviz } from '@hpcc-js/wasm-graphviz';
import { ELK, dagreLayout, dotLayout, elkLayout, oursDrawn } from '../structure-engines.ts';
import type { Figure } from '../bench.ts';
import { generalCrossings, median, polylineLength as length } from '../picture-measures.ts';
import { arrowsThroughBoxes } from './20-render.ts';
import { countCrossings } from '../../src/layout/route/index.ts';
import { searchWork } from '../../src/layout/route/search.ts';
import { includesStep } from '../../src/layout/step-ranges.ts';
import { traceToLayout } from '../../src/layout/trace-to-layout.ts';
import type { Point } from '../../src/layout/types.ts';
import { layoutToSvg } from '../../src/render/layout-to-svg.ts';
import { loadStructureTrace, structureNames } from '../../tests/fixtures/structures/load.ts';

export const name = 'Data structures: memlane layout vs dot, dagre and elkjs on the same boxes and arrows (last step)';

interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The share of segment p–q inside `r` (Liang–Barsky clipping), 0 to 1. */
function insideShare(p: Point, q: Point, r: Rect): number {
  let [t0, t1] = [0, 1];
  const d = { x: q.x - p.x, y: q.y - p.y };
  for (const [delta, low, high, start] of [
    [d.x, r.x, r.x + r.width, p.x],
    [d.y, r.y, r.y + r.height, p.y],
  ] as const) {
    if (delta === 0) {
      if (start < low || start > high) return 0;
      continue;
    }
    const [a, b] = [(low - start) / delta, (high - start) / delta];
    t0 = Math.max(t0, Math.min(a, b));
    t1 = Math.min(t1, Math.max(a, b));
  }
  return Math.max(0, t1 - t0);
}

/**
 * An arrow's length between its two boxes: what it takes inside its source or target box is not
 * counted. memlane starts an arrow at a dot inside its row (about 35 px in from the box's edge),
 * dot at the row's edge: only the part between the boxes measures the layout.
 */
function lengthBetween(points: Point[], from: Rect, to: Rect, metric: Metric): number {
  let sum = 0;
  for (let i = 1; i < points.length; i++) {
    const [p, q] = [points[i - 1]!, points[i]!];
    sum += metric(q.x - p.x, q.y - p.y) * Math.max(0, 1 - insideShare(p, q, from) - insideShare(p, q, to));
  }
  return sum;
}

/** How a piece of arrow is measured: as drawn, or as |dx| + |dy| (what it takes an orthogonal arrow to cover it). */
type Metric = (dx: number, dy: number) => number;
const asDrawn: Metric = Math.hypot;
const orthogonal: Metric = (dx, dy) => Math.abs(dx) + Math.abs(dy);

/** Total length between boxes of a picture's arrows; boxes keep memlane's sizes, at the picture's places. */
function drawnLength(
  drawn: { boxes: Map<string, Point>; arrows: { from: string; to: string; points: Point[] }[] },
  sizes: Map<string, { width: number; height: number }>,
  metric: Metric = asDrawn,
): number {
  const rect = (id: string): Rect => ({ ...drawn.boxes.get(id)!, ...sizes.get(id)! });
  return drawn.arrows.reduce((sum, a) => sum + lengthBetween(a.points, rect(a.from), rect(a.to), metric), 0);
}

/** Timed rounds per snippet, after two untimed layouts (compiled code, filled caches); the best
 * of them is what the code costs with the least interference from the rest of the machine. */
const ROUNDS = 5;

interface Tally {
  length: number[];
  area: number[];
  crossings: number;
  worse: number;
  ms: number[];
}
const tally = (): Tally => ({ length: [], area: [], crossings: 0, worse: 0, ms: [] });

/** The router's searches and expanded states for one layout of a snippet (fitWidth: false): the same on any machine. */
function searchWorkOf(name: string): { searches: number; states: number } {
  const trace = loadStructureTrace(name);
  const [searches, states] = [searchWork.searches, searchWork.states];
  traceToLayout(trace, { fitWidth: false });
  return { searches: searchWork.searches - searches, states: searchWork.states - states };
}

/**
 * Timed rounds of one snippet's layout and page SVG as shipped (default options: reflow chosen by measurement), after
 * two untimed layouts.
 */
function timeSnippet(name: string): {
  ms: number;
  best: number;
  layoutMs: number;
  svgMs: number;
  unreflowedMs: number;
} {
  const trace = loadStructureTrace(name);
  traceToLayout(trace, { fitWidth: false });
  traceToLayout(trace);
  const rounds: number[] = [];
  const layoutRounds: number[] = [];
  const unreflowedRounds: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const started = performance.now();
    const layout = traceToLayout(trace);
    layoutRounds.push(performance.now() - started);
    layoutToSvg(layout, { step: 'all', theme: 'site' });
    rounds.push(performance.now() - started);
    // The same layout never reflowed: what choosing a reflow costs, alternating with it.
    const unreflowed = performance.now();
    traceToLayout(trace, { fitWidth: false });
    unreflowedRounds.push(performance.now() - unreflowed);
  }
  return {
    ms: median(rounds),
    best: Math.min(...rounds),
    layoutMs: median(layoutRounds),
    svgMs: median(rounds.map((total, i) => total - layoutRounds[i]!)),
    unreflowedMs: median(unreflowedRounds),
  };
}

export async function run(): Promise<Figure[]> {
  // memlane is timed first, before the other engines load: their heaps and compiled code are not
  // there when memlane runs in a build or the CLI, so they must not weigh on its figures.
  const work = structureNames.map(searchWorkOf);
  const timing = structureNames.map(timeSnippet);
  const times = timing.map((t) => t.ms);
  const bestTimes = timing.map((t) => t.best);
  const layoutTimes = timing.map((t) => t.layoutMs);
  const svgTimes = timing.map((t) => t.svgMs);
  const graphviz = await Graphviz.load();
  const elk = new ELK();
  const figures: Figure[] = [];
  const engines = { dot: tally(), dagre: tally(), elkjs: tally() };
  let through = 0;
  let crossingsOurs = 0;
  /** Arrow length / dot's with memlane's arrows whole, from their dot inside the row. */
  const wholeRatios: number[] = [];
  /**
   * Arrow length / dot's with dot's curves measured as |dx| + |dy|: placement compared apart from the arrows' shape.
   */
  const orthogonalRatios: number[] = [];
  for (const [index, name] of structureNames.entries()) {
    const trace = loadStructureTrace(name);
    // The others do not reflow: compared unfolded (fitWidth: false); the reflowed size is printed too.
    const layout = traceToLayout(trace, { fitWidth: false });
    const reflowed = traceToLayout(trace);
    const { ms } = timing[index]!;
    const step = layout.stepsTotal;
    const a = oursDrawn(layout, step);
    const sizes = new Map(
      [...layout.frames, ...layout.objects].map((box) => [box.id, { width: box.width, height: box.height }]),
    );
    const lengthA = drawnLength(a, sizes);
    const wholeA = a.arrows.reduce((sum, x) => sum + length(x.points), 0);
    const crossA = countCrossings(layout.arrows.filter((x) => includesStep(x.steps, step))).crossings;
    crossingsOurs += crossA;
    through += arrowsThroughBoxes(layout);
    const words: string[] = [];
    for (const [engine, t] of Object.entries(engines)) {
      const started = performance.now();
      const b =
        engine === 'dot'
          ? dotLayout(graphviz, layout, step)
          : engine === 'dagre'
            ? dagreLayout(layout, step)
            : await elkLayout(elk, layout, step);
      t.ms.push(performance.now() - started);
      const lengthB = drawnLength(b, sizes);
      if (engine === 'dot') {
        wholeRatios.push(wholeA / b.arrows.reduce((sum, x) => sum + length(x.points), 0));
        orthogonalRatios.push(lengthA / drawnLength(b, sizes, orthogonal));
      }
      const crossB = generalCrossings(b.arrows);
      t.crossings += crossB;
      if (crossA > crossB) t.worse++;
      t.length.push(lengthB ? lengthA / lengthB : 1);
      t.area.push((a.width * a.height) / (b.width * b.height));
      words.push(`${engine} ${Math.round(lengthB)}, ${crossB}, ${Math.round(b.width)}x${Math.round(b.height)}`);
    }
    const svg = layoutToSvg(layout, { step, theme: 'light', standalone: true });
    figures.push({
      label: name,
      value:
        `ours ${Math.round(lengthA)}, ${crossA}, ${Math.round(a.width)}x${Math.round(a.height)} ` +
        `(reflowed ${reflowed.width}x${reflowed.height}); ${words.join('; ')}; ${ms.toFixed(0)} ms, ` +
        `${Math.round(svg.length / 1024)} KiB`,
    });
  }
  const summary = Object.entries(engines).flatMap(([engine, t]): Figure[] => [
    {
      label: `arrow length / ${engine}, median`,
      value: median(t.length),
      ...(engine === 'dot' ? { target: '<= 1' } : {}),
    },
    {
      label: `arrow length / ${engine}, max`,
      value: Math.max(...t.length),
      ...(engine === 'dot' ? { target: '<= 1.5' } : {}),
    },
    {
      label: `snippets with more crossings than ${engine}`,
      value: t.worse,
      ...(engine === 'dot' ? { target: '0' } : {}),
    },
    { label: `crossings, all snippets (ours / ${engine})`, value: `${crossingsOurs} / ${t.crossings}` },
    { label: `area / ${engine}, median`, value: median(t.area), ...(engine === 'dot' ? { target: '<= 1.2' } : {}) },
    { label: `${engine} layout time, median per snippet (last step)`, value: median(t.ms), unit: 'ms' },
  ]);
  return [
    {
      label: 'per snippet: arrow length between boxes, crossings, size (px)',
      value: 'ours; dot; dagre; elkjs; our layout+page SVG time as shipped (all steps), last-step SVG size',
    },
    ...figures,
    ...summary,
    { label: "arrow length / dot, median, dot's curves measured as |dx| + |dy|", value: median(orthogonalRatios) },
    { label: "arrow length / dot, max, dot's curves measured as |dx| + |dy|", value: Math.max(...orthogonalRatios) },
    { label: 'arrow length / dot, median, ours whole (from the dot inside the row)', value: median(wholeRatios) },
    { label: 'arrow length / dot, max, ours whole', value: Math.max(...wholeRatios) },
    { label: 'arrow segments through boxes, every step', value: through, target: '0' },
    {
      label: `memlane layout + page SVG, median per snippet (median of ${ROUNDS} rounds)`,
      value: median(times),
      unit: 'ms',
      target: '< 20 ms',
    },
    {
      label: `memlane layout + page SVG, median per snippet (best of ${ROUNDS} rounds)`,
      value: median(bestTimes),
      unit: 'ms',
    },
    { label: 'of which layout alone, median per snippet', value: median(layoutTimes), unit: 'ms' },
    { label: 'of which page SVG alone, median per snippet', value: median(svgTimes), unit: 'ms' },
    {
      label: 'layout never reflowed (fitWidth: false), median per snippet',
      value: median(timing.map((t) => t.unreflowedMs)),
      unit: 'ms',
    },
    { label: 'memlane layout + page SVG, slowest snippet', value: Math.max(...times), unit: 'ms' },
    {
      label: 'router work, all snippets: searches / states expanded (machine-independent)',
      value: `${work.reduce((n, w) => n + w.searches, 0)} / ${work.reduce((n, w) => n + w.states, 0)}`,
    },
    { label: 'router work, median snippet: states expanded', value: median(work.map((w) => w.states)) },
  ];
}
