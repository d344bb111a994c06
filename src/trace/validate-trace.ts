// Checks a trace against the v1 JSON Schema and the rules a schema cannot say: every ref resolves in the
// folded heap, ids are unique and never come back once gone, freed ids are gone ones, lines are lines of the
// source, stdout offsets fit the output.
import { Ajv, type ValidateFunction } from 'ajv';
import schema from './trace-schema.json' with { type: 'json' };
import { refsOf } from './heap-refs.ts';
import type { Ref, Trace } from './types.ts';

export { schema as traceSchema };

/**
 * Compiled on first use: compiling takes tens of milliseconds, which would delay every importer's start (the CLI's
 * above all).
 */
let compiled: ValidateFunction | undefined;
const shapeValidator = () => (compiled ??= new Ajv({ allErrors: true, strict: false }).compile(schema));

/** Lines a step may name: every line of the source, and the one after a final newline (a syntax error at the end). */
function sourceLineCount(source: string): number {
  return source.split('\n').length;
}

/** Problems found in a trace, in words; an empty list means the trace is valid. */
export function traceProblems(value: unknown): string[] {
  const validateShape = shapeValidator();
  if (!validateShape(value)) {
    return (validateShape.errors ?? []).slice(0, 20).map((e) => {
      // Ajv words a constant without its value: say which value the format wants, and which it got.
      const message =
        e.keyword === 'const'
          ? `must be ${JSON.stringify((e.params as { allowedValue: unknown }).allowedValue)}`
          : (e.message ?? 'is invalid');
      return `${e.instancePath || '(trace)'} ${message}`;
    });
  }
  const trace = value as unknown as Trace;
  const problems: string[] = [];
  const heap = new Map<string, unknown>();
  const departed = new Set<string>();
  const lines = sourceLineCount(trace.source);
  const checkLine = (line: number | null | undefined, where: string) => {
    if (typeof line === 'number' && (line < 1 || line > lines))
      problems.push(`${where} ${line} is not a line of the source (1 to ${lines})`);
  };
  let lastStdout = 0;
  trace.steps.forEach((step, index) => {
    const at = `steps[${index}]`;
    checkLine(step.line, `${at}.line`);
    for (const [id, obj] of Object.entries(step.heap)) {
      if (departed.has(id)) problems.push(`${at}.heap brings back ${id}, which left the diagram before`);
      heap.set(id, obj);
    }
    for (const id of step.gone ?? []) {
      if (!heap.delete(id)) problems.push(`${at}.gone names ${id}, which is not in the heap`);
      departed.add(id);
    }
    for (const id of step.freed ?? []) {
      if (!step.gone?.includes(id)) problems.push(`${at}.freed names ${id}, which is not in its gone`);
    }
    const check = (ref: Ref, where: string) => {
      if (!heap.has(ref.ref))
        problems.push(`${at}: ${where} refers to ${ref.ref}, which is not in the heap at this step`);
    };
    const frameIds = new Set<string>();
    for (const frame of step.stack) {
      if (frameIds.has(frame.id)) problems.push(`${at}: frame id ${frame.id} appears twice on the stack`);
      frameIds.add(frame.id);
      checkLine(frame.line, `${at}: frame ${frame.id}'s line`);
      for (const [name, ref] of frame.locals) check(ref, `local ${name} of ${frame.id}`);
    }
    if (step.returnValue) check(step.returnValue as Ref, 'returnValue');
    for (const [id, obj] of Object.entries(step.heap)) {
      for (const ref of refsOf(obj)) check(ref, `object ${id}`);
    }
    if (step.stdout < lastStdout) problems.push(`${at}.stdout goes back from ${lastStdout} to ${step.stdout}`);
    if (step.stdout > trace.stdout.length)
      problems.push(`${at}.stdout ${step.stdout} is past the end of stdout (${trace.stdout.length})`);
    lastStdout = step.stdout;
  });
  checkLine(trace.error?.line, 'error.line');
  return problems;
}

export class InvalidTraceError extends Error {}

function invalid(origin: string, problems: string[]): InvalidTraceError {
  return new InvalidTraceError(
    `${origin} is not a valid memlane trace v1:\n  ${problems.join('\n  ')}\nhint: pass the JSON printed by ` +
      `"memlane trace FILE.py" (see content/reference/trace-format.md)`,
  );
}

/** Throws with every problem listed when the value is not a valid trace v1. */
export function assertValidTrace(value: unknown, origin = 'trace'): asserts value is Trace {
  const problems = traceProblems(value);
  if (problems.length) {
    throw invalid(origin, problems);
  }
}
