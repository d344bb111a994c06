// Long containers are drawn as their head, the number of items left out, and their tail, so a
// box never grows past MAX_ROWS rows; the simulator's own elision (first 20, last 20) is folded in.
import { MAX_ROWS } from './metrics.ts';

export interface ShownItems<T> {
  head: { item: T; index: number }[];
  /** Items left out between head and tail (0: nothing left out). */
  gap: number;
  tail: { item: T; index: number }[];
}

const HEAD = Math.ceil(MAX_ROWS / 2);
const TAIL = MAX_ROWS - HEAD - 1;

export function shownItems<T>(items: readonly T[], elided?: { at: number; count: number }): ShownItems<T> {
  const skipped = elided?.count ?? 0;
  const at = elided ? Math.min(Math.max(elided.at, 0), items.length) : items.length;
  const indexed = items.map((item, i) => ({ item, index: i < at ? i : i + skipped }));
  if (items.length <= MAX_ROWS) return { head: indexed.slice(0, at), gap: skipped, tail: indexed.slice(at) };
  const length = items.length + skipped;
  return { head: indexed.slice(0, HEAD), gap: length - HEAD - TAIL, tail: indexed.slice(items.length - TAIL) };
}

/** The items drawn, in order (what arrows start from). */
export function drawnItems<T>(items: readonly T[], elided?: { at: number; count: number }): T[] {
  const shown = shownItems(items, elided);
  return [...shown.head, ...shown.tail].map((entry) => entry.item);
}
