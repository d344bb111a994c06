// A* over the routing grid, with a price per bend: the shortest path with few bends that avoids
// boxes and pays for meeting other arrows.
import type { Point, Rect } from '../types.ts';
import { buildGrid } from './grid.ts';
import { MinHeap } from './queue.ts';
import type { Blocker, Segment } from './types.ts';
import { simplify } from './simplify.ts';

const BEND_COST = 24;

/** Cost and back-pointer per search state, kept between searches: arrows are routed one after another, and fresh arrays per search kept the collector busy. */
let scratch = { best: new Float64Array(0), from: new Int32Array(0), expanded: new Uint8Array(0) };

/**
 * The fewest bends still needed from (x, y) moving in `dir` to arrive at entry moving in
 * `entering` (both horizontal): a lower bound, so A* stays exact while it follows paths with few
 * bends first. Pre: entering is 0 (right) or 1 (left).
 */
function bendsLeft(x: number, y: number, dir: number, entry: Point, entering: number): number {
  if (dir >= 2) return 1;
  if (dir !== entering) return 2;
  const ahead = entering === 0 ? x <= entry.x : x >= entry.x;
  return ahead && y === entry.y ? 0 : 2;
}

/**
 * Pre: exit is where the arrow leaves its source rightwards; `entering` is the direction it must
 * arrive at entry in (0 moving right, into a left edge; 1 moving left, into a right edge). Post:
 * the cheapest orthogonal path through no blocker, simplified, or undefined when there is none.
 */
export function findPath(exit: Point, entry: Point, entering: number, blocking: Blocker[], others: Segment[], bounds: Rect): Point[] | undefined {
  const grid = buildGrid(exit, entry, blocking, others, bounds);
  if (!grid) return undefined;
  const { xs, ys, nx, ny, closed, hBlocked, vBlocked, hPenalty, vPenalty, nodePenalty } = grid;
  const goalI = grid.goal % nx;
  const goalJ = (grid.goal - goalI) / nx;
  const startI = grid.start % nx;
  const startJ = (grid.start - startI) / nx;
  // State: node index * 4 + direction of arrival (0 right, 1 left, 2 down, 3 up).
  const total = nx * ny * 4;
  if (scratch.best.length < total) scratch = { best: new Float64Array(total * 2), from: new Int32Array(total * 2), expanded: new Uint8Array(total * 2) };
  const best = scratch.best.fill(Infinity, 0, total);
  const from = scratch.from.fill(-1, 0, total);
  const expanded = scratch.expanded.fill(0, 0, total);
  const heap = new MinHeap();
  const h = (i: number, j: number, dir: number) => Math.abs(xs[i]! - entry.x) + Math.abs(ys[j]! - entry.y) + BEND_COST * bendsLeft(xs[i]!, ys[j]!, dir, entry, entering);
  const startState = (startJ * nx + startI) * 4 + 0; // leaving the source rightwards
  best[startState] = 0;
  const h0 = h(startI, startJ, 0);
  heap.push(h0, h0, startState);
  let found = -1;
  while (heap.size) {
    const state = heap.pop();
    // A state is queued again each time a cheaper way to it is found; only its first pop counts.
    if (expanded[state]) continue;
    expanded[state] = 1;
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
        const left = h(ni, (next - ni) / nx, d);
        heap.push(cost + left, left, nextState);
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
