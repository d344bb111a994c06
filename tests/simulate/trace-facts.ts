// Facts about a run read from its trace, in the shape of the corpus's expected/*.json.
import { foldTrace } from '../../src/trace/fold-trace.ts';
import type { HeapObject, HeapObjectJson, Trace } from '../../src/trace/types.ts';
import { traceProblems } from '../../src/trace/validate-trace.ts';
import assert from 'node:assert/strict';

export interface CorpusFacts {
  stdout: string;
  partition: string[][];
  types: Record<string, string>;
  max_depth: number;
}

/** Frames the corpus's reference leaves out of the stack depth (and the event loop's, which is not user code). */
const uncountedFrames = new Set(['<listcomp>', '<dictcomp>', '<setcomp>', '<genexpr>', '<lambda>']);

export function factsOf(trace: Trace): CorpusFacts {
  const states = foldTrace(trace);
  const last = states.at(-1);
  assert.ok(last, 'the trace has no steps');
  const moduleFrame = last.stack[0]!;
  const groups = new Map<string, string[]>();
  const types: Record<string, string> = {};
  for (const [name, ref] of moduleFrame.locals) {
    groups.set(ref.ref, [...(groups.get(ref.ref) ?? []), name]);
    types[name] = last.heap.get(ref.ref)!.type;
  }
  const partition = [...groups.values()].map((names) => names.sort()).sort(compareGroups);
  const max_depth = Math.max(
    ...trace.steps.map((step) => step.stack.filter((f) => !uncountedFrames.has(f.name) && f['loop'] !== true).length),
  );
  return { stdout: trace.stdout, partition, types, max_depth };
}

function compareGroups(a: string[], b: string[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    if (a[i] !== b[i]) return a[i]! < b[i]! ? -1 : 1;
  }
  return a.length - b.length;
}

/** Fails the test with the validator's words when the trace is not valid v1. */
export function assertValid(trace: Trace): Trace {
  assert.deepEqual(traceProblems(trace), [], 'the trace must be valid against the v1 schema');
  return trace;
}

/** A folded heap object whose fields a test reads by name, whatever its kind, as in the JSON. */
export type LooseHeapObject = HeapObject & HeapObjectJson;

/** The object itself, its fields readable by name (`unknown` where its kind has no such field). */
export const fieldsOf = (object: HeapObject): LooseHeapObject => object as LooseHeapObject;

/** The heap object a name is bound to at the given step (1-based; default: last). */
export function valueOf(
  trace: Trace,
  name: string,
  step = trace.steps.length,
): { id: string; object: LooseHeapObject } {
  const state = foldTrace(trace)[step - 1]!;
  for (const frame of [...state.stack].reverse()) {
    const bound = frame.locals.find(([local]) => local === name);
    if (bound) return { id: bound[1].ref, object: fieldsOf(state.heap.get(bound[1].ref)!) };
  }
  throw new Error(`no frame binds ${name} at step ${step}`);
}

/** The folded heap at a step (1-based; default: last). */
export function heapAt(trace: Trace, step = trace.steps.length): ReadonlyMap<string, LooseHeapObject> {
  return foldTrace(trace)[step - 1]!.heap as ReadonlyMap<string, LooseHeapObject>;
}

/** Index (1-based) of the first step whose line is `line`, searching from `from`. */
export function stepAtLine(trace: Trace, line: number, from = 1): number {
  const index = trace.steps.findIndex((step, i) => i + 1 >= from && step.event === 'line' && step.line === line);
  assert.ok(index >= 0, `no line step at line ${line}`);
  return index + 1;
}
