// What the layout needs to know of heap objects' references: which are drawn as arrows, which
// are written as text, and how to name them in words.
import type { HeapObject, Ref } from '../trace/types.ts';
import { INLINE_SCALAR_TYPES, objectKindOf } from './object-content.ts';
import { drawnItems } from './shorten-container.ts';

export const isInlineScalar = (obj: HeapObject | undefined) =>
  obj !== undefined && typeof obj['repr'] === 'string' && INLINE_SCALAR_TYPES.has(obj.type) && objectKindOf(obj) === 'scalar';

/** Every reference an object draws an arrow for, in drawing order (scalar dict keys are written in their row). */
export function childRefs(obj: HeapObject, heap: ReadonlyMap<string, HeapObject>): Ref[] {
  const refs: Ref[] = [];
  const push = (r: unknown) => {
    if (r && typeof r === 'object' && typeof (r as Ref).ref === 'string') refs.push(r as Ref);
  };
  // Only what is drawn: long containers keep their head and tail.
  const elided = obj['elided'] as { at: number; count: number } | undefined;
  for (const r of drawnItems((obj['items'] as Ref[] | undefined) ?? [], elided)) push(r);
  for (const [k, v] of drawnItems((obj['entries'] as [Ref, Ref][] | undefined) ?? [], elided)) {
    if (shortRepr(heap.get(k?.ref)) === undefined) push(k);
    push(v);
  }
  const kind = obj['kind'];
  const attrs = (obj['attrs'] as [string, Ref][] | undefined) ?? [];
  // Functions and generators draw their defaults, closure and locals, not their attributes.
  const drawnAttrs = kind === 'function' || kind === 'generator' ? [] : kind === 'cell' || kind === 'method' ? attrs : drawnItems(attrs);
  for (const [, v] of drawnAttrs) push(v);
  for (const r of (obj['defaults'] as Ref[] | undefined) ?? []) push(r);
  for (const [, v] of (obj['closure'] as [string, Ref][] | undefined) ?? []) push(v);
  for (const [, v] of (obj['locals'] as [string, Ref][] | undefined) ?? []) push(v);
  return refs;
}

/** The references an object draws arrows for, at one heap (childRefs, or the same remembered). */
export type RefsOf = (obj: HeapObject, heap: ReadonlyMap<string, HeapObject>) => Ref[];

/** What childRefs answers, remembered per heap and object: unchanged steps share both, so a long run asks for the same references many times. Post: the very array childRefs returned, not to be changed. */
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

export function shortRepr(obj: HeapObject | undefined): string | undefined {
  // Dict keys and inline values are written as their repr when they are scalars.
  if (!obj || typeof obj['repr'] !== 'string' || objectKindOf(obj) !== 'scalar') return undefined;
  return obj['repr'] as string;
}

/** Words for a reference, for summaries: "int 3", "the list o2". */
export function describeRef(id: string, heap: ReadonlyMap<string, HeapObject>): string {
  const obj = heap.get(id);
  if (!obj) return `object ${id}`;
  const repr = shortRepr(obj);
  if (repr !== undefined) return `${obj.type} ${repr.length > 40 ? `${repr.slice(0, 40)}…` : repr}`;
  return `${obj.type} ${id}`;
}
