// What the layout needs to know of heap objects' references: which are drawn as arrows, which
// are written as text, and how to name them in words.
import type { HeapObject, Ref } from '../trace/types.ts';
import { INLINE_SCALAR_TYPES } from './object-content.ts';
import { drawnItems } from './shorten-container.ts';

export const isInlineScalar = (obj: HeapObject | undefined) =>
  obj?.kind === 'scalar' && INLINE_SCALAR_TYPES.has(obj.type);

/** A dict's entries as arrows: the value, and the key too unless it is a scalar written in the row. */
function entryRefs(entries: [Ref, Ref][], heap: ReadonlyMap<string, HeapObject>): Ref[] {
  return entries.flatMap(([key, value]) => (shortRepr(heap.get(key.ref)) === undefined ? [key, value] : [value]));
}

/** Every reference an object draws an arrow for, in drawing order (scalar dict keys are written in their row). */
export function childRefs(obj: HeapObject, heap: ReadonlyMap<string, HeapObject>): Ref[] {
  // Only what is drawn: long containers keep their head and tail.
  switch (obj.kind) {
    case 'scalar':
      return [];
    case 'sequence':
      return drawnItems(obj.items, obj.elided);
    case 'dict':
      return entryRefs(drawnItems(obj.entries, obj.elided), heap);
    case 'instance': {
      const attrs = drawnItems(obj.attrs).map(([, ref]) => ref);
      return [...drawnItems(obj.items ?? []), ...entryRefs(drawnItems(obj.entries ?? []), heap), ...attrs];
    }
    case 'namespace':
    case 'class':
      return drawnItems(obj.attrs).map(([, ref]) => ref);
    case 'cell':
    case 'method':
      return obj.attrs.map(([, ref]) => ref);
    // Functions and generators draw their defaults, closure and locals, not their attributes.
    case 'function':
      return [...(obj.defaults ?? []), ...(obj.closure ?? []).map(([, ref]) => ref)];
    case 'generator':
      return obj.locals.map(([, ref]) => ref);
  }
}

/** The references an object draws arrows for, at one heap (childRefs, or the same remembered). */
export type RefsOf = (obj: HeapObject, heap: ReadonlyMap<string, HeapObject>) => Ref[];

/**
 * What childRefs answers, remembered per heap and object: unchanged steps share both, so a long run asks for the same
 * references many times. Post: the very array childRefs returned, not to be changed.
 */
export function rememberedChildRefs(): RefsOf {
  const byHeap = new WeakMap<ReadonlyMap<string, HeapObject>, WeakMap<HeapObject, Ref[]>>();
  return (obj, heap) => {
    let known = byHeap.get(heap);
    if (!known) byHeap.set(heap, (known = new WeakMap()));
    let refs = known.get(obj);
    if (!refs) known.set(obj, (refs = childRefs(obj, heap)));
    return refs;
  };
}

/** A scalar's repr (dict keys and inline values are written as it); undefined for any other object. */
export function shortRepr(obj: HeapObject | undefined): string | undefined {
  return obj?.kind === 'scalar' ? obj.repr : undefined;
}

/** Words for a reference, for summaries: "int 3", "the list o2". */
export function describeRef(id: string, heap: ReadonlyMap<string, HeapObject>): string {
  const obj = heap.get(id);
  if (!obj) return `object ${id}`;
  const repr = shortRepr(obj);
  if (repr !== undefined) return `${obj.type} ${repr.length > 40 ? `${repr.slice(0, 40)}…` : repr}`;
  return `${obj.type} ${id}`;
}
