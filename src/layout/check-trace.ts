// The parts of a trace the layout reads, checked before it reads them, so a hand-edited or
// truncated trace gets an error that names the place instead of a crash deep inside.
import type { Trace } from '../trace/types.ts';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isRef = (v: unknown) => isObject(v) && typeof v['ref'] === 'string';

function stepProblem(step: unknown, at: string): string | undefined {
  if (!isObject(step)) return `${at} is not an object`;
  if (typeof step['event'] !== 'string') return `${at}.event is not a string`;
  if (typeof step['line'] !== 'number') return `${at}.line is not a number`;
  if (!Array.isArray(step['stack'])) return `${at}.stack is not an array`;
  if (!isObject(step['heap'])) return `${at}.heap is not an object`;
  if (step['gone'] !== undefined && !Array.isArray(step['gone'])) return `${at}.gone is not an array`;
  for (const [i, frame] of (step['stack'] as unknown[]).entries()) {
    const where = `${at}.stack[${i}]`;
    if (!isObject(frame) || typeof frame['id'] !== 'string' || typeof frame['name'] !== 'string') return `${where} needs a string id and name`;
    if (!Array.isArray(frame['locals'])) return `${where}.locals is not an array`;
    for (const [k, local] of (frame['locals'] as unknown[]).entries()) {
      if (!Array.isArray(local) || typeof local[0] !== 'string' || !isRef(local[1])) return `${where}.locals[${k}] is not [name, {"ref": id}]`;
    }
  }
  for (const [id, obj] of Object.entries(step['heap'] as Record<string, unknown>)) {
    if (!isObject(obj) || typeof obj['type'] !== 'string') return `${at}.heap.${id} needs a string type`;
  }
  return undefined;
}

/** Throws a TypeError naming the first place where `trace` is not a trace v1 the layout can read. */
export function checkTrace(trace: Trace): void {
  const value = trace as unknown;
  const problem =
    !isObject(value) ? 'it is not an object'
    : value['format'] !== 'memlane-trace' ? `"format" is ${JSON.stringify(value['format'])}, not "memlane-trace"`
    : value['version'] !== 1 ? `"version" is ${JSON.stringify(value['version'])}, not 1`
    : !Array.isArray(value['steps']) ? '"steps" is not an array'
    : (value['steps'] as unknown[]).map((step, i) => stepProblem(step, `steps[${i}]`)).find((p) => p !== undefined);
  if (problem) throw new TypeError(`memlane layout: not a trace v1: ${problem}\nhint: pass the JSON printed by "memlane trace FILE.py" (see the trace format reference).`);
}
