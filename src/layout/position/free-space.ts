// Free vertical room in a column of boxes that stand at different steps.
import { BOX_GAP } from '../metrics.ts';

export interface Span {
  first: number;
  last: number;
  y: number;
  height: number;
  /** The steps it stands at, ascending, when not every step from first to last. */
  shown?: readonly number[];
}

type When = Pick<Span, 'first' | 'last' | 'shown'>;

/** Whether two boxes stand at a common step. */
export function overlapInTime(a: When, b: When): boolean {
  if (a.first > b.last || b.first > a.last) return false;
  if (!a.shown || !b.shown) return true;
  for (let i = 0, j = 0; i < a.shown.length && j < b.shown.length; ) {
    if (a.shown[i] === b.shown[j]) return true;
    if (a.shown[i]! < b.shown[j]!) i++;
    else j++;
  }
  return false;
}

/** The free y nearest to `desired` (never above `min`) for a box of `height` among `placed`. */
export function nearestFreeY(desired: number, min: number, height: number, when: When, placed: Span[]): number {
  const conflicts = placed.filter((p) => overlapInTime(p, when));
  const fits = (y: number) =>
    y >= min && conflicts.every((p) => y + height + BOX_GAP <= p.y || y >= p.y + p.height + BOX_GAP);
  const candidates = [
    Math.max(min, desired),
    ...conflicts.flatMap((p) => [p.y + p.height + BOX_GAP, p.y - height - BOX_GAP]),
  ]
    .filter(fits)
    .sort((a, b) => Math.abs(a - desired) - Math.abs(b - desired) || a - b);
  if (candidates.length) return candidates[0]!;
  return Math.max(min, ...conflicts.map((p) => p.y + p.height + BOX_GAP));
}
