// The state at every step (the fold of `heap` and `gone`), with the facts about a step that every
// later stage reads the same way: whether a frame is unwinding, which exception is raised or passing.
import { readHeapObject } from './read-heap-object.ts';
import type { Frame, HeapObject, RaisedException, Step, Trace } from './types.ts';

/** The whole memory state at one step: the fold of `heap` and `gone` over steps 1..n. */
export interface StepState {
  /** 1-based step number. */
  index: number;
  step: Step;
  stack: Frame[];
  /** The typed objects (readHeapObject), the same object for an id until a step changes it. */
  heap: ReadonlyMap<string, HeapObject>;
  /** A `return` that carries the exception of the step before out of the same frame. */
  unwinding: boolean;
  /** The exception raised at this step, or the one passing out of the frame while unwinding. */
  exception?: RaisedException;
}

/** True when `step` returns from the frame that `previous` raised in, without a value: the exception leaves. */
function isUnwinding(step: Step, previous: Step | undefined): boolean {
  return (
    step.event === 'return' &&
    !step.returnValue?.ref &&
    previous?.event === 'exception' &&
    previous.stack.at(-1)?.id === step.stack.at(-1)?.id
  );
}

/**
 * Every step's full state, in order. Maps are shared copies-on-change, so this stays linear in the deltas.
 * Throws TraceShapeError naming the step, object and field when a heap object is not one of format v1.
 */
export function foldTrace(trace: Trace): StepState[] {
  const states: StepState[] = [];
  let heap = new Map<string, HeapObject>();
  trace.steps.forEach((step, i) => {
    const changed = Object.keys(step.heap).length > 0 || (step.gone?.length ?? 0) > 0;
    if (changed) {
      heap = new Map(heap);
      for (const [id, json] of Object.entries(step.heap)) heap.set(id, readHeapObject(json, `steps[${i}].heap.${id}`));
      for (const id of step.gone ?? []) heap.delete(id);
    }
    const previous = trace.steps[i - 1];
    const unwinding = isUnwinding(step, previous);
    const exception = unwinding ? previous?.exception : step.event === 'exception' ? step.exception : undefined;
    states.push({ index: i + 1, step, stack: step.stack, heap, unwinding, ...(exception ? { exception } : {}) });
  });
  return states;
}

/** The state, in words, of the generator whose body runs in `frameId` at this state (suspended, ...). */
export function generatorStateOf(state: StepState | undefined, frameId: string | undefined): string | undefined {
  if (!state || !frameId) return undefined;
  for (const object of state.heap.values()) {
    if (object.kind === 'generator' && object.frame === frameId) return String(object.state);
  }
  return undefined;
}
