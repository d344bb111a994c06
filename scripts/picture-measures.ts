// What a reader sees in one drawn picture of one step, in numbers: crossings of whole arrows as
// drawn, their length and the area they and the boxes take. Shared by the structure benchmarks.
import type { Point } from '../src/layout/types.ts';
import type { Drawn } from './structure-engines.ts';

export const polylineLength = (points: Point[]) =>
  points.slice(1).reduce((sum, p, i) => sum + Math.hypot(p.x - points[i]!.x, p.y - points[i]!.y), 0);

export const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/**
 * Proper crossings of any two polylines into different boxes (dot's splines sampled): the same count for every engine.
 */
export function generalCrossings(arrows: { to: string; points: Point[] }[]): number {
  const orient = (p: Point, q: Point, r: Point) => Math.sign((q.x - p.x) * (r.y - p.y) - (q.y - p.y) * (r.x - p.x));
  let count = 0;
  for (let i = 0; i < arrows.length; i++)
    for (let j = i + 1; j < arrows.length; j++) {
      if (arrows[i]!.to === arrows[j]!.to) continue;
      const [p, q] = [arrows[i]!.points, arrows[j]!.points];
      for (let a = 1; a < p.length; a++)
        for (let b = 1; b < q.length; b++) {
          const [s0, s1, t0, t1] = [p[a - 1]!, p[a]!, q[b - 1]!, q[b]!];
          if (orient(s0, s1, t0) * orient(s0, s1, t1) < 0 && orient(t0, t1, s0) * orient(t0, t1, s1) < 0) count++;
        }
    }
  return count;
}

/** One picture's figures: crossings, whole arrow length (from the dot or port to the tip), area of boxes and arrows. */
export function measurePicture(drawn: Drawn): { crossings: number; length: number; area: number } {
  return {
    crossings: generalCrossings(drawn.arrows),
    length: drawn.arrows.reduce((sum, a) => sum + polylineLength(a.points), 0),
    area: drawn.width * drawn.height,
  };
}
