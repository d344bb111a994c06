// A* over the routing grid, with a price per bend: the shortest path with few bends that avoids
// boxes and pays for meeting other arrows.
import type { Point, Rect } from '../types.ts';
import { buildGrid } from './grid.ts';
import { MinHeap } from './queue.ts';
import type { Blocker, Segment } from './types.ts';
import { simplify } from './simplify.ts';

const BEND_COST = 24;

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
