// A chain wrapped into rows, as text wraps: rows after the first start at the left margin under the
// frames, each reads left to right, and one reference per row returns to the next row's start.
import { ARROW_CLEARANCE, MARGIN } from './metrics.ts';
import type { Arrow, FrameBox, ObjectBox } from './types.ts';

/** Room kept right of a row's last box for the arrow leaving it downwards. */
export const WRAP_RESERVE = 2 * ARROW_CLEARANCE;
/** How many columns wide the unreflowed picture must be before a chain is wrapped: a return arrow
 * per row (about a row long) costs the reader less than scrolling half a column and more. */
export const WRAP_ABOVE = 1.5;

/** The boxes and arrows a chain wrap is recognised by (an arrangement's or a layout's). */
export interface Drawn {
  frames: FrameBox[];
  objects: ObjectBox[];
  arrows: Arrow[];
}

/** The references from an object to one of a later layer drawn left of it: each returns to a later row's start. */
export function rowReturns(drawn: Drawn): { from: ObjectBox; to: ObjectBox }[] {
  const byId = new Map(drawn.objects.map((o) => [o.id, o]));
  return drawn.arrows.flatMap((a) => {
    const [from, to] = [byId.get(a.from), byId.get(a.to)];
    return from && to && to.column > from.column && to.x < from.x ? [{ from, to }] : [];
  });
}

/**
 * Whether the picture is a chain wrap: some row starts left of the frames' right edge (only a wrap
 * under the frames puts one there), every row return is a chain link, a reference between two
 * objects of one type (a node's next, a list's inner list), and no object sends or takes more than one
 * of them, so each row goes on where the last ended (a grid's outer list fanning out into rows is no chain).
 */
export function isChainWrap(drawn: Drawn): boolean {
  const framesRight = Math.max(MARGIN, ...drawn.frames.map((f) => f.x + f.width));
  if (!drawn.objects.some((o) => o.x < framesRight)) return false;
  const links = new Map(rowReturns(drawn).map((r) => [`${r.from.id} ${r.to.id}`, r]));
  const returns = [...links.values()];
  const once = (ids: string[]) => new Set(ids).size === ids.length;
  return (
    returns.length > 0 &&
    returns.every((r) => r.from.type === r.to.type) &&
    once(returns.map((r) => r.from.id)) &&
    once(returns.map((r) => r.to.id))
  );
}
