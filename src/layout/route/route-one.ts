// One arrow's path among boxes and arrows already routed: its fixed ends, the boxes it must
// avoid, and the strategies cheapest first (straight, two bends, lane, search, dog-leg).
import { ARROW_CLEARANCE } from '../metrics.ts';
import { firstStep, lastStep, rangesOverlap } from '../step-ranges.ts';
import type { Point, Rect } from '../types.ts';
import type { SearchCache } from './search-cache.ts';
import { simplify } from './simplify.ts';
import { fallbackPath, routeNear, simpleRoute, straightRoute, twoBendRoute } from './strategies.ts';
import { chainKey, type Blocker, type Obstacle, type RouteRequest, type Segment } from './types.ts';

/** Post: the segments, those of `chain` replaced by copies marked `chain` (the search prices crossing them higher). */
const markChain = (chain: ReadonlySet<string>) => (segments: Segment[]) =>
  segments.map((s) => (chain.has(chainKey(s.from, s.to)) ? { ...s, chain: true as const } : s));

/** Post: the segments drawn at step `final`, as copies marked `final` (the search prices crossing them higher). */
const markFinal = (final: number) => (segments: Segment[]) =>
  segments.map((s) => (s.last === final ? { ...s, final: true as const } : s));

/**
 * A request with what routing it needs, worked out once: its steps, the ends of its searched part, the boxes in its
 * way.
 */
export interface Prepared {
  request: RouteRequest;
  first: number;
  last: number;
  /** Where the searched part begins and ends: clear of the source and of the target. */
  exit: Point;
  entry: Point;
  /** 0: arriving rightwards, into a left edge; 1: leftwards, into a right edge. */
  entering: number;
  /** Boxes shown at a common step, grown by the clearance. */
  blocking: Blocker[];
}

export function prepare(request: RouteRequest, obstacles: Obstacle[]): Prepared {
  const [first, last] = [firstStep(request.steps), lastStep(request.steps)];
  const entering = request.endSide === 'left' ? 0 : 1;
  const blocking = obstacles
    .filter((o) => lastStep(o.steps) >= first && firstStep(o.steps) <= last && rangesOverlap(o.steps, request.steps))
    .map((o) => ({
      x0: o.x - ARROW_CLEARANCE,
      x1: o.x + o.width + ARROW_CLEARANCE,
      y0: o.y - ARROW_CLEARANCE,
      y1: o.y + o.height + ARROW_CLEARANCE,
    }));
  return {
    request,
    first,
    last,
    entering,
    blocking,
    exit: { x: request.sourceRight + ARROW_CLEARANCE, y: request.start.y },
    entry: { x: request.end.x + (entering === 0 ? -ARROW_CLEARANCE : ARROW_CLEARANCE), y: request.end.y },
  };
}

/** Post: the segments of `segments` that can meet the prepared arrow: drawn at a common step, into another object. */
export function meeting(p: Prepared, segments: Segment[]): Segment[] {
  return segments.filter(
    (s) => s.last >= p.first && s.first <= p.last && s.to !== p.request.to && rangesOverlap(s.steps, p.request.steps),
  );
}

/** Post: the polyline's segments, each marked with the arrow's target and steps. */
export function segmentsOf(p: Prepared, points: Point[]): Segment[] {
  const out: Segment[] = [];
  for (let i = 1; i < points.length; i++)
    out.push({
      a: points[i - 1]!,
      b: points[i]!,
      from: p.request.from,
      to: p.request.to,
      steps: p.request.steps,
      first: p.first,
      last: p.last,
    });
  return out;
}

/**
 * Arrows not routed yet that must turn later than `p` or cross it: from the same box, into the
 * same column, going the same way up or down from a row further on, to a target short of p's
 * (nested inside it). Leaving rightmost lanes to them keeps the pair uncrossed.
 */
export function nestedInside(p: Prepared, unrouted: Prepared[]): number {
  const up = p.entry.y < p.exit.y;
  let count = 0;
  for (const q of unrouted) {
    if (
      q.request.from !== p.request.from ||
      q.entry.x !== p.entry.x ||
      q.entering !== 0 ||
      q.request.to === p.request.to
    )
      continue;
    if (q.last < p.first || q.first > p.last || !rangesOverlap(q.request.steps, p.request.steps)) continue;
    const nested = up
      ? q.exit.y > p.exit.y && q.entry.y > p.entry.y && q.entry.y < p.exit.y
      : q.exit.y < p.exit.y && q.entry.y < p.entry.y && q.entry.y > p.exit.y;
    if (nested) count++;
  }
  return count;
}

/**
 * Pre: `others` from meeting(); `fixed` adds the fixed first and last legs of arrows not routed
 * yet; `unrouted` the arrows routed after it. Post: the arrow's simplified polyline from its dot to its target's edge,
 * through no box
 * when a path exists. Straight and clean two-bend routes are taken without a search; `fast` (long
 * runs) takes a one-lane route when there is one before searching.
 */
export function routeOne(
  p: Prepared,
  others: Segment[],
  fixed: () => Segment[],
  unrouted: Prepared[],
  fast: boolean,
  bounds: Rect,
  searches: SearchCache,
  final: number,
): Point[] {
  const { exit, entry, entering, blocking, request } = p;
  // A back-reference's chain is only priced by the search: it never takes the straight or two-bend routes.
  const chained = request.chain ? markChain(request.chain)(others) : others;
  const priced = p.last === final ? markFinal(final)(chained) : chained;
  const middle =
    (entering === 0
      ? (straightRoute(exit, entry, blocking, others) ??
        twoBendRoute(exit, entry, blocking, fixed(), nestedInside(p, unrouted)))
      : undefined) ??
    (fast && entering === 0 ? simpleRoute(exit, entry, blocking, others) : undefined) ??
    routeNear(exit, entry, entering, blocking, priced, bounds, searches) ??
    fallbackPath(exit, entry);
  return simplify([request.start, exit, ...middle, entry, request.end]);
}
