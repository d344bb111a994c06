// Searches remembered by their exact input while one diagram is routed: boxes that exist at
// different steps share places, so long runs ask for the very same search many times.
import type { Point, Rect } from '../types.ts';
import { findPath } from './search.ts';
import type { Blocker, Segment } from './types.ts';

/**
 * Pre: one cache per routing (the requests of one diagram). Post: the path findPath returns for
 * these arguments, a fresh copy each time; searched once per distinct input. The input is the
 * whole of what the search reads: both ends, the direction of arrival, the window, and every
 * blocker and other arrow's segment in the order given (the order fixes how prices add up).
 */
export class SearchCache {
  private readonly paths = new Map<string, Point[] | undefined>();

  findPath(
    exit: Point,
    entry: Point,
    entering: number,
    blocking: Blocker[],
    others: Segment[],
    bounds: Rect,
  ): Point[] | undefined {
    const parts: number[] = [
      exit.x,
      exit.y,
      entry.x,
      entry.y,
      entering,
      bounds.x,
      bounds.y,
      bounds.width,
      bounds.height,
      blocking.length,
    ];
    for (const b of blocking) parts.push(b.x0, b.x1, b.y0, b.y1);
    for (const s of others) parts.push(s.a.x, s.a.y, s.b.x, s.b.y, s.chain ? 1 : s.final ? 2 : 0);
    const key = parts.join(',');
    let path: Point[] | undefined;
    if (this.paths.has(key)) path = this.paths.get(key);
    else this.paths.set(key, (path = findPath(exit, entry, entering, blocking, others, bounds)));
    return path?.map((p) => ({ x: p.x, y: p.y }));
  }
}
