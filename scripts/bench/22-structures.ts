// Data structures drawn by memlane against Graphviz dot, dagre and elkjs laying out the very same
// boxes (same sizes) and references, on the last step of every structure snippet: total arrow
// length, crossings, area, time; and over every step: arrows through boxes. Figures only.
import { Graphviz } from '@hpcc-js/wasm-graphviz';
import { ELK, dagreLayout, dotLayout, elkLayout, oursDrawn } from '../structure-engines.ts';
import type { Figure } from '../bench.ts';
import { arrowsThroughBoxes } from './20-render.ts';
import { countCrossings } from '../../src/layout/route/index.ts';
import { includesStep } from '../../src/layout/step-ranges.ts';
import { traceToLayout } from '../../src/layout/trace-to-layout.ts';
import type { Point } from '../../src/layout/types.ts';
import { layoutToSvg } from '../../src/render/layout-to-svg.ts';
import { loadStructureTrace, structureNames } from '../../tests/fixtures/structures/load.ts';

export const name = 'Data structures: memlane layout vs dot, dagre and elkjs on the same boxes and arrows (last step)';

const length = (points: Point[]) => points.slice(1).reduce((sum, p, i) => sum + Math.hypot(p.x - points[i]!.x, p.y - points[i]!.y), 0);
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/** Proper crossings of any two polylines into different boxes (dot's splines sampled). */
function generalCrossings(arrows: { to: string; points: Point[] }[]): number {
  const orient = (p: Point, q: Point, r: Point) => Math.sign((q.x - p.x) * (r.y - p.y) - (q.y - p.y) * (r.x - p.x));
  let count = 0;
  for (let i = 0; i < arrows.length; i++) for (let j = i + 1; j < arrows.length; j++) {
    if (arrows[i]!.to === arrows[j]!.to) continue;
    const [p, q] = [arrows[i]!.points, arrows[j]!.points];
    for (let a = 1; a < p.length; a++) for (let b = 1; b < q.length; b++) {
      const [s0, s1, t0, t1] = [p[a - 1]!, p[a]!, q[b - 1]!, q[b]!];
      if (orient(s0, s1, t0) * orient(s0, s1, t1) < 0 && orient(t0, t1, s0) * orient(t0, t1, s1) < 0) count++;
    }
  }
  return count;
}

interface Tally { length: number[]; area: number[]; crossings: number; worse: number; ms: number[] }
const tally = (): Tally => ({ length: [], area: [], crossings: 0, worse: 0, ms: [] });

export async function run(): Promise<Figure[]> {
  const graphviz = await Graphviz.load();
  const elk = new ELK();
  const figures: Figure[] = [];
  const engines = { dot: tally(), dagre: tally(), elkjs: tally() };
  const times: number[] = [];
  const layoutTimes: number[] = [];
  const svgTimes: number[] = [];
  let through = 0;
  let crossingsOurs = 0;
  for (const name of structureNames) {
    const trace = loadStructureTrace(name);
    // The others do not reflow: compared unfolded (fitWidth: false); the reflowed size is printed too.
    let layout = traceToLayout(trace, { fitWidth: false });
    const reflowed = traceToLayout(trace);
    const rounds: number[] = [];
    const layoutRounds: number[] = [];
    for (let round = 0; round < 3; round++) {
      const started = performance.now();
      layout = traceToLayout(trace, { fitWidth: false });
      layoutRounds.push(performance.now() - started);
      layoutToSvg(layout, { step: 'all', theme: 'site' });
      rounds.push(performance.now() - started);
    }
    const ms = median(rounds);
    times.push(ms);
    layoutTimes.push(median(layoutRounds));
    svgTimes.push(median(rounds.map((total, i) => total - layoutRounds[i]!)));
    const step = layout.stepsTotal;
    const a = oursDrawn(layout, step);
    const lengthA = a.arrows.reduce((sum, x) => sum + length(x.points), 0);
    const crossA = countCrossings(layout.arrows.filter((x) => includesStep(x.steps, step))).crossings;
    crossingsOurs += crossA;
    through += arrowsThroughBoxes(layout);
    const words: string[] = [];
    for (const [engine, t] of Object.entries(engines)) {
      const started = performance.now();
      const b = engine === 'dot' ? dotLayout(graphviz, layout, step) : engine === 'dagre' ? dagreLayout(layout, step) : await elkLayout(elk, layout, step);
      t.ms.push(performance.now() - started);
      const lengthB = b.arrows.reduce((sum, x) => sum + length(x.points), 0);
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
      value: `ours ${Math.round(lengthA)}, ${crossA}, ${Math.round(a.width)}x${Math.round(a.height)} (reflowed ${reflowed.width}x${reflowed.height}); ${words.join('; ')}; ${ms.toFixed(0)} ms, ${Math.round(svg.length / 1024)} KiB`,
    });
  }
  const summary = Object.entries(engines).flatMap(([engine, t]): Figure[] => [
    { label: `arrow length / ${engine}, median`, value: median(t.length), ...(engine === 'dot' ? { target: '<= 1' } : {}) },
    { label: `arrow length / ${engine}, max`, value: Math.max(...t.length), ...(engine === 'dot' ? { target: '<= 1.5' } : {}) },
    { label: `snippets with more crossings than ${engine}`, value: t.worse, ...(engine === 'dot' ? { target: '0' } : {}) },
    { label: `crossings, all snippets (ours / ${engine})`, value: `${crossingsOurs} / ${t.crossings}` },
    { label: `area / ${engine}, median`, value: median(t.area), ...(engine === 'dot' ? { target: '<= 1.2' } : {}) },
    { label: `${engine} layout time, median per snippet (last step)`, value: median(t.ms), unit: 'ms' },
  ]);
  return [
    { label: 'per snippet: arrow length, crossings, size (px)', value: 'ours; dot; dagre; elkjs; our layout+page SVG time (all steps), last-step SVG size' },
    ...figures,
    ...summary,
    { label: 'arrow segments through boxes, every step', value: through, target: '0' },
    { label: 'memlane layout + page SVG, median per snippet', value: median(times), unit: 'ms', target: '< 20 ms' },
    { label: 'of which layout alone, median per snippet', value: median(layoutTimes), unit: 'ms' },
    { label: 'of which page SVG alone, median per snippet', value: median(svgTimes), unit: 'ms' },
    { label: 'memlane layout + page SVG, slowest snippet', value: Math.max(...times), unit: 'ms' },
  ];
}
