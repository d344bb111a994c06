// Other layout engines laying out the very boxes (same sizes) and references memlane draws at one
// step: Graphviz dot, @dagrejs/dagre and elkjs layered, for the structures benchmark and its pictures.
import dagre from '@dagrejs/dagre';
import type { Graphviz } from '@hpcc-js/wasm-graphviz';
import elkModule from 'elkjs/lib/elk.bundled.js';
import type { ELK as ElkApi, ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk-api.js';
import { includesStep } from '../src/layout/step-ranges.ts';
import type { Arrow, FrameBox, Layout, ObjectBox, Point } from '../src/layout/types.ts';

// elkjs is CommonJS: Node's default import is its module.exports, whose `default` is the constructor.
export const ELK = (elkModule as unknown as { default: typeof elkModule }).default;

/** One engine's picture of one step: boxes by id (top-left corner), arrows as polylines. */
export interface Drawn {
  boxes: Map<string, Point>;
  arrows: { from: string; to: string; points: Point[] }[];
  width: number;
  height: number;
}

/** Gaps shared by every engine: memlane's own (72 px between layers, 22 px between boxes). */
const LAYER_GAP = 72;
const NODE_GAP = 22;

/** Gaps between layers and between boxes of a layer, in px. */
export interface Spacing {
  layer: number;
  node: number;
}
export const MEMLANE_SPACING: Spacing = { layer: LAYER_GAP, node: NODE_GAP };
/** Graphviz's own defaults: ranksep 0.5 in, nodesep 0.25 in. */
export const GRAPHVIZ_SPACING: Spacing = { layer: 36, node: 18 };

export function stepContent(layout: Layout, step: number): { boxes: (FrameBox | ObjectBox)[]; arrows: Arrow[] } {
  return {
    boxes: [...layout.frames, ...layout.objects].filter((b) => includesStep(b.steps, step)),
    arrows: layout.arrows.filter((a) => includesStep(a.steps, step)),
  };
}

/** The box-relative y an arrow leaves its box from. */
const portY = (layout: Layout, arrow: Arrow) => {
  const from = [...layout.frames, ...layout.objects].find((b) => b.id === arrow.from)!;
  return arrow.points[0]!.y - from.y;
};

const cubic = (p0: Point, p1: Point, p2: Point, p3: Point, t: number): Point => {
  const u = 1 - t;
  return {
    x: u * u * u * p0.x + 3 * u * u * t * p1.x + 3 * u * t * t * p2.x + t * t * t * p3.x,
    y: u * u * u * p0.y + 3 * u * u * t * p1.y + 3 * u * t * t * p2.y + t * t * t * p3.y,
  };
};

/** dot, left to right, each row a record port: its splines sampled into polylines. */
export function dotLayout(graphviz: Graphviz, layout: Layout, step: number, spacing: Spacing = MEMLANE_SPACING): Drawn {
  const { boxes, arrows } = stepContent(layout, step);
  const lines = [
    `digraph { rankdir=LR; nodesep=${(spacing.node / 72).toFixed(3)}; ranksep=` +
      `${(spacing.layer / 72).toFixed(3)}; node [shape=record fixedsize=true fontsize=10];`,
  ];
  const key = (id: string) => id.replace(/\W/g, '_');
  for (const b of boxes) {
    const version = b.versions.find((v) => includesStep(v.steps, step))!;
    const fields = ['<h>', ...version.rows.map((r) => `<r${r.slot}>`)].join('|');
    lines.push(
      `${key(b.id)} [width=${(b.width / 72).toFixed(3)} height=${(b.height / 72).toFixed(3)} label="${fields}"];`,
    );
  }
  for (const a of arrows) lines.push(`${key(a.from)}:r${a.slot}:e -> ${key(a.to)}:h:w;`);
  lines.push('}');
  const json = JSON.parse(graphviz.layout(lines.join('\n'), 'json', 'dot')) as {
    bb: string;
    edges?: { tail: number; head: number; pos: string }[];
    objects: { name: string; pos: string; width: string; height: string }[];
  };
  const [, , x1, y1] = json.bb.split(',').map(Number) as [number, number, number, number];
  const flip = (text: string): Point => {
    const [x, y] = text.split(',').map(Number);
    return { x: x!, y: y1 - y! };
  };
  const ids = new Map(boxes.map((b) => [key(b.id), b]));
  const placed = new Map<string, Point>();
  for (const o of json.objects) {
    const box = ids.get(o.name)!;
    const centre = flip(o.pos);
    placed.set(box.id, { x: centre.x - box.width / 2, y: centre.y - box.height / 2 });
  }
  const drawn = (json.edges ?? []).map((e) => {
    const parts = e.pos.split(' ');
    const controls = parts.filter((p) => !p.startsWith('e,') && !p.startsWith('s,')).map(flip);
    const tip = parts.filter((p) => p.startsWith('e,')).map((p) => flip(p.slice(2)));
    const points: Point[] = [controls[0]!];
    for (let i = 0; i + 3 < controls.length; i += 3)
      for (let t = 1; t <= 8; t++)
        points.push(cubic(controls[i]!, controls[i + 1]!, controls[i + 2]!, controls[i + 3]!, t / 8));
    return {
      from: ids.get(json.objects[e.tail]!.name)!.id,
      to: ids.get(json.objects[e.head]!.name)!.id,
      points: [...points, ...tip],
    };
  });
  return { boxes: placed, arrows: drawn, width: x1, height: y1 };
}

/** dagre, left to right: it has no ports, so each arrow is given its row's start point first. */
export function dagreLayout(layout: Layout, step: number): Drawn {
  const { boxes, arrows } = stepContent(layout, step);
  const g = new dagre.graphlib.Graph({ multigraph: true });
  g.setGraph({ rankdir: 'LR', nodesep: NODE_GAP, ranksep: LAYER_GAP, marginx: 0, marginy: 0 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const b of boxes) g.setNode(b.id, { width: b.width, height: b.height });
  arrows.forEach((a, i) => g.setEdge(a.from, a.to, {}, `e${i}`));
  dagre.layout(g);
  const placed = new Map<string, Point>();
  for (const b of boxes) {
    const n = g.node(b.id);
    placed.set(b.id, { x: n.x - b.width / 2, y: n.y - b.height / 2 });
  }
  const drawn = arrows.map((a, i) => {
    const from = boxes.find((b) => b.id === a.from)!;
    const start = { x: placed.get(a.from)!.x + from.width, y: placed.get(a.from)!.y + portY(layout, a) };
    const points = (g.edge({ v: a.from, w: a.to, name: `e${i}` }).points ?? []) as Point[];
    return { from: a.from, to: a.to, points: [start, ...points.map((p) => ({ x: p.x, y: p.y }))] };
  });
  const graph = g.graph();
  return { boxes: placed, arrows: drawn, width: graph.width ?? 0, height: graph.height ?? 0 };
}

/** elkjs layered with orthogonal edges, each row a fixed port on the box's right side. */
export async function elkLayout(elk: ElkApi, layout: Layout, step: number): Promise<Drawn> {
  const { boxes, arrows } = stepContent(layout, step);
  const graph: ElkNode = {
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'RIGHT',
      'elk.edgeRouting': 'ORTHOGONAL',
      'elk.padding': '[top=0,left=0,bottom=0,right=0]',
      'elk.layered.spacing.nodeNodeBetweenLayers': String(LAYER_GAP),
      'elk.spacing.nodeNode': String(NODE_GAP),
      'elk.randomSeed': '1',
    },
    children: boxes.map((b) => ({
      id: b.id,
      width: b.width,
      height: b.height,
      layoutOptions: { 'elk.portConstraints': 'FIXED_POS' },
      ports: [
        ...arrows
          .map((a, i) => ({ a, i }))
          .filter(({ a }) => a.from === b.id)
          .map(({ a, i }) => ({ id: `p${i}`, x: b.width, y: portY(layout, a), width: 0, height: 0 })),
        { id: `${b.id}:in`, x: 0, y: 11, width: 0, height: 0 },
      ],
    })),
    edges: arrows.map((a, i): ElkExtendedEdge => ({ id: `e${i}`, sources: [`p${i}`], targets: [`${a.to}:in`] })),
  };
  const result = await elk.layout(graph);
  const placed = new Map((result.children ?? []).map((c) => [c.id, { x: c.x!, y: c.y! }]));
  const sections = new Map((result.edges ?? []).map((e) => [e.id, e.sections?.[0]]));
  const drawn = arrows.map((a, i) => {
    const section = sections.get(`e${i}`);
    return {
      from: a.from,
      to: a.to,
      points: section ? [section.startPoint, ...(section.bendPoints ?? []), section.endPoint] : [],
    };
  });
  return { boxes: placed, arrows: drawn, width: result.width ?? 0, height: result.height ?? 0 };
}

/** memlane's own picture of the step in the same terms. */
export function oursDrawn(layout: Layout, step: number): Drawn {
  const { boxes, arrows } = stepContent(layout, step);
  const xs = [...boxes.flatMap((b) => [b.x, b.x + b.width]), ...arrows.flatMap((a) => a.points.map((p) => p.x))];
  const ys = [...boxes.flatMap((b) => [b.y, b.y + b.height]), ...arrows.flatMap((a) => a.points.map((p) => p.y))];
  return {
    boxes: new Map(boxes.map((b) => [b.id, { x: b.x, y: b.y }])),
    arrows: arrows.map((a) => ({ from: a.from, to: a.to, points: a.points })),
    width: Math.max(...xs) - Math.min(...xs),
    height: Math.max(...ys) - Math.min(...ys),
  };
}

/** A layout showing another engine's picture of one step, to draw with memlane's renderer. */
export function asLayout(layout: Layout, step: number, drawn: Drawn, margin = 16): Layout {
  const { boxes } = stepContent(layout, step);
  const keep = new Set(boxes.map((b) => b.id));
  const move = <T extends FrameBox | ObjectBox>(b: T): T => ({
    ...b,
    x: drawn.boxes.get(b.id)!.x + margin,
    y: drawn.boxes.get(b.id)!.y + margin,
  });
  return {
    ...layout,
    width: Math.ceil(drawn.width + 2 * margin),
    height: Math.ceil(drawn.height + 2 * margin),
    frames: layout.frames.filter((b) => keep.has(b.id)).map(move),
    objects: layout.objects.filter((b) => keep.has(b.id)).map(move),
    arrows: drawn.arrows.map((a, i) => ({
      from: a.from,
      to: a.to,
      slot: i,
      part: 'value' as const,
      steps: [[step, step]] as const,
      points: a.points.map((p) => ({ x: p.x + margin, y: p.y + margin })),
    })),
    marks: [],
    legend: [],
    notes: [],
  };
}
