// Every reference a heap object holds, whatever its kind: the one walk over an object's fields
// that validation, folding and layout share.
import type { HeapObject, Ref } from './types.ts';

const isRef = (value: unknown): value is Ref => typeof value === 'object' && value !== null && typeof (value as Ref).ref === 'string';

/** Items, dict keys and values, attributes, defaults, closure cells and generator locals, in that order. */
export function refsOf(obj: HeapObject): Ref[] {
  const refs: Ref[] = [];
  const fields = obj as Record<string, unknown>;
  for (const key of ['items', 'defaults'] as const) {
    if (Array.isArray(fields[key])) for (const ref of fields[key] as unknown[]) if (isRef(ref)) refs.push(ref);
  }
  if (Array.isArray(fields.entries)) for (const [k, v] of fields.entries as [unknown, unknown][]) for (const ref of [k, v]) if (isRef(ref)) refs.push(ref);
  for (const key of ['attrs', 'closure', 'locals'] as const) {
    if (Array.isArray(fields[key])) for (const [, ref] of fields[key] as [string, unknown][]) if (isRef(ref)) refs.push(ref);
  }
  return refs;
}
