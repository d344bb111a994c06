// Orthogonal arrow routing: a shortest path with few bends on the grid of box edges, around every
// box shown at the same steps, with a price on crossing or running along other arrows.
//   types       requests, obstacles          queue      the search's priority queue
//   grid        lines, lanes, rasterising    search     A* with bends priced
//   strategies  cheap routes first           scoring    the one crossing counter
//   search-cache  searches done once per distinct input
//   route-one   one arrow among those routed before it
import type { Point, Rect } from '../types.ts';
import { meeting, prepare, routeOne, segmentsOf, type Prepared } from './route-one.ts';
import { addedConflict, finalConflict, type Routed } from './scoring.ts';
import { SearchCache } from './search-cache.ts';
import type { Obstacle, RouteRequest, Segment } from './types.ts';

export type { Obstacle, RouteRequest } from './types.ts';
export { countCrossings, countTouches, TRACK_SPACING } from './scoring.ts';
export { simplify } from './simplify.ts';
export { SearchCache } from './search-cache.ts';

const FAST_ABOVE = 120;
/** Above this many arrows, one routing order only: each order costs a search per arrow. */
const ORDERS_UP_TO = 40;

/** Orders to route in, tried in turn on small diagrams: which arrow takes a track first decides
 * which ones must cross it. */
const ROUTING_ORDERS: ((a: RouteRequest, b: RouteRequest) => number)[] = [
  () => 0,
  // Top to bottom by where they leave.
  (a, b) => a.start.y - b.start.y || a.start.x - b.start.x,
  // Shortest first: short references stay straight and long ones go around them.
  (a, b) =>
    Math.abs(a.end.y - a.start.y) +
    Math.abs(a.end.x - a.start.x) -
    Math.abs(b.end.y - b.start.y) -
    Math.abs(b.end.x - b.start.x),
  // Bottom to top.
  (a, b) => b.start.y - a.start.y || a.start.x - b.start.x,
];

/**
 * Pre: every request's start lies in its source row and its end on the target's edge. Post: one
 * orthogonal polyline per request (same order), from start to end, through no obstacle shown at a
 * common step when a path exists. Earlier arrows are avoided by later ones; small diagrams are
 * routed in a few orders and keep the one with the fewest crossings and crowded runs (ties: the
 * given order). Straight and clean two-bend routes are taken without a search. An arrow that crosses another in the
 * last step's picture is routed again among all the others, and kept when it crosses less there.
 */
export function routeArrows(
  requests: RouteRequest[],
  obstacles: Obstacle[],
  bounds: Rect,
  searches = new SearchCache(),
): Point[][] {
  // Searches are remembered across orders too (and across routings that share `searches`): the same input gives the
  // same path.
  if (requests.length > ORDERS_UP_TO || requests.length < 3)
    return routeInOrder(requests, obstacles, bounds, Infinity, searches)!.paths;
  let best: { paths: Point[][]; score: number } | undefined;
  for (const order of ROUTING_ORDERS) {
    const indices = requests.map((_, i) => i).sort((a, b) => order(requests[a]!, requests[b]!) || a - b);
    // An order is given up as soon as it scores no better than the best so far: scores only grow.
    const routed = routeInOrder(
      indices.map((i) => requests[i]!),
      obstacles,
      bounds,
      best?.score ?? Infinity,
      searches,
    );
    if (!routed) continue;
    const paths: Point[][] = [];
    indices.forEach((original, k) => {
      paths[original] = routed.paths[k]!;
    });
    best = { paths, score: routed.score };
    if (routed.score === 0) break;
  }
  return best!.paths;
}

/**
 * Post: the paths in the given order and their score (crossings and crowded runs weighted, see addedConflict), or
 * undefined once the score reaches `giveUpAt`.
 */
function routeInOrder(
  requests: RouteRequest[],
  obstacles: Obstacle[],
  bounds: Rect,
  giveUpAt: number,
  searches: SearchCache,
): { paths: Point[][]; score: number } | undefined {
  const routed: Segment[] = [];
  const arrows: Routed[] = [];
  let score = 0;
  // Many arrows (long runs): take a clean simple route when there is one and search only otherwise.
  const fast = requests.length > FAST_ABOVE;
  const prepared = requests.map((r) => prepare(r, obstacles));
  const final = prepared.reduce((most, p) => Math.max(most, p.last), 0);
  // Every arrow's first and last legs are fixed (dot to clearance, clearance to edge): a clean
  // two-bend route must keep clear of those of arrows not routed yet too.
  const legs: Segment[] = prepared.flatMap((p) => [
    ...segmentsOf(p, [p.request.start, p.exit]),
    ...segmentsOf(p, [p.entry, p.request.end]),
  ]);
  for (const [k, p] of prepared.entries()) {
    const others = meeting(p, routed);
    const points = routeOne(
      p,
      others,
      () => others.concat(meeting(p, legs)),
      prepared.slice(k + 1),
      fast,
      bounds,
      searches,
      final,
    );
    routed.push(...segmentsOf(p, points));
    const arrow = { to: p.request.to, steps: p.request.steps, points };
    if (!fast) {
      score += addedConflict(arrow, arrows);
      if (score >= giveUpAt) return undefined;
    }
    arrows.push(arrow);
  }
  if (rerouteFinalCrossings(prepared, arrows, bounds, searches, final) && !fast)
    score = arrows.reduce((sum, arrow, k) => sum + addedConflict(arrow, arrows.slice(0, k)), 0);
  return { paths: arrows.map((a) => a.points), score };
}

/**
 * Pre: every arrow routed, each among those before it only. Post: an arrow crossing another at the last step is
 * routed again among all the others, and the new path kept when it crosses, touches and crowds less (last-step ones
 * weighted): an arrow routed early could not see what it would force later ones to cross.
 */
function rerouteFinalCrossings(
  prepared: Prepared[],
  arrows: Routed[],
  bounds: Rect,
  searches: SearchCache,
  final: number,
): boolean {
  let changed = false;
  const shownLast = prepared.flatMap((p, k) => (p.last === final ? [k] : []));
  for (const k of shownLast) {
    const arrow = arrows[k]!;
    // Only an arrow crossing another in the last step's picture is routed again (long runs have hundreds of arrows).
    if (shownLast.every((j) => j === k || finalConflict(arrow, [arrows[j]!], final) === 0)) continue;
    const p = prepared[k]!;
    const others = arrows.filter((_, j) => j !== k);
    const before = finalConflict(arrow, others, final);
    const segments = prepared.flatMap((q, j) => (j === k ? [] : segmentsOf(q, arrows[j]!.points)));
    const met = meeting(p, segments);
    const points = routeOne(p, met, () => met, [], false, bounds, searches, final);
    const rerouted = { ...arrow, points };
    if (finalConflict(rerouted, others, final) >= before) continue;
    arrows[k] = rerouted;
    changed = true;
  }
  return changed;
}
