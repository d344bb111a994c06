// Which scalars one step draws inside the slot that refers to them: all of them (`inline`), none
// (`heap`), or (`auto`) all but those a name shares with another reference, drawn as boxes so the
// sharing shows.
import type { StepState } from '../trace/fold-trace.ts';
import type { HeapObject, Ref } from '../trace/types.ts';
import { isInlineScalar, type RefsOf } from './heap-references.ts';
import type { ResolvedLayoutOptions } from './layout-options.ts';

/** Scalars `auto` always writes in their slot: their identity never teaches anything. */
const ALWAYS_INLINE = new Set(['NoneType', 'bool']);

/**
 * Pre: `stack` is the step's drawn stack; `refsOf` the references drawn, `alsoDrawn` objects drawn though
 * no drawn reference reaches them. Post: a predicate true for the references the step writes
 * as text. In `auto`, a scalar is a box exactly when a name (or a return value) refers to it and
 * at least one other reference drawn at the step does too.
 */
export function inlineScalars(
  mode: ResolvedLayoutOptions['scalars'],
  state: StepState,
  stack: StepState['stack'],
  hidden: Set<string>,
  refsOf: RefsOf,
  alsoDrawn: readonly string[] = [],
): (ref: Ref) => boolean {
  const heap = state.heap;
  if (mode === 'heap') return () => false;
  if (mode === 'inline') return (ref) => isInlineScalar(heap.get(ref.ref));
  const named = new Map<string, number>();
  const held = new Map<string, number>();
  const seen = new Set<string>();
  const queue: HeapObject[] = [];
  const count = (ref: Ref, byName: boolean) => {
    const obj = heap.get(ref.ref);
    if (!obj) return;
    if (isInlineScalar(obj)) {
      held.set(ref.ref, (held.get(ref.ref) ?? 0) + 1);
      if (byName) named.set(ref.ref, (named.get(ref.ref) ?? 0) + 1);
    } else if (!seen.has(ref.ref)) {
      seen.add(ref.ref);
      queue.push(obj);
    }
  };
  for (const frame of stack) for (const [name, ref] of frame.locals) if (!hidden.has(name)) count(ref, true);
  const returnValue = state.step.returnValue;
  if (stack.length === state.stack.length && state.step.event === 'return' && returnValue?.ref)
    count(returnValue, true);
  for (const id of alsoDrawn) if (heap.has(id)) count({ ref: id }, false);
  for (let i = 0; i < queue.length; i++) for (const child of refsOf(queue[i]!, heap)) count(child, false);
  return (ref) => {
    const obj = heap.get(ref.ref);
    if (!isInlineScalar(obj)) return false;
    return ALWAYS_INLINE.has(obj!.type) || !((named.get(ref.ref) ?? 0) >= 1 && (held.get(ref.ref) ?? 0) >= 2);
  };
}
