// Orthogonal arrow routing: a shortest path with few bends on the grid of box edges, around every
// box shown at the same steps, with a price on crossing or running along other arrows.
import { ARROW_CLEARANCE } from './metrics.ts';
import { firstStep, lastStep, rangesOverlap } from './step-ranges.ts';
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
const FAST_ABOVE = 120;
const CROSS_COST = 60;
/** Per px of running on another arrow's line: two references drawn as one cannot be told apart. */
const ALONG_COST = 30;
/** Per px of running beside another arrow closer than TRACK_SPACING: a reader could not follow either. */
const NEAR_COST = 12;
/** Least distance between parallel arrows to different objects. */
export const TRACK_SPACING = 6;
/** A crowded run counts as this many crossings when orders are compared. */
const CROWD_WEIGHT = 10;
/** Passing through a point of another arrow: two arrows meeting at a corner would read as one. */
const TOUCH_COST = 45;

/** A routed piece of arrow; first/last bound its steps for a quick test before the exact one. */
interface Segment { a: Point; b: Point; to: string; steps: StepRanges; first: number; last: number }

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

/** A binary heap of (key, value) pairs in flat arrays (no object per entry); ties pop in insertion order. */
class MinHeap {
  private keys: number[] = [];
  private orders: number[] = [];
  private values: number[] = [];
  private counter = 0;
  get size() { return this.keys.length; }
  push(key: number, value: number) {
    const { keys, orders, values } = this;
    let i = keys.length;
    const order = this.counter++;
    keys.push(key); orders.push(order); values.push(value);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (keys[parent]! < key || (keys[parent] === key && orders[parent]! < order)) break;
      keys[i] = keys[parent]!; orders[i] = orders[parent]!; values[i] = values[parent]!;
      i = parent;
    }
    keys[i] = key; orders[i] = order; values[i] = value;
  }
  pop(): number {
    const { keys, orders, values } = this;
    const top = values[0]!;
    const key = keys.pop()!;
    const order = orders.pop()!;
    const value = values.pop()!;
    const n = keys.length;
    if (n) {
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= n) break;
        const r = l + 1;
        const m = r < n && (keys[r]! < keys[l]! || (keys[r] === keys[l] && orders[r]! < orders[l]!)) ? r : l;
        if (key < keys[m]! || (key === keys[m] && order < orders[m]!)) break;
        keys[i] = keys[m]!; orders[i] = orders[m]!; values[i] = values[m]!;
        i = m;
      }
      keys[i] = key; orders[i] = order; values[i] = value;
    }
    return top;
  }
}

/** Orders to route in, tried in turn on small diagrams: which arrow takes a track first decides
 * which ones must cross it. */
const ROUTING_ORDERS: ((a: RouteRequest, b: RouteRequest) => number)[] = [
  () => 0,
  // Top to bottom by where they leave.
  (a, b) => a.start.y - b.start.y || a.start.x - b.start.x,
  // Shortest first: short references stay straight and long ones go around them.
  (a, b) => Math.abs(a.end.y - a.start.y) + Math.abs(a.end.x - a.start.x) - Math.abs(b.end.y - b.start.y) - Math.abs(b.end.x - b.start.x),
  // Bottom to top.
  (a, b) => b.start.y - a.start.y || a.start.x - b.start.x,
];

/** Parallel runs of two segments closer than TRACK_SPACING for longer than a rounded corner. */
function crowd(a: Point, b: Point, c: Point, d: Point): boolean {
  const vertical = a.x === b.x && a.y !== b.y;
  if (vertical !== (c.x === d.x && c.y !== d.y)) return false;
  const [gap, lo, hi] = vertical
    ? [Math.abs(a.x - c.x), Math.max(Math.min(a.y, b.y), Math.min(c.y, d.y)), Math.min(Math.max(a.y, b.y), Math.max(c.y, d.y))]
    : [Math.abs(a.y - c.y), Math.max(Math.min(a.x, b.x), Math.min(c.x, d.x)), Math.min(Math.max(a.x, b.x), Math.max(c.x, d.x))];
  return gap < TRACK_SPACING && hi - lo > 6;
}

/** Proper crossings (and crowded runs, weighted) between routes of arrows to different objects shown at a common step. */
function conflictScore(requests: RouteRequest[], paths: Point[][]): number {
  let count = 0;
  for (let i = 0; i < paths.length; i++) {
    for (let j = i + 1; j < paths.length; j++) {
      if (requests[i]!.to === requests[j]!.to || !rangesOverlap(requests[i]!.steps, requests[j]!.steps)) continue;
      const [p, q] = [paths[i]!, paths[j]!];
      for (let a = 1; a < p.length; a++) {
        for (let b = 1; b < q.length; b++) {
          if (properlyCross(p[a - 1]!, p[a]!, q[b - 1]!, q[b]!)) count++;
          // Running side by side is worse than crossing: the reader loses both arrows.
          else if (crowd(p[a - 1]!, p[a]!, q[b - 1]!, q[b]!)) count += CROWD_WEIGHT;
        }
      }
    }
  }
  return count;
}

function properlyCross(a: Point, b: Point, c: Point, d: Point): boolean {
  const horizontal = a.y === b.y;
  if (horizontal === (c.y === d.y)) return false;
  const [h0, h1, hy] = horizontal ? [Math.min(a.x, b.x), Math.max(a.x, b.x), a.y] : [Math.min(c.x, d.x), Math.max(c.x, d.x), c.y];
  const [v0, v1, vx] = horizontal ? [Math.min(c.y, d.y), Math.max(c.y, d.y), c.x] : [Math.min(a.y, b.y), Math.max(a.y, b.y), a.x];
  return vx > h0 && vx < h1 && hy > v0 && hy < v1;
}

/**
 * Routes every request; earlier arrows are avoided by later ones. Small diagrams are routed in a
 * few orders and keep the one with the fewest crossings and crowded runs (ties: the given order).
 */
export function routeArrows(requests: RouteRequest[], obstacles: Obstacle[], bounds: Rect): Point[][] {
  if (requests.length > FAST_ABOVE || requests.length < 3) return routeInOrder(requests, obstacles, bounds);
  let best: { paths: Point[][]; crossings: number } | undefined;
  for (const order of ROUTING_ORDERS) {
    const indices = requests.map((_, i) => i).sort((a, b) => order(requests[a]!, requests[b]!) || a - b);
    const routed = routeInOrder(indices.map((i) => requests[i]!), obstacles, bounds);
    const paths: Point[][] = [];
    indices.forEach((original, k) => { paths[original] = routed[k]!; });
    const crossings = conflictScore(requests, paths);
    if (!best || crossings < best.crossings) best = { paths, crossings };
    if (crossings === 0) break;
  }
  return best!.paths;
}

function routeInOrder(requests: RouteRequest[], obstacles: Obstacle[], bounds: Rect): Point[][] {
  const routed: Segment[] = [];
  // Many arrows (long runs): take a clean simple route when there is one and search only otherwise.
  const fast = requests.length > FAST_ABOVE;
  return requests.map((request) => {
    const first = firstStep(request.steps);
    const last = lastStep(request.steps);
    const blocking = obstacles.filter((o) => lastStep(o.steps) >= first && firstStep(o.steps) <= last && rangesOverlap(o.steps, request.steps)).map((o) => ({
      x0: o.x - ARROW_CLEARANCE, x1: o.x + o.width + ARROW_CLEARANCE, y0: o.y - ARROW_CLEARANCE, y1: o.y + o.height + ARROW_CLEARANCE,
    }));
    const others = routed.filter((s) => s.last >= first && s.first <= last && s.to !== request.to && rangesOverlap(s.steps, request.steps));
    const exit: Point = { x: request.sourceRight + ARROW_CLEARANCE, y: request.start.y };
    const entering = request.endSide === 'left' ? 0 : 1;
    const entry: Point = { x: request.end.x + (entering === 0 ? -ARROW_CLEARANCE : ARROW_CLEARANCE), y: request.end.y };
    const middle = (fast && entering === 0 ? simpleRoute(exit, entry, blocking, others) : undefined)
      ?? routeNear(exit, entry, entering, blocking, others, bounds) ?? fallbackPath(exit, entry);
    const points = simplify([request.start, exit, ...middle, entry, request.end]);
    for (let i = 1; i < points.length; i++) routed.push({ a: points[i - 1]!, b: points[i]!, to: request.to, steps: request.steps, first, last });
    return points;
  });
}

/** Whether the segments share any point (crossing, touching or running along each other). */
function meet(a: Point, b: Point, c: Point, d: Point): boolean {
  const [ax0, ax1, ay0, ay1] = [Math.min(a.x, b.x), Math.max(a.x, b.x), Math.min(a.y, b.y), Math.max(a.y, b.y)];
  const [cx0, cx1, cy0, cy1] = [Math.min(c.x, d.x), Math.max(c.x, d.x), Math.min(c.y, d.y), Math.max(c.y, d.y)];
  return ax0 <= cx1 && cx0 <= ax1 && ay0 <= cy1 && cy0 <= ay1;
}

/** Other arrows a path meets, or -1 when it passes through a box. */
function conflicts(points: Point[], blocking: Blocker[], others: Segment[]): number {
  let count = 0;
  for (let i = 1; i < points.length; i++) {
    const [a, b] = [points[i - 1]!, points[i]!];
    const [x0, x1, y0, y1] = [Math.min(a.x, b.x), Math.max(a.x, b.x), Math.min(a.y, b.y), Math.max(a.y, b.y)];
    if (blocking.some((k) => x1 > k.x0 && x0 < k.x1 && y1 > k.y0 && y0 < k.y1)) return -1;
    for (const s of others) if (meet(a, b, s.a, s.b)) count++;
  }
  return count;
}

/**
 * For long runs with hundreds of arrows, tried before any search: a straight line, or one
 * vertical run in a lane of the gap right of the source, through no box and meeting as few other
 * arrows as possible. Most references go from one column to the next, so this keeps layout quick.
 */
function simpleRoute(exit: Point, entry: Point, blocking: Blocker[], others: Segment[]): Point[] | undefined {
  if (entry.x <= exit.x) return undefined;
  if (entry.y === exit.y && conflicts([exit, entry], blocking, others) === 0) return [exit, entry];
  const wall = Math.min(entry.x, ...blocking.filter((b) => b.x0 >= exit.x && b.y1 > Math.min(exit.y, entry.y) && b.y0 < Math.max(exit.y, entry.y)).map((b) => b.x0));
  let best: { path: Point[]; count: number } | undefined;
  for (let x = exit.x + LANE; x <= wall - LANE / 2; x += LANE) {
    const path = [exit, { x, y: exit.y }, { x, y: entry.y }, entry];
    const count = conflicts(path, blocking, others);
    if (count === 0) return path;
    if (count > 0 && (!best || count < best.count)) best = { path, count };
  }
  return best?.path;
}

/** Searches a window around both ends first, widening it only when no path fits: arrows rarely need to go far. */
function routeNear(exit: Point, entry: Point, entering: number, blocking: Blocker[], others: Segment[], bounds: Rect): Point[] | undefined {
  for (const margin of [48, 160]) {
    const x0 = Math.max(bounds.x, Math.min(exit.x, entry.x) - margin);
    const x1 = Math.min(bounds.x + bounds.width, Math.max(exit.x, entry.x) + margin);
    const y0 = Math.max(bounds.y, Math.min(exit.y, entry.y) - margin);
    const y1 = Math.min(bounds.y + bounds.height, Math.max(exit.y, entry.y) + margin);
    const window = { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
    const near = blocking.filter((b) => b.x1 > x0 && b.x0 < x1 && b.y1 > y0 && b.y0 < y1);
    const nearOthers = others.filter((s) => Math.max(s.a.x, s.b.x) >= x0 && Math.min(s.a.x, s.b.x) <= x1 && Math.max(s.a.y, s.b.y) >= y0 && Math.min(s.a.y, s.b.y) <= y1);
    const path = findPath(exit, entry, entering, near, nearOthers, window);
    if (path) return path;
  }
  return findPath(exit, entry, entering, blocking, others, bounds);
}

const LANE = 8;
/** Lanes along each edge of a gap too wide to fill with lanes. */
const WIDE_GAP_LANES = 6;

function lanes(edges: number[]): number[] {
  const out: number[] = [];
  for (let i = 1; i < edges.length; i++) {
    const a = edges[i - 1]!;
    const b = edges[i]!;
    out.push((a + b) / 2);
    const count = Math.floor((b - a) / LANE) - 1;
    if (count >= 2 && b - a <= 120) for (let k = 1; k <= count; k++) out.push(a + ((b - a) * k) / (count + 1));
    // A wide gap: lanes along both of its edges, where arrows turn towards their targets.
    else if (count >= 2) for (let k = 1; k <= WIDE_GAP_LANES; k++) out.push(a + k * LANE, b - k * LANE);
  }
  return out;
}

function fallbackPath(exit: Point, entry: Point): Point[] {
  const midX = (exit.x + entry.x) / 2;
  return [exit, { x: midX, y: exit.y }, { x: midX, y: entry.y }, entry];
}

interface Blocker { x0: number; x1: number; y0: number; y1: number }

function add(values: Float64Array, index: number, amount: number): void {
  values[index] = values[index]! + amount;
}

/** Index of the first value >= v in sorted `values`. */
function lowerBound(values: number[], v: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (values[mid]! < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function findPath(exit: Point, entry: Point, entering: number, blocking: Blocker[], others: Segment[], bounds: Rect): Point[] | undefined {
  const baseX = sortedUnique([...blocking.flatMap((b) => [b.x0, b.x1]), exit.x, entry.x, bounds.x, bounds.x + bounds.width]);
  const baseY = sortedUnique([...blocking.flatMap((b) => [b.y0, b.y1]), exit.y, entry.y, bounds.y, bounds.y + bounds.height]);
  // Lanes inside the gaps: their midlines, and in wide gaps one lane every LANE px, so many
  // arrows can run side by side instead of detouring.
  const xs = sortedUnique([...baseX, ...lanes(baseX)]).filter((x) => x >= bounds.x && x <= bounds.x + bounds.width);
  const ys = sortedUnique([...baseY, ...lanes(baseY)]).filter((y) => y >= bounds.y && y <= bounds.y + bounds.height);
  const nx = xs.length;
  const ny = ys.length;
  const startI = xs.indexOf(Math.round(exit.x * 2) / 2);
  const startJ = ys.indexOf(Math.round(exit.y * 2) / 2);
  const goalI = xs.indexOf(Math.round(entry.x * 2) / 2);
  const goalJ = ys.indexOf(Math.round(entry.y * 2) / 2);
  if (startI < 0 || startJ < 0 || goalI < 0 || goalJ < 0) return undefined;

  // Rasterise the boxes once: closed nodes, and edges whose midpoint lies inside a box.
  const closed = new Uint8Array(nx * ny);
  const hBlocked = new Uint8Array(nx * ny); // edge (i, j) -> (i + 1, j)
  const vBlocked = new Uint8Array(nx * ny); // edge (i, j) -> (i, j + 1)
  for (const b of blocking) {
    const i0 = lowerBound(xs, b.x0);
    const i1 = lowerBound(xs, b.x1);
    const j0 = lowerBound(ys, b.y0);
    const j1 = lowerBound(ys, b.y1);
    for (let j = j0; j <= j1 && j < ny; j++) {
      for (let i = Math.max(0, i0 - 1); i <= i1 && i < nx; i++) {
        const x = xs[i]!;
        const y = ys[j]!;
        const yInside = y > b.y0 && y < b.y1;
        const xInside = x > b.x0 && x < b.x1;
        if (xInside && yInside) closed[j * nx + i] = 1;
        if (yInside && i + 1 < nx) {
          const mx = (x + xs[i + 1]!) / 2;
          if (mx > b.x0 && mx < b.x1) hBlocked[j * nx + i] = 1;
        }
        if (xInside && j + 1 < ny) {
          const my = (y + ys[j + 1]!) / 2;
          if (my > b.y0 && my < b.y1) vBlocked[j * nx + i] = 1;
        }
      }
    }
    if (j0 > 0) {
      // The row just above the box: vertical edges that enter it.
      const j = j0 - 1;
      for (let i = i0; i < i1 && i < nx; i++) {
        const x = xs[i]!;
        const my = (ys[j]! + ys[j + 1]!) / 2;
        if (x > b.x0 && x < b.x1 && my > b.y0 && my < b.y1) vBlocked[j * nx + i] = 1;
      }
    }
  }
  closed[startJ * nx + startI] = 0;
  closed[goalJ * nx + goalI] = 0;

  // Rasterise the other arrows: a price on crossing them and on running along them.
  const hPenalty = new Float64Array(nx * ny);
  const vPenalty = new Float64Array(nx * ny);
  const nodePenalty = new Float64Array(nx * ny);
  for (const seg of others) {
    const row = seg.a.y === seg.b.y ? ys.indexOf(seg.a.y) : -1;
    const column = seg.a.x === seg.b.x ? xs.indexOf(seg.a.x) : -1;
    if (row >= 0) {
      for (let i = lowerBound(xs, Math.min(seg.a.x, seg.b.x)); i < nx && xs[i]! <= Math.max(seg.a.x, seg.b.x); i++) add(nodePenalty, row * nx + i, TOUCH_COST);
    } else if (column >= 0) {
      for (let j = lowerBound(ys, Math.min(seg.a.y, seg.b.y)); j < ny && ys[j]! <= Math.max(seg.a.y, seg.b.y); j++) add(nodePenalty, j * nx + column, TOUCH_COST);
    }
    if (seg.a.y === seg.b.y) {
      const y = seg.a.y;
      const lo = Math.min(seg.a.x, seg.b.x);
      const hi = Math.max(seg.a.x, seg.b.x);
      const row = ys.indexOf(y);
      for (let near = lowerBound(ys, y - TRACK_SPACING + 0.01); near < ny && ys[near]! < y + TRACK_SPACING; near++) {
        if (ys[near] === y) continue;
        for (let i = lowerBound(xs, lo); i + 1 < nx && xs[i + 1]! <= hi; i++) add(hPenalty, near * nx + i, (xs[i + 1]! - xs[i]!) * NEAR_COST);
      }
      for (let i = lowerBound(xs, lo); i < nx && xs[i]! <= hi; i++) {
        if (row >= 0 && i + 1 < nx && xs[i + 1]! <= hi) add(hPenalty, row * nx + i, (xs[i + 1]! - xs[i]!) * ALONG_COST);
        if (xs[i]! > lo && xs[i]! < hi) {
          // Vertical edges at column i that cross y (strictly inside the edge, or ending on it from above).
          const j = lowerBound(ys, y) - 1;
          if (j >= 0 && j + 1 < ny) add(vPenalty, j * nx + i, CROSS_COST);
        }
      }
    } else {
      const x = seg.a.x;
      const lo = Math.min(seg.a.y, seg.b.y);
      const hi = Math.max(seg.a.y, seg.b.y);
      const column = xs.indexOf(x);
      for (let near = lowerBound(xs, x - TRACK_SPACING + 0.01); near < nx && xs[near]! < x + TRACK_SPACING; near++) {
        if (xs[near] === x) continue;
        for (let j = lowerBound(ys, lo); j + 1 < ny && ys[j + 1]! <= hi; j++) add(vPenalty, j * nx + near, (ys[j + 1]! - ys[j]!) * NEAR_COST);
      }
      for (let j = lowerBound(ys, lo); j < ny && ys[j]! <= hi; j++) {
        if (column >= 0 && j + 1 < ny && ys[j + 1]! <= hi) add(vPenalty, j * nx + column, (ys[j + 1]! - ys[j]!) * ALONG_COST);
        if (ys[j]! > lo && ys[j]! < hi) {
          const i = lowerBound(xs, x) - 1;
          if (i >= 0 && i + 1 < nx) add(hPenalty, j * nx + i, CROSS_COST);
        }
      }
    }
  }

  // State: node index * 4 + direction of arrival (0 right, 1 left, 2 down, 3 up).
  const total = nx * ny * 4;
  const best = new Float64Array(total).fill(Infinity);
  const from = new Int32Array(total).fill(-1);
  const heap = new MinHeap();
  const h = (i: number, j: number) => Math.abs(xs[i]! - entry.x) + Math.abs(ys[j]! - entry.y);
  const startState = (startJ * nx + startI) * 4 + 0; // leaving the source rightwards
  best[startState] = 0;
  heap.push(h(startI, startJ), startState);
  let found = -1;
  while (heap.size) {
    const state = heap.pop();
    const node = state >> 2;
    const dir = state & 3;
    const i = node % nx;
    const j = (node - i) / nx;
    const g = best[state]!;
    if (i === goalI && j === goalJ && dir === entering) { found = state; break; }
    for (let d = 0; d < 4; d++) {
      if ((d ^ 1) === dir) continue; // no reversing
      let next: number;
      let length: number;
      let penalty: number;
      if (d === 0) {
        if (i + 1 >= nx || hBlocked[node]) continue;
        next = node + 1; length = xs[i + 1]! - xs[i]!; penalty = hPenalty[node]!;
      } else if (d === 1) {
        if (i === 0 || hBlocked[node - 1]) continue;
        next = node - 1; length = xs[i]! - xs[i - 1]!; penalty = hPenalty[node - 1]!;
      } else if (d === 2) {
        if (j + 1 >= ny || vBlocked[node]) continue;
        next = node + nx; length = ys[j + 1]! - ys[j]!; penalty = vPenalty[node]!;
      } else {
        if (j === 0 || vBlocked[node - nx]) continue;
        next = node - nx; length = ys[j]! - ys[j - 1]!; penalty = vPenalty[node - nx]!;
      }
      if (closed[next]) continue;
      const cost = g + length + penalty + nodePenalty[next]! + (d !== dir ? BEND_COST : 0);
      const nextState = next * 4 + d;
      if (cost < best[nextState]!) {
        best[nextState] = cost;
        from[nextState] = state;
        const ni = next % nx;
        heap.push(cost + h(ni, (next - ni) / nx), nextState);
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
