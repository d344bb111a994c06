// The fields several kinds of heap object share, read by kind: for the stages that ask any object
// "your items?" (exercises following `a[0].name`) rather than drawing each kind its own way.
import type { HeapObject, Ref } from './types.ts';

/** Attributes: of instances, namespaces, classes, functions, methods and cells; none for the rest. */
export function attrsOf(obj: HeapObject): [string, Ref][] {
  const none = obj.kind === 'scalar' || obj.kind === 'sequence' || obj.kind === 'dict' || obj.kind === 'generator';
  return none ? [] : obj.attrs;
}

/** Items: of a list, tuple, set or deque, or of an instance of a list or tuple subclass. */
export function itemsOf(obj: HeapObject): Ref[] {
  return obj.kind === 'sequence' ? obj.items : obj.kind === 'instance' ? (obj.items ?? []) : [];
}

/** Key and value pairs: of a dict, or of an instance of a dict subclass. */
export function entriesOf(obj: HeapObject): [Ref, Ref][] {
  return obj.kind === 'dict' ? obj.entries : obj.kind === 'instance' ? (obj.entries ?? []) : [];
}

/** A scalar's repr; undefined for any other object. */
export function reprOf(obj: HeapObject | undefined): string | undefined {
  return obj?.kind === 'scalar' ? obj.repr : undefined;
}
