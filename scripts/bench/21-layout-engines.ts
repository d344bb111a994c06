// The layout engine chosen by measurement: memlane's own layout (columns by reachability, one
// place per object for the whole run, orthogonal routing around boxes) against elkjs's layered
// algorithm with orthogonal edges, on the same boxes and references of every corpus trace.
// ELK lays out the union of all steps once, so its picture is stable too. Figures only.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import elkModule from 'elkjs/lib/elk.bundled.js';
import type { ELK as ElkApi, ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk-api.js';
import type { Figure } from '../bench.ts';
import { includesStep, rangesOverlap } from '../../src/layout/step-ranges.ts';
import { traceToLayout } from '../../src/layout/trace-to-layout.ts';
import type { Layout, Point, StepRanges } from '../../src/layout/types.ts';
import type { Trace } from '../../src/trace/types.ts';

// elkjs is CommonJS: Node's default import is its module.exports, whose `default` is the constructor.
const ELK = (elkModule as unknown as { default: typeof elkModule }).default;

export const name = 'Layout engines compared on the corpus (memlane columns vs elkjs layered)';

const tracesDir = join(import.meta.dirname, '../../tests/fixtures/traces');

interface Drawn {
  boxes: { id: string; x: number; y: number; width: number; height: number; steps: StepRanges }[];
  arrows: { from: string; to: string; steps: StepRanges; points: Point[] }[];
  width: number;
  height: number;
}

type Segment = [Point, Point];
const segments = (points: Point[]): Segment[] => points.slice(1).map((p, i) => [points[i]!, p]);

function cross([a, b]: Segment, [c, d]: Segment): boolean {
  // Orthogonal or not: proper intersection of two segments.
  const orient = (p: Point, q: Point, r: Point) => Math.sign((q.x - p.x) * (r.y - p.y) - (q.y - p.y) * (r.x - p.x));
  return orient(a, b, c) * orient(a, b, d) < 0 && orient(c, d, a) * orient(c, d, b) < 0;
}

function quality(drawn: Drawn, stepsTotal: number): { crossings: number[]; through: number } {
  const crossings: number[] = [];
  for (let step = 1; step <= stepsTotal; step++) {
    const arrows = drawn.arrows.filter((a) => includesStep(a.steps, step));
    let count = 0;
    for (let i = 0; i < arrows.length; i++)
      for (let j = i + 1; j < arrows.length; j++) {
        if (arrows[i]!.to === arrows[j]!.to) continue;
        for (const s of segments(arrows[i]!.points))
          for (const t of segments(arrows[j]!.points)) if (cross(s, t)) count++;
      }
    crossings.push(count);
  }
  let through = 0;
  for (const arrow of drawn.arrows) {
    const segs = segments(arrow.points);
    segs.forEach(([a, b], i) => {
      for (const box of drawn.boxes) {
        if (!rangesOverlap(box.steps, arrow.steps)) continue;
        if ((box.id === arrow.from && i === 0) || (box.id === arrow.to && i === segs.length - 1)) continue;
        const inside =
          Math.max(a.x, b.x) > box.x + 0.5 &&
          Math.min(a.x, b.x) < box.x + box.width - 0.5 &&
          Math.max(a.y, b.y) > box.y + 0.5 &&
          Math.min(a.y, b.y) < box.y + box.height - 0.5;
        if (inside) through++;
      }
    });
  }
  return { crossings, through };
}

async function elkLayout(layout: Layout, elk: ElkApi): Promise<Drawn> {
  const boxes = [...layout.frames, ...layout.objects];
  const graph: ElkNode = {
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'RIGHT',
      'elk.edgeRouting': 'ORTHOGONAL',
      'elk.layered.spacing.nodeNodeBetweenLayers': '72',
      'elk.spacing.nodeNode': '22',
      'elk.randomSeed': '1',
    },
    children: boxes.map((b) => ({
      id: b.id,
      width: b.width,
      height: b.height,
      layoutOptions: { 'elk.portConstraints': 'FIXED_POS' },
      ports: [
        ...layout.arrows
          .filter((a) => a.from === b.id)
          .map((a, i) => ({ id: `${b.id}:out${i}`, x: b.width, y: a.points[0]!.y - b.y, width: 0, height: 0 })),
        { id: `${b.id}:in`, x: 0, y: 11, width: 0, height: 0 },
      ],
    })),
    edges: layout.arrows.map(
      (a, i): ElkExtendedEdge => ({
        id: `e${i}`,
        sources: [`${a.from}:out${layout.arrows.filter((x) => x.from === a.from).indexOf(a)}`],
        targets: [`${a.to}:in`],
      }),
    ),
  };
  const result = await elk.layout(graph);
  const placed = new Map((result.children ?? []).map((c: ElkNode) => [c.id, c]));
  return {
    width: result.width ?? 0,
    height: result.height ?? 0,
    boxes: boxes.map((b) => ({
      id: b.id,
      x: placed.get(b.id)!.x!,
      y: placed.get(b.id)!.y!,
      width: b.width,
      height: b.height,
      steps: b.steps,
    })),
    arrows: layout.arrows.map((a, i) => {
      const section = result.edges?.find((e: ElkExtendedEdge) => e.id === `e${i}`)?.sections?.[0];
      const points = section ? [section.startPoint, ...(section.bendPoints ?? []), section.endPoint] : [];
      return { from: a.from, to: a.to, steps: a.steps, points };
    }),
  };
}

const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);

export async function run(): Promise<Figure[]> {
  const traces = readdirSync(tracesDir)
    .filter((f) => f.startsWith('c') && f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(readFileSync(join(tracesDir, f), 'utf8')) as Trace);
  const elk = new ELK();
  const ours = { crossings: [] as number[], through: 0, area: [] as number[], ms: [] as number[] };
  const theirs = { crossings: [] as number[], through: 0, area: [] as number[], ms: [] as number[] };
  for (const trace of traces) traceToLayout(trace); // warm-up
  for (const trace of traces) {
    let started = performance.now();
    const layout = traceToLayout(trace);
    ours.ms.push(performance.now() - started);
    const mine = quality({ ...layout, boxes: [...layout.frames, ...layout.objects] }, layout.stepsTotal);
    ours.crossings.push(...mine.crossings);
    ours.through += mine.through;
    ours.area.push(layout.width * layout.height);
    started = performance.now();
    const drawn = await elkLayout(layout, elk);
    theirs.ms.push(performance.now() - started);
    const q = quality(drawn, layout.stepsTotal);
    theirs.crossings.push(...q.crossings);
    theirs.through += q.through;
    theirs.area.push(drawn.width * drawn.height);
  }
  return [
    {
      label: 'memlane: crossings per diagram (mean / max)',
      value: `${mean(ours.crossings).toFixed(2)} / ${Math.max(...ours.crossings)}`,
    },
    {
      label: 'elkjs layered: crossings per diagram (mean / max)',
      value: `${mean(theirs.crossings).toFixed(2)} / ${Math.max(...theirs.crossings)}`,
    },
    { label: 'memlane: arrow segments through boxes', value: ours.through },
    { label: 'elkjs layered: arrow segments through boxes', value: theirs.through },
    { label: 'memlane: mean area', value: Math.round(mean(ours.area) / 1000), unit: 'k px²' },
    {
      label: 'elkjs layered: mean area (boxes only, no legend)',
      value: Math.round(mean(theirs.area) / 1000),
      unit: 'k px²',
    },
    { label: 'memlane: layout time, mean (all steps)', value: mean(ours.ms), unit: 'ms' },
    { label: 'elkjs layered: layout time, mean (after our measuring)', value: mean(theirs.ms), unit: 'ms' },
  ];
}
