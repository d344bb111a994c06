// Every reference a heap object holds, whatever its kind: the one walk over an object's fields, for
// the JSON that validation reads and the typed objects that exercises read alike.
import type { HeapObject, HeapObjectJson, Ref } from './types.ts';

const isRef = (value: unknown): value is Ref =>
  typeof value === 'object' && value !== null && typeof (value as Ref).ref === 'string';

/** Items, dict keys and values, attributes, defaults, closure cells and generator locals, in that order. */
export function refsOf(obj: HeapObjectJson | HeapObject): Ref[] {
  const refs: Ref[] = [];
  // The same field names in both forms: one walk over them, whichever kind the object is.
  const fields = obj as unknown as Readonly<Record<string, unknown>>;
  for (const key of ['items', 'defaults'] as const) {
    if (Array.isArray(fields[key])) for (const ref of fields[key] as unknown[]) if (isRef(ref)) refs.push(ref);
  }
  if (Array.isArray(fields.entries))
    for (const [k, v] of fields.entries as [unknown, unknown][])
      for (const ref of [k, v]) if (isRef(ref)) refs.push(ref);
  for (const key of ['attrs', 'closure', 'locals'] as const) {
    if (Array.isArray(fields[key]))
      for (const [, ref] of fields[key] as [string, unknown][]) if (isRef(ref)) refs.push(ref);
  }
  return refs;
}
