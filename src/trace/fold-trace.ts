import type { Frame, HeapObject, Step, Trace } from './types.ts';

/** The whole memory state at one step: the fold of `heap` and `gone` over steps 1..n. */
export interface StepState {
  /** 1-based step number. */
  index: number;
  step: Step;
  stack: Frame[];
  heap: ReadonlyMap<string, HeapObject>;
}

/** Every step's full state, in order. Maps are shared copies-on-change, so this stays linear in the deltas. */
export function foldTrace(trace: Trace): StepState[] {
  const states: StepState[] = [];
  let heap = new Map<string, HeapObject>();
  trace.steps.forEach((step, i) => {
    const changed = Object.keys(step.heap).length > 0 || (step.gone?.length ?? 0) > 0;
    if (changed) {
      heap = new Map(heap);
      for (const [id, obj] of Object.entries(step.heap)) heap.set(id, obj);
      for (const id of step.gone ?? []) heap.delete(id);
    }
    states.push({ index: i + 1, step, stack: step.stack, heap });
  });
  return states;
}

/** The state at step n (1-based). */
export function stateAt(trace: Trace, n: number): StepState {
  if (!Number.isInteger(n) || n < 1 || n > trace.steps.length) {
    throw new RangeError(`step ${n} is out of range: the trace has ${trace.steps.length} steps (1..${trace.steps.length})`);
  }
  return foldTrace(trace)[n - 1]!;
}
