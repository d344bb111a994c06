// Long chains and big trees are drawn as their first part (a chain also its last part) and one
// marker saying how many objects of which type are left out, so a 200-node list fits a page.
import type { HeapObject, Ref } from '../trace/types.ts';
import { objectKindOf } from './object-content.ts';

export interface Shortened {
  /** Objects not drawn at this step (reached only through the left-out part). */
  hidden: Set<string>;
  /** First objects of kept chain tails: drawn although only hidden objects refer to them. */
  tails: string[];
  /** Text shown in place of the one reference into each left-out part ("… 174 more Node objects"). */
  marker: Map<string, string>;
}

/**
 * One choice for the whole run, so an object is drawn or left out at every step alike (the layout
 * then holds only what is drawn): the left-out part of the step that leaves out most. Markers are
 * counted per step: the first reference (breadth first) into a left-out part of each type carries
 * "… N more T objects", N being what that step leaves out of that type.
 * Pre: `orders[s]` is the breadth-first order of objects reachable at step s + 1.
 */
export function shortenOverRun(
  orders: string[][],
  heaps: ReadonlyMap<string, HeapObject>[],
  children: (s: number, id: string) => Ref[],
  limit: number,
): { hidden: Set<string>; tails: string[]; markersAt: Map<string, string>[] } {
  let widest: Shortened = { hidden: new Set(), tails: [], marker: new Map() };
  orders.forEach((order, s) => {
    const shortened = shortenStructures(order, heaps[s]!, (id) => children(s, id), limit);
    if (shortened.hidden.size >= widest.hidden.size && shortened.hidden.size > 0) widest = shortened;
  });
  const markersAt = orders.map((order, s) => {
    const marker = new Map<string, string>();
    if (!widest.hidden.size) return marker;
    const counts = new Map<string, number>();
    const first = new Map<string, string>();
    for (const id of order) {
      if (!widest.hidden.has(id)) continue;
      const type = heaps[s]!.get(id)!.type;
      counts.set(type, (counts.get(type) ?? 0) + 1);
      if (!first.has(type)) first.set(type, id);
    }
    for (const [type, id] of first) marker.set(id, `… ${counts.get(type)} more ${type} objects`);
    return marker;
  });
  return { hidden: widest.hidden, tails: widest.tails, markersAt };
}

/** Of a chain over the limit, the last this many objects are kept too. */
const TAIL_SHARE = 0.25;

/**
 * Pre: `order` lists the objects reachable at one step, breadth first from the frames; `children`
 * gives each one's references in drawing order. Post: for every structure (objects of one type,
 * not scalars, linked by references among themselves) with more than `limit` members, all but its
 * first `limit - tail` members in breadth-first order and, when it is a chain (no member has two
 * later members of it as children), its last `tail` members are in `hidden`; the first hidden
 * member carries the marker. `limit` <= 0 shortens nothing.
 */
export function shortenStructures(
  order: string[],
  heap: ReadonlyMap<string, HeapObject>,
  children: (id: string) => Ref[],
  limit: number,
): Shortened {
  const result: Shortened = { hidden: new Set(), tails: [], marker: new Map() };
  if (limit <= 0 || order.length <= limit) return result;
  const position = new Map(order.map((id, i) => [id, i]));
  const typeOf = (id: string) => heap.get(id)!.type;
  const grouped = new Set<string>();
  for (const start of order) {
    const obj = heap.get(start)!;
    if (grouped.has(start) || objectKindOf(obj) === 'scalar') continue;
    // The structure: start's component among objects of its type, in breadth-first order.
    const members: string[] = [start];
    grouped.add(start);
    for (let i = 0; i < members.length; i++) {
      for (const ref of children(members[i]!)) {
        if (!grouped.has(ref.ref) && position.has(ref.ref) && typeOf(ref.ref) === obj.type) {
          grouped.add(ref.ref);
          members.push(ref.ref);
        }
      }
    }
    if (members.length <= limit) continue;
    members.sort((a, b) => position.get(a)! - position.get(b)!);
    const inside = new Set(members);
    const chain = members.every(
      (id) => children(id).filter((r) => inside.has(r.ref) && position.get(r.ref)! > position.get(id)!).length <= 1,
    );
    const tail = chain ? Math.max(1, Math.floor(limit * TAIL_SHARE)) : 0;
    const head = limit - tail;
    const left = members.slice(head, members.length - tail);
    for (const id of left) result.hidden.add(id);
    if (tail) result.tails.push(members[members.length - tail]!);
    result.marker.set(left[0]!, `… ${left.length} more ${obj.type} objects`);
  }
  return result;
}
