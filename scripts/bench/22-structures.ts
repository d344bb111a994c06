// Data structures drawn by memlane against Graphviz dot laying out the very same boxes (same
// sizes) and references, on the last step of every structure snippet: total arrow length,
// crossings, area; and over every step: moved objects, arrows through boxes, time. Figures only.
import { Graphviz } from '@hpcc-js/wasm-graphviz';
import type { Figure } from '../bench.ts';
import { arrowsThroughBoxes } from './20-render.ts';
import { countCrossings } from '../../src/layout/route/index.ts';
import { includesStep } from '../../src/layout/step-ranges.ts';
import { traceToLayout } from '../../src/layout/trace-to-layout.ts';
import type { Layout, Point } from '../../src/layout/types.ts';
import { layoutToSvg } from '../../src/render/layout-to-svg.ts';
import { loadStructureTrace, structureNames } from '../../tests/fixtures/structures/load.ts';

export const name = 'Data structures: memlane layout vs Graphviz dot on the same boxes and arrows (last step)';

interface Drawn { arrows: { to: string; points: Point[] }[]; area: number; width: number; height: number }

const length = (points: Point[]) => points.slice(1).reduce((sum, p, i) => sum + Math.hypot(p.x - points[i]!.x, p.y - points[i]!.y), 0);
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/** Proper crossings of any two polylines (dot's splines as their control polygons). */
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

/** What memlane draws at one step: its boxes' bounding box and its arrows. */
function ours(layout: Layout, step: number): Drawn {
  const boxes = [...layout.frames, ...layout.objects].filter((b) => includesStep(b.steps, step));
  const arrows = layout.arrows.filter((a) => includesStep(a.steps, step));
  const xs = [...boxes.flatMap((b) => [b.x, b.x + b.width]), ...arrows.flatMap((a) => a.points.map((p) => p.x))];
  const ys = [...boxes.flatMap((b) => [b.y, b.y + b.height]), ...arrows.flatMap((a) => a.points.map((p) => p.y))];
  const width = Math.max(...xs) - Math.min(...xs);
  const height = Math.max(...ys) - Math.min(...ys);
  return { arrows: arrows.map((a) => ({ to: a.to, points: a.points })), area: width * height, width, height };
}

/** The same boxes and references at one step laid out by dot (left to right, rows as record ports). */
function dot(graphviz: Graphviz, layout: Layout, step: number): Drawn {
  const boxes = [...layout.frames, ...layout.objects].filter((b) => includesStep(b.steps, step));
  const arrows = layout.arrows.filter((a) => includesStep(a.steps, step));
  const lines = ['digraph { rankdir=LR; nodesep=0.3; ranksep=1; node [shape=record fixedsize=true fontsize=10];'];
  const key = (id: string) => id.replace(/\W/g, '_');
  for (const b of boxes) {
    const version = b.versions.find((v) => includesStep(v.steps, step))!;
    const slots = version.rows.map((r) => r.slot);
    const fields = ['<h>', ...slots.map((s) => `<r${s}>`)].join('|');
    lines.push(`${key(b.id)} [width=${(b.width / 72).toFixed(3)} height=${(b.height / 72).toFixed(3)} label="${fields}"];`);
  }
  for (const a of arrows) lines.push(`${key(a.from)}:r${a.slot}:e -> ${key(a.to)}:h:w;`);
  lines.push('}');
  const json = JSON.parse(graphviz.layout(lines.join('\n'), 'json', 'dot')) as { bb: string; edges?: { head: number; pos: string }[]; objects: { name: string }[] };
  const [x0, y0, x1, y1] = json.bb.split(',').map(Number) as [number, number, number, number];
  const drawn = (json.edges ?? []).map((e) => ({
    to: json.objects[e.head]!.name,
    points: e.pos.split(' ').filter((p) => !p.startsWith('e,') && !p.startsWith('s,')).map((p) => { const [x, y] = p.split(',').map(Number); return { x: x!, y: y! }; })
      .concat(e.pos.split(' ').filter((p) => p.startsWith('e,')).map((p) => { const [, x, y] = p.split(',').map(Number); return { x: x!, y: y! }; })),
  }));
  return { arrows: drawn, area: (x1 - x0) * (y1 - y0), width: x1 - x0, height: y1 - y0 };
}

export async function run(): Promise<Figure[]> {
  const graphviz = await Graphviz.load();
  const figures: Figure[] = [];
  const lengthRatios: number[] = [];
  const areaRatios: number[] = [];
  const times: number[] = [];
  let moreCrossings = 0;
  let through = 0;
  let crossingsOurs = 0;
  let crossingsDot = 0;
  for (const name of structureNames) {
    const trace = loadStructureTrace(name);
    // dot does not reflow: compared unfolded (fitWidth: false); the reflowed width is printed too.
    let layout = traceToLayout(trace, { fitWidth: false });
    const reflowed = traceToLayout(trace);
    const rounds: number[] = [];
    for (let round = 0; round < 3; round++) {
      const started = performance.now();
      layout = traceToLayout(trace, { fitWidth: false });
      layoutToSvg(layout, { step: 'all', theme: 'site' });
      rounds.push(performance.now() - started);
    }
    const ms = median(rounds);
    times.push(ms);
    const step = layout.stepsTotal;
    const a = ours(layout, step);
    const b = dot(graphviz, layout, step);
    const lengthA = a.arrows.reduce((s, x) => s + length(x.points), 0);
    const lengthB = b.arrows.reduce((s, x) => s + length(x.points), 0);
    const crossA = countCrossings(layout.arrows.filter((x) => includesStep(x.steps, step))).crossings;
    const crossB = generalCrossings(b.arrows);
    crossingsOurs += crossA;
    crossingsDot += crossB;
    if (crossA > crossB) moreCrossings++;
    lengthRatios.push(lengthB ? lengthA / lengthB : 1);
    areaRatios.push(a.area / b.area);
    through += arrowsThroughBoxes(layout);
    const svg = layoutToSvg(layout, { step, theme: 'light', standalone: true });
    figures.push({
      label: `${name}`,
      value: `length ${Math.round(lengthA)}/${Math.round(lengthB)}, crossings ${crossA}/${crossB}, ${Math.round(a.width)}x${Math.round(a.height)} vs ${Math.round(b.width)}x${Math.round(b.height)} (reflowed ${reflowed.width}x${reflowed.height}), ${ms.toFixed(0)} ms, ${Math.round(svg.length / 1024)} KiB`,
    });
  }
  return [
    { label: 'per snippet: ours/dot', value: 'arrow length, crossings, size (px), layout+page SVG time, last-step SVG size' },
    ...figures,
    { label: 'arrow length / dot, median', value: median(lengthRatios), target: '<= 1' },
    { label: 'arrow length / dot, max', value: Math.max(...lengthRatios), target: '<= 1.5' },
    { label: 'snippets with more crossings than dot', value: moreCrossings, target: '0' },
    { label: 'crossings, all snippets (ours / dot)', value: `${crossingsOurs} / ${crossingsDot}` },
    { label: 'area / dot, median', value: median(areaRatios), target: '<= 1.2' },
    { label: 'arrow segments through boxes, every step', value: through, target: '0' },
    { label: 'layout + page SVG, median per snippet', value: median(times), unit: 'ms', target: '< 20 ms' },
  ];
}
