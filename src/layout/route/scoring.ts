// Scoring routes: the one crossing counter (used by the router, the benchmarks and the tests),
// crowded runs, and how many other arrows a candidate path meets.
import { lastStep, rangesOverlap } from '../step-ranges.ts';
import type { Point } from '../types.ts';
import type { Blocker, Segment } from './types.ts';

/** Least distance between parallel arrows to different objects. */
export const TRACK_SPACING = 6;
/** A crowded run counts as this many crossings when orders are compared. */
const CROWD_WEIGHT = 10;

/**
 * Pre: a-b and c-d are axis-parallel. Post: true when one is horizontal, the other vertical, and they cross strictly
 * inside both.
 */
export function properlyCross(a: Point, b: Point, c: Point, d: Point): boolean {
  const horizontal = a.y === b.y;
  if (horizontal === (c.y === d.y)) return false;
  const [h0, h1, hy] = horizontal
    ? [Math.min(a.x, b.x), Math.max(a.x, b.x), a.y]
    : [Math.min(c.x, d.x), Math.max(c.x, d.x), c.y];
  const [v0, v1, vx] = horizontal
    ? [Math.min(c.y, d.y), Math.max(c.y, d.y), c.x]
    : [Math.min(a.y, b.y), Math.max(a.y, b.y), a.x];
  return vx > h0 && vx < h1 && hy > v0 && hy < v1;
}

/** Parallel runs of two segments closer than TRACK_SPACING for longer than a rounded corner. */
export function crowd(a: Point, b: Point, c: Point, d: Point): boolean {
  const vertical = a.x === b.x && a.y !== b.y;
  if (vertical !== (c.x === d.x && c.y !== d.y)) return false;
  const [gap, lo, hi] = vertical
    ? [
        Math.abs(a.x - c.x),
        Math.max(Math.min(a.y, b.y), Math.min(c.y, d.y)),
        Math.min(Math.max(a.y, b.y), Math.max(c.y, d.y)),
      ]
    : [
        Math.abs(a.y - c.y),
        Math.max(Math.min(a.x, b.x), Math.min(c.x, d.x)),
        Math.min(Math.max(a.x, b.x), Math.max(c.x, d.x)),
      ];
  return gap < TRACK_SPACING && hi - lo > 6;
}

/**
 * The corners of polyline `q` (its points but the first and last) that lie on a segment of `p`, not at one of p's
 * own corners: a line through another's turn reads as crossing it (or as one arrow with it), so each counts as a
 * crossing.
 */
function cornersOn(p: Point[], q: Point[]): number {
  let count = 0;
  for (let k = 1; k < q.length - 1; k++) {
    const c = q[k]!;
    for (let a = 1; a < p.length; a++) {
      const [u, v] = [p[a - 1]!, p[a]!];
      const onSegment =
        (u.y === v.y && c.y === u.y && c.x > Math.min(u.x, v.x) && c.x < Math.max(u.x, v.x)) ||
        (u.x === v.x && c.x === u.x && c.y > Math.min(u.y, v.y) && c.y < Math.max(u.y, v.y));
      if (onSegment) {
        count++;
        break;
      }
    }
  }
  return count;
}

/** An arrow as crossings are counted: its polyline, its target and when it is drawn. */
export interface Routed {
  to: string;
  steps: import('../types.ts').StepRanges;
  points: Point[];
}

/**
 * The crossing counter. Pre: orthogonal polylines. Post: the number of proper crossings between
 * segments of arrows to different objects drawn at a common step (arrows into one object merge,
 * so they never count), and, separately, the number of crowded parallel runs between them.
 */
export function countCrossings(arrows: Routed[]): { crossings: number; crowded: number } {
  let crossings = 0;
  let crowded = 0;
  for (let i = 0; i < arrows.length; i++) {
    for (let j = i + 1; j < arrows.length; j++) {
      const pair = pairConflicts(arrows[i]!, arrows[j]!);
      crossings += pair.crossings;
      crowded += pair.crowded;
    }
  }
  return { crossings, crowded };
}

/**
 * Pre: orthogonal polylines. Post: how many times an arrow passes through or turns on another's line where no proper
 * crossing is counted (a corner of one on a segment of the other), between arrows to different objects drawn at a
 * common step: a reader sees a crossing, or two arrows as one.
 */
export function countTouches(arrows: Routed[]): number {
  let touches = 0;
  for (let i = 0; i < arrows.length; i++)
    for (let j = i + 1; j < arrows.length; j++) touches += pairTouches(arrows[i]!, arrows[j]!);
  return touches;
}

function pairTouches(one: Routed, other: Routed): number {
  if (one.to === other.to || !rangesOverlap(one.steps, other.steps)) return 0;
  return cornersOn(one.points, other.points) + cornersOn(other.points, one.points);
}

/** Crossings and crowded runs between two arrows, as countCrossings counts them. */
export function pairConflicts(one: Routed, other: Routed): { crossings: number; crowded: number } {
  let crossings = 0;
  let crowded = 0;
  if (one.to === other.to || !rangesOverlap(one.steps, other.steps)) return { crossings, crowded };
  const [p, q] = [one.points, other.points];
  for (let a = 1; a < p.length; a++) {
    for (let b = 1; b < q.length; b++) {
      if (properlyCross(p[a - 1]!, p[a]!, q[b - 1]!, q[b]!)) crossings++;
      else if (crowd(p[a - 1]!, p[a]!, q[b - 1]!, q[b]!)) crowded++;
    }
  }
  return { crossings, crowded };
}

/**
 * What one arrow adds to the score the router minimises over routing orders when it joins the
 * others: crossings, and crowded runs weighted (running side by side is worse than crossing).
 */
export function addedConflict(arrow: Routed, others: Routed[]): number {
  let score = 0;
  for (const other of others) {
    const { crossings, crowded } = pairConflicts(arrow, other);
    score += crossings + CROWD_WEIGHT * crowded;
  }
  return score;
}

/** A crossing both arrows show at the last step counts this many times when a reroute is judged: that step is the
 * picture shown before any script runs, in print and by the CLI. */
const FINAL_WEIGHT = 16;

/**
 * Pre: `final` is the last step any arrow is drawn at. Post: the arrow's crossings and touches with `others`, those
 * drawn by both at the last step weighted, plus its crowded runs weighted: what a reroute must lower to be kept.
 */
export function finalConflict(arrow: Routed, others: Routed[], final: number): number {
  let score = 0;
  const shownLast = lastStep(arrow.steps) === final;
  for (const other of others) {
    const { crossings, crowded } = pairConflicts(arrow, other);
    const weight = shownLast && lastStep(other.steps) === final ? FINAL_WEIGHT : 1;
    score += weight * (crossings + pairTouches(arrow, other)) + CROWD_WEIGHT * crowded;
  }
  return score;
}

/** Whether the segments share any point (crossing, touching or running along each other). */
export function meet(a: Point, b: Point, c: Point, d: Point): boolean {
  const [ax0, ax1, ay0, ay1] = [Math.min(a.x, b.x), Math.max(a.x, b.x), Math.min(a.y, b.y), Math.max(a.y, b.y)];
  const [cx0, cx1, cy0, cy1] = [Math.min(c.x, d.x), Math.max(c.x, d.x), Math.min(c.y, d.y), Math.max(c.y, d.y)];
  return ax0 <= cx1 && cx0 <= ax1 && ay0 <= cy1 && cy0 <= ay1;
}

/** Other arrows a path meets, or -1 when it passes through a box. */
export function conflicts(points: Point[], blocking: Blocker[], others: Segment[]): number {
  let count = 0;
  for (let i = 1; i < points.length; i++) {
    const [a, b] = [points[i - 1]!, points[i]!];
    const [x0, x1, y0, y1] = [Math.min(a.x, b.x), Math.max(a.x, b.x), Math.min(a.y, b.y), Math.max(a.y, b.y)];
    if (blocking.some((k) => x1 > k.x0 && x0 < k.x1 && y1 > k.y0 && y0 < k.y1)) return -1;
    for (const s of others) if (meet(a, b, s.a, s.b)) count++;
  }
  return count;
}
