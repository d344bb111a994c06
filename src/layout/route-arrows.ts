// Orthogonal arrow routing: a shortest path with few bends on the grid of box edges, around every
// box shown at the same steps, with a price on crossing or running along other arrows.
import { ARROW_CLEARANCE } from './metrics.ts';
import { rangesOverlap } from './step-ranges.ts';
import type { Point, Rect, StepRanges } from './types.ts';

export interface Obstacle extends Rect {
  id: string;
  steps: StepRanges;
}

export interface RouteRequest {
  from: string;
  to: string;
  steps: StepRanges;
  /** The dot inside the source box. */
  start: Point;
  /** Right edge of the source box, where the arrow leaves it. */
  sourceRight: number;
  /** Edge of the target at the anchor height, where the arrowhead ends. */
  end: Point;
  /** Which edge of the target the arrow enters: left, or right for references back to an earlier column. */
  endSide: 'left' | 'right';
}

const BEND_COST = 24;
const CROSS_COST = 60;
const ALONG_COST = 1.5;

interface Segment { a: Point; b: Point; to: string; steps: StepRanges }

/** Removes repeated and collinear points. */
export function simplify(points: Point[]): Point[] {
  const out: Point[] = [];
  for (const p of points) {
    const last = out[out.length - 1];
    if (last && last.x === p.x && last.y === p.y) continue;
    const prev = out[out.length - 2];
    if (prev && last && ((prev.x === last.x && last.x === p.x) || (prev.y === last.y && last.y === p.y))) out[out.length - 1] = p;
    else out.push(p);
  }
  return out;
}

const sortedUnique = (values: number[]) => [...new Set(values.map((v) => Math.round(v * 2) / 2))].sort((a, b) => a - b);

class MinHeap {
  private items: { key: number; order: number; value: number }[] = [];
  private counter = 0;
  get size() { return this.items.length; }
  push(key: number, value: number) {
    const items = this.items;
    items.push({ key, order: this.counter++, value });
    let i = items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (this.less(items[parent]!, items[i]!)) break;
      [items[parent], items[i]] = [items[i]!, items[parent]!];
      i = parent;
    }
  }
  pop(): number {
    const items = this.items;
    const top = items[0]!;
    const last = items.pop()!;
    if (items.length) {
      items[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < items.length && this.less(items[l]!, items[m]!)) m = l;
        if (r < items.length && this.less(items[r]!, items[m]!)) m = r;
        if (m === i) break;
        [items[m], items[i]] = [items[i]!, items[m]!];
        i = m;
      }
    }
    return top.value;
  }
  private less(a: { key: number; order: number }, b: { key: number; order: number }) {
    return a.key < b.key || (a.key === b.key && a.order < b.order);
  }
}

/** Routes every request in order; earlier arrows are avoided by later ones. */
export function routeArrows(requests: RouteRequest[], obstacles: Obstacle[], bounds: Rect): Point[][] {
  const routed: Segment[] = [];
  return requests.map((request) => {
    const blocking = obstacles.filter((o) => rangesOverlap(o.steps, request.steps)).map((o) => ({
      x0: o.x - ARROW_CLEARANCE, x1: o.x + o.width + ARROW_CLEARANCE, y0: o.y - ARROW_CLEARANCE, y1: o.y + o.height + ARROW_CLEARANCE,
    }));
    const others = routed.filter((s) => s.to !== request.to && rangesOverlap(s.steps, request.steps));
    const exit: Point = { x: request.sourceRight + ARROW_CLEARANCE, y: request.start.y };
    const entering = request.endSide === 'left' ? 0 : 1;
    const entry: Point = { x: request.end.x + (entering === 0 ? -ARROW_CLEARANCE : ARROW_CLEARANCE), y: request.end.y };
    const middle = findPath(exit, entry, entering, blocking, others, bounds) ?? fallbackPath(exit, entry);
    const points = simplify([request.start, exit, ...middle, entry, request.end]);
    for (let i = 1; i < points.length; i++) routed.push({ a: points[i - 1]!, b: points[i]!, to: request.to, steps: request.steps });
    return points;
  });
}

function fallbackPath(exit: Point, entry: Point): Point[] {
  const midX = (exit.x + entry.x) / 2;
  return [exit, { x: midX, y: exit.y }, { x: midX, y: entry.y }, entry];
}

interface Blocker { x0: number; x1: number; y0: number; y1: number }

function findPath(exit: Point, entry: Point, entering: number, blocking: Blocker[], others: Segment[], bounds: Rect): Point[] | undefined {
  const edgesX = blocking.flatMap((b) => [b.x0, b.x1]);
  const edgesY = blocking.flatMap((b) => [b.y0, b.y1]);
  const baseX = sortedUnique([...edgesX, exit.x, entry.x, bounds.x, bounds.x + bounds.width]);
  const baseY = sortedUnique([...edgesY, exit.y, entry.y, bounds.y, bounds.y + bounds.height]);
  // Midlines of the gaps give the routes that keep their distance from both sides.
  const xs = sortedUnique([...baseX, ...baseX.slice(1).map((x, i) => (x + baseX[i]!) / 2)]);
  const ys = sortedUnique([...baseY, ...baseY.slice(1).map((y, i) => (y + baseY[i]!) / 2)]);
  const nx = xs.length;
  const ny = ys.length;
  const inside = (x: number, y: number) => blocking.some((b) => x > b.x0 && x < b.x1 && y > b.y0 && y < b.y1);
  const blockedSegment = (ax: number, ay: number, bx: number, by: number) => {
    const mx = (ax + bx) / 2;
    const my = (ay + by) / 2;
    return inside(mx, my);
  };
  const open = new Uint8Array(nx * ny);
  for (let j = 0; j < ny; j++) for (let i = 0; i < nx; i++) open[j * nx + i] = inside(xs[i]!, ys[j]!) ? 0 : 1;
  const startI = xs.indexOf(Math.round(exit.x * 2) / 2);
  const startJ = ys.indexOf(Math.round(exit.y * 2) / 2);
  const goalI = xs.indexOf(Math.round(entry.x * 2) / 2);
  const goalJ = ys.indexOf(Math.round(entry.y * 2) / 2);
  if (startI < 0 || startJ < 0 || goalI < 0 || goalJ < 0) return undefined;
  open[startJ * nx + startI] = 1;
  open[goalJ * nx + goalI] = 1;

  const edgePenalty = (ax: number, ay: number, bx: number, by: number) => {
    let cost = 0;
    const horizontal = ay === by;
    const lo = horizontal ? Math.min(ax, bx) : Math.min(ay, by);
    const hi = horizontal ? Math.max(ax, bx) : Math.max(ay, by);
    for (const s of others) {
      const sHorizontal = s.a.y === s.b.y;
      if (horizontal === sHorizontal) {
        const same = horizontal ? s.a.y === ay : s.a.x === ax;
        if (!same) continue;
        const sLo = horizontal ? Math.min(s.a.x, s.b.x) : Math.min(s.a.y, s.b.y);
        const sHi = horizontal ? Math.max(s.a.x, s.b.x) : Math.max(s.a.y, s.b.y);
        const overlap = Math.min(hi, sHi) - Math.max(lo, sLo);
        if (overlap > 0) cost += overlap * ALONG_COST;
      } else {
        const fixed = horizontal ? ay : ax;
        const sFixed = horizontal ? s.a.x : s.a.y;
        const sLo = horizontal ? Math.min(s.a.y, s.b.y) : Math.min(s.a.x, s.b.x);
        const sHi = horizontal ? Math.max(s.a.y, s.b.y) : Math.max(s.a.x, s.b.x);
        // Crossing at an interior point of both; the far end counts so each crossing is paid once.
        if (sFixed > lo && sFixed <= hi && fixed > sLo && fixed < sHi) cost += CROSS_COST;
      }
    }
    return cost;
  };

  // State: node index * 4 + direction of arrival (0 right, 1 left, 2 down, 3 up).
  const total = nx * ny * 4;
  const best = new Float64Array(total).fill(Infinity);
  const from = new Int32Array(total).fill(-1);
  const heap = new MinHeap();
  const h = (i: number, j: number) => Math.abs(xs[i]! - entry.x) + Math.abs(ys[j]! - entry.y);
  const startState = (startJ * nx + startI) * 4 + 0; // leaving the source rightwards
  best[startState] = 0;
  heap.push(h(startI, startJ), startState);
  const moves = [[1, 0], [-1, 0], [0, 1], [0, -1]] as const;
  let found = -1;
  while (heap.size) {
    const state = heap.pop();
    const node = state >> 2;
    const dir = state & 3;
    const i = node % nx;
    const j = (node - i) / nx;
    const g = best[state]!;
    if (i === goalI && j === goalJ) {
      // The last leg must arrive moving towards the target's edge.
      if (dir === entering) { found = state; break; }
    }
    for (let d = 0; d < 4; d++) {
      if ((d ^ 1) === dir && d >> 1 === dir >> 1) continue; // no reversing
      const ni = i + moves[d]![0];
      const nj = j + moves[d]![1];
      if (ni < 0 || nj < 0 || ni >= nx || nj >= ny) continue;
      const next = nj * nx + ni;
      if (!open[next]) continue;
      const ax = xs[i]!, ay = ys[j]!, bx = xs[ni]!, by = ys[nj]!;
      if (blockedSegment(ax, ay, bx, by)) continue;
      const cost = g + Math.abs(bx - ax) + Math.abs(by - ay) + (d !== dir ? BEND_COST : 0) + (others.length ? edgePenalty(ax, ay, bx, by) : 0);
      const nextState = next * 4 + d;
      if (cost < best[nextState]!) {
        best[nextState] = cost;
        from[nextState] = state;
        heap.push(cost + h(ni, nj), nextState);
      }
    }
  }
  if (found < 0) return undefined;
  const path: Point[] = [];
  for (let state = found; state >= 0; state = from[state]!) {
    const node = state >> 2;
    const i = node % nx;
    path.push({ x: xs[i]!, y: ys[(node - i) / nx]! });
  }
  return simplify(path.reverse());
}
