// What the router is asked for and works with: requests, obstacles, routed segments, blockers.
import type { Point, Rect, StepRanges } from '../types.ts';

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
  /**
   * For a back-reference that closes a cycle: the references of the forward chain it closes, as chainKey(from, to).
   * Its search pays CHAIN_CROSS_COST to cross one of these, routed before it.
   */
  chain?: ReadonlySet<string>;
}

/** A reference's key in RouteRequest.chain. */
export const chainKey = (from: string, to: string) => `${from}\u0000${to}`;

/** A routed piece of arrow; first/last bound its steps for a quick test before the exact one. */
export interface Segment {
  a: Point;
  b: Point;
  from: string;
  to: string;
  steps: StepRanges;
  first: number;
  last: number;
  /** Set on a copy of the segment while a back-reference whose forward chain it belongs to is routed. */
  chain?: true;
  /** Set on a copy of the segment while an arrow drawn with it at the last step is routed. */
  final?: true;
}

/** A box grown by the arrows' clearance, as the router avoids it. */
export interface Blocker {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}
