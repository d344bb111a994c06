// A* over the routing grid, with a price per bend: the shortest path with few bends that avoids
// boxes and pays for meeting other arrows.
import type { Point, Rect } from '../types.ts';
import { buildGrid } from './grid.ts';
import { BucketQueue } from './queue.ts';
import type { Blocker, Segment } from './types.ts';
import { simplify } from './simplify.ts';

// Grid lines lie on half pixels and every price is a whole multiple of one (per bend, per
// crossing, per px along), so every cost and key is a multiple of 0.5: the bucket queue's half
// units order states exactly, and A* stays exact.
const BEND_COST = 24;

/**
 * Cost and back-pointer per search state, kept between searches: arrows are routed one after another, and fresh arrays
 * per search kept the collector busy.
 */
let scratch = { best: new Float64Array(0), from: new Int32Array(0), expanded: new Uint8Array(0) };

/** One queue for every search, emptied at the start of each. */
const queue = new BucketQueue();

/** Searches run and states expanded since the process started: the router's work, in numbers
 * the machine does not change (read by the structures benchmark). */
export const searchWork = { searches: 0, states: 0 };

/**
 * Pre: exit is where the arrow leaves its source rightwards; `entering` is the direction it must
 * arrive at entry in (0 moving right, into a left edge; 1 moving left, into a right edge). Post:
 * the cheapest orthogonal path through no blocker, simplified, or undefined when there is none.
 */
export function findPath(
  exit: Point,
  entry: Point,
  entering: number,
  blocking: Blocker[],
  others: Segment[],
  bounds: Rect,
): Point[] | undefined {
  const grid = buildGrid(exit, entry, blocking, others, bounds);
  if (!grid) return undefined;
  searchWork.searches++;
  const { nx, ny, xs, ys, closed, hBlocked, vBlocked, hPenalty, vPenalty, nodePenalty } = grid;
  const goalState = grid.goal * 4 + entering;
  const startI = grid.start % nx;
  const startJ = (grid.start - startI) / nx;
  // State: node index * 4 + direction of arrival (0 right, 1 left, 2 down, 3 up).
  const total = nx * ny * 4;
  if (scratch.best.length < total)
    scratch = {
      best: new Float64Array(total * 2),
      from: new Int32Array(total * 2),
      expanded: new Uint8Array(total * 2),
    };
  const best = scratch.best.fill(Infinity, 0, total);
  const from = scratch.from.fill(-1, 0, total);
  const expanded = scratch.expanded.fill(0, 0, total);
  queue.clear();
  // The heuristic: distance to entry plus the fewest bends still needed from (i, j) moving in
  // `dir` to arrive at entry moving in `entering`, a lower bound, so A* stays exact while it
  // follows paths with few bends first. Turning vertical costs one bend, arriving the wrong way
  // two; moving the right way arrives straight only from entry's row, not yet past entry.
  const { dx, dy, ahead, level } = heuristicTables(xs, ys, entry, entering);
  const h = (i: number, j: number, dir: number) =>
    dx[i]! + dy[j]! + BEND_COST * (dir >= 2 ? 1 : dir !== entering ? 2 : ahead[i]! & level[j]! ? 0 : 2);
  const startState = (startJ * nx + startI) * 4 + 0; // leaving the source rightwards
  best[startState] = 0;
  queue.push(h(startI, startJ, 0), startState);
  let found = -1;
  while (queue.size) {
    const state = queue.pop();
    // A state is queued again each time a cheaper way to it is found; only its first pop counts.
    if (expanded[state]) continue;
    expanded[state] = 1;
    searchWork.states++;
    if (state === goalState) {
      found = state;
      break;
    }
    const node = state >> 2;
    const dir = state & 3;
    const i = node % nx;
    const j = (node - i) / nx;
    const g = best[state]!;
    for (let d = 0; d < 4; d++) {
      if ((d ^ 1) === dir) continue; // no reversing
      let next: number;
      let ni = i;
      let nj = j;
      let length: number;
      let penalty: number;
      if (d === 0) {
        if (i + 1 >= nx || hBlocked[node]) continue;
        next = node + 1;
        ni = i + 1;
        length = xs[ni]! - xs[i]!;
        penalty = hPenalty[node]!;
      } else if (d === 1) {
        if (i === 0 || hBlocked[node - 1]) continue;
        next = node - 1;
        ni = i - 1;
        length = xs[i]! - xs[ni]!;
        penalty = hPenalty[next]!;
      } else if (d === 2) {
        if (j + 1 >= ny || vBlocked[node]) continue;
        next = node + nx;
        nj = j + 1;
        length = ys[nj]! - ys[j]!;
        penalty = vPenalty[node]!;
      } else {
        if (j === 0 || vBlocked[node - nx]) continue;
        next = node - nx;
        nj = j - 1;
        length = ys[j]! - ys[nj]!;
        penalty = vPenalty[next]!;
      }
      if (closed[next]) continue;
      const cost = g + length + penalty + nodePenalty[next]! + (d !== dir ? BEND_COST : 0);
      const nextState = next * 4 + d;
      if (cost < best[nextState]!) {
        best[nextState] = cost;
        from[nextState] = state;
        queue.push(cost + h(ni, nj, d), nextState);
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

/**
 * Per grid line: distance to entry; per column, whether it is not yet past entry (moving the way of `entering`); per
 * row, whether it is entry's.
 */
function heuristicTables(xs: Float64Array, ys: Float64Array, entry: Point, entering: number) {
  const dx = new Float64Array(xs.length);
  const ahead = new Uint8Array(xs.length);
  for (let i = 0; i < xs.length; i++) {
    dx[i] = Math.abs(xs[i]! - entry.x);
    ahead[i] = (entering === 0 ? xs[i]! <= entry.x : xs[i]! >= entry.x) ? 1 : 0;
  }
  const dy = new Float64Array(ys.length);
  const level = new Uint8Array(ys.length);
  for (let j = 0; j < ys.length; j++) {
    dy[j] = Math.abs(ys[j]! - entry.y);
    level[j] = ys[j] === entry.y ? 1 : 0;
  }
  return { dx, dy, ahead, level };
}
