// Ways to find one arrow's path, cheapest first: a straight or one-lane route for long runs, a
// search in a window around both ends, the whole picture, and a last-resort dog-leg.
import type { Point, Rect } from '../types.ts';
import { LANE } from './grid.ts';
import { conflicts, crowd, properlyCross, TRACK_SPACING } from './scoring.ts';
import type { SearchCache } from './search-cache.ts';
import type { Blocker, Segment } from './types.ts';

/**
 * What can touch a candidate path lying inside the rectangle between exit and entry: the blockers
 * overlapping it and the other arrows' segments within TRACK_SPACING of it, in the given order.
 * Post: conflicts() and crowd() over candidates in the rectangle count exactly what they would
 * count over all of them; the candidates only stop scanning what lies far away.
 */
function nearRectangle(
  exit: Point,
  entry: Point,
  blocking: Blocker[],
  others: Segment[],
): { blocking: Blocker[]; others: Segment[] } {
  const [x0, x1, y0, y1] = [
    Math.min(exit.x, entry.x),
    Math.max(exit.x, entry.x),
    Math.min(exit.y, entry.y),
    Math.max(exit.y, entry.y),
  ];
  return {
    blocking: blocking.filter((k) => x1 > k.x0 && x0 < k.x1 && y1 > k.y0 && y0 < k.y1),
    others: others.filter(
      (s) =>
        Math.max(s.a.x, s.b.x) >= x0 - TRACK_SPACING &&
        Math.min(s.a.x, s.b.x) <= x1 + TRACK_SPACING &&
        Math.max(s.a.y, s.b.y) >= y0 - TRACK_SPACING &&
        Math.min(s.a.y, s.b.y) <= y1 + TRACK_SPACING,
    ),
  };
}

/**
 * For long runs with hundreds of arrows, tried before any search: a straight line, or one
 * vertical run in a lane of the gap right of the source, through no box and meeting as few other
 * arrows as possible. Most references go from one column to the next, so this keeps layout quick.
 */
export function simpleRoute(
  exit: Point,
  entry: Point,
  allBlocking: Blocker[],
  allOthers: Segment[],
): Point[] | undefined {
  if (entry.x <= exit.x) return undefined;
  const { blocking, others } = nearRectangle(exit, entry, allBlocking, allOthers);
  if (entry.y === exit.y && conflicts([exit, entry], blocking, others) === 0) return [exit, entry];
  const wall = Math.min(
    entry.x,
    ...blocking
      .filter((b) => b.x0 >= exit.x && b.y1 > Math.min(exit.y, entry.y) && b.y0 < Math.max(exit.y, entry.y))
      .map((b) => b.x0),
  );
  let best: { path: Point[]; count: number } | undefined;
  for (let x = exit.x + LANE; x <= wall - LANE / 2; x += LANE) {
    const path = [exit, { x, y: exit.y }, { x, y: entry.y }, entry];
    const count = conflicts(path, blocking, others);
    if (count === 0) return path;
    if (count > 0 && (!best || count < best.count)) best = { path, count };
  }
  return best?.path;
}

/** Room around both ends the search may use before the whole picture: enough to go round a
 * column of boxes below or above instead of crossing the arrows between them. */
const WINDOW_MARGIN = 160;

/** Searches a window around both ends, the whole picture only when no path fits in it. */
export function routeNear(
  exit: Point,
  entry: Point,
  entering: number,
  blocking: Blocker[],
  others: Segment[],
  bounds: Rect,
  searches: SearchCache,
): Point[] | undefined {
  const x0 = Math.max(bounds.x, Math.min(exit.x, entry.x) - WINDOW_MARGIN);
  const x1 = Math.min(bounds.x + bounds.width, Math.max(exit.x, entry.x) + WINDOW_MARGIN);
  const y0 = Math.max(bounds.y, Math.min(exit.y, entry.y) - WINDOW_MARGIN);
  const y1 = Math.min(bounds.y + bounds.height, Math.max(exit.y, entry.y) + WINDOW_MARGIN);
  const window = { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
  const near = blocking.filter((b) => b.x1 > x0 && b.x0 < x1 && b.y1 > y0 && b.y0 < y1);
  const nearOthers = others.filter(
    (s) =>
      Math.max(s.a.x, s.b.x) >= x0 &&
      Math.min(s.a.x, s.b.x) <= x1 &&
      Math.max(s.a.y, s.b.y) >= y0 &&
      Math.min(s.a.y, s.b.y) <= y1,
  );
  const inWindow = searches.findPath(exit, entry, entering, near, nearOthers, window);
  if (!inWindow) return searches.findPath(exit, entry, entering, blocking, others, bounds);
  // A path kept in the window may have to cross what is dearest to cross (its own chain, the last step's arrows)
  // where going round further away would not: then the whole picture is searched too, and the one crossing less kept.
  const dear = others.filter((s) => s.chain || s.final);
  const before = dearCrossings(inWindow, dear);
  if (before === 0) return inWindow;
  const whole = searches.findPath(exit, entry, entering, blocking, others, bounds);
  return whole && dearCrossings(whole, dear) < before ? whole : inWindow;
}

/** Proper crossings of a path with segments, those of a chain counted as many as the rest together could be. */
function dearCrossings(path: Point[], segments: Segment[]): number {
  let chain = 0;
  let final = 0;
  for (let i = 1; i < path.length; i++)
    for (const s of segments)
      if (properlyCross(path[i - 1]!, path[i]!, s.a, s.b)) {
        if (s.chain) chain++;
        else final++;
      }
  return chain * (segments.length + 1) + final;
}

/**
 * Tried first for every arrow: the straight line, when the arrow's ends are level, nothing is in
 * the way and no other arrow meets or runs close beside it. Post: the path the search would find
 * (no bend, shortest, nothing to pay), or undefined.
 */
export function straightRoute(
  exit: Point,
  entry: Point,
  allBlocking: Blocker[],
  allOthers: Segment[],
): Point[] | undefined {
  if (entry.y !== exit.y || entry.x <= exit.x) return undefined;
  const { blocking, others } = nearRectangle(exit, entry, allBlocking, allOthers);
  if (conflicts([exit, entry], blocking, others) !== 0) return undefined;
  return others.some((s) => crowd(exit, entry, s.a, s.b)) ? undefined : [exit, entry];
}

/** Lanes of one gap tried for a two-bend route's vertical run. */
const Z_CANDIDATES = 12;

/**
 * Tried after the straight line for every arrow into a left edge: two bends, the vertical run in
 * a free lane of a gap between boxes, turning as late as it can (nearest the target first), so
 * arrows into one object share their last run and merge. Post: a path through no box that meets
 * and crowds no other arrow, or undefined. Leaving and arriving rightwards at different heights
 * takes at least two bends, so such a path costs what the search's best would (length plus two
 * bends, nothing to pay) and the search is skipped. The first `leaveFree` clean lanes (from the
 * target's side) are passed over, for arrows nested inside this one that must turn later.
 */
export function twoBendRoute(
  exit: Point,
  entry: Point,
  allBlocking: Blocker[],
  allOthers: Segment[],
  leaveFree = 0,
): Point[] | undefined {
  if (entry.x <= exit.x || entry.y === exit.y) return undefined;
  const { blocking, others } = nearRectangle(exit, entry, allBlocking, allOthers);
  const edges = [exit.x, entry.x];
  for (const b of allBlocking) for (const x of [b.x0, b.x1]) if (x > exit.x && x < entry.x) edges.push(x);
  edges.sort((a, b) => b - a);
  let clean: Point[] | undefined;
  for (let g = 1; g < edges.length; g++) {
    const [right, left] = [edges[g - 1]!, edges[g]!];
    for (let k = 1; k <= Z_CANDIDATES; k++) {
      const x = right - k * LANE;
      if (x < left + LANE / 2) break;
      const path = [exit, { x, y: exit.y }, { x, y: entry.y }, entry];
      if (conflicts(path, blocking, others) !== 0) continue;
      if (path.slice(1).some((p, i) => others.some((o) => crowd(path[i]!, p, o.a, o.b)))) continue;
      // A clean lane left for an arrow that has to turn later than this one (see nestedInside).
      clean = path;
      if (leaveFree-- > 0) continue;
      return path;
    }
  }
  // Fewer clean lanes than arrows to leave room for: the one furthest from the target leaves most.
  return clean;
}

/**
 * Post: an orthogonal path from exit to entry with one vertical run half way (it may cross boxes: only when no search
 * found a path).
 */
export function fallbackPath(exit: Point, entry: Point): Point[] {
  const midX = (exit.x + entry.x) / 2;
  return [exit, { x: midX, y: exit.y }, { x: midX, y: entry.y }, entry];
}
