// The parts of a trace the later stages read, checked before they read them, so a hand-edited or
// truncated trace gets an error that names the place instead of a crash deep inside. Heap objects
// are read into their typed form here (readHeapObject), once for every fold of the trace.
import { isJsonObject, isNamedRef, readHeapObject, TraceShapeError } from './read-heap-object.ts';
import type { Trace } from './types.ts';

function frameProblem(frame: unknown, at: string): string | undefined {
  if (!isJsonObject(frame) || typeof frame.id !== 'string' || typeof frame.name !== 'string') {
    return `${at} needs a string id and name`;
  }
  if (!Array.isArray(frame.locals)) return `${at}.locals is not an array`;
  const bad = frame.locals.findIndex((local) => !isNamedRef(local));
  return bad < 0 ? undefined : `${at}.locals[${bad}] is not [name, {"ref": id}]`;
}

/** Pre: none. Post: undefined, and every heap object of the step read, or the first problem in words. */
function stepProblem(step: unknown, at: string): string | undefined {
  if (!isJsonObject(step)) return `${at} is not an object`;
  if (typeof step.event !== 'string') return `${at}.event is not a string`;
  if (typeof step.line !== 'number') return `${at}.line is not a number`;
  if (!Array.isArray(step.stack)) return `${at}.stack is not an array`;
  if (!isJsonObject(step.heap)) return `${at}.heap is not an object`;
  if (step.gone !== undefined && !Array.isArray(step.gone)) return `${at}.gone is not an array`;
  const problem = step.stack.map((frame, i) => frameProblem(frame, `${at}.stack[${i}]`)).find((p) => p !== undefined);
  if (problem) return problem;
  for (const [id, obj] of Object.entries(step.heap)) readHeapObject(obj, `${at}.heap.${id}`);
  return undefined;
}

/** Throws a TraceShapeError naming the first place where `trace` is not a trace v1 the later stages can read. */
export function checkTrace(trace: Trace): void {
  const value: unknown = trace;
  const problem = !isJsonObject(value)
    ? 'it is not an object'
    : value.format !== 'memlane-trace'
      ? `"format" is ${JSON.stringify(value.format)}, not "memlane-trace"`
      : value.version !== 1
        ? `"version" is ${JSON.stringify(value.version)}, not 1`
        : !Array.isArray(value.steps)
          ? '"steps" is not an array'
          : value.steps.map((step, i) => stepProblem(step, `steps[${i}]`)).find((p) => p !== undefined);
  if (problem) throw new TraceShapeError(problem);
}
