// What an interpreter's 'trace' or 'fatal' reply amounts to: the trace it sent, checked like any
// untrusted input, or the trace of the failure that ended the run. Used where traces are drawn.
import type { Trace } from '../trace/types.ts';
import { traceProblems } from '../trace/validate-trace.ts';
import { emptyTrace, needsRestart, type RunRequest } from './sandbox-reply.ts';
import type { SandboxMessage } from './sandbox-messages.ts';
import { memoryLimit } from './simulate-options.ts';

/**
 * Characters of JSON a reply may hold: a little over the tracer's own cap on its steps (MAX_STEP_CHARS in
 * tracer/limits.py), so only a reply the tracer did not make is refused for its size, before it is parsed.
 */
export const MAX_TRACE_CHARS = 40 * 2 ** 20;

/**
 * The trace for a 'trace' or 'fatal' reply; `restart` says the interpreter should not run another snippet
 * (it failed, could not be put back as it was, or grew too big).
 */
export function replyToTrace(
  message: Extract<SandboxMessage, { kind: 'trace' | 'fatal' }>,
  job: RunRequest,
  python: string,
): { trace: Trace; restart: boolean } {
  if (message.kind === 'fatal') {
    return {
      trace: emptyTrace(
        job.source,
        python,
        message.interrupted
          ? {
              type: 'TimeLimitError',
              message: `the snippet ran longer than ${job.options.timeoutMs} ms (the time limit, --timeout)`,
              line: null,
            }
          : { type: 'SimulatorError', message: `the interpreter failed: ${message.message}`, line: null },
      ),
      restart: true,
    };
  }
  const trace = readTrace(message.json, job.source);
  if (typeof trace === 'string') {
    return {
      trace: emptyTrace(job.source, python, {
        type: 'SimulatorError',
        message: `the sandbox sent an invalid trace: ${trace}`,
        line: null,
      }),
      restart: true,
    };
  }
  return {
    trace: message.memoryLimitHit ? withMemoryLimitError(trace, job.options.maxMemoryMb) : trace,
    restart: needsRestart(message),
  };
}

/** The trace the sandbox sent, checked like any untrusted input; a string says what is wrong. */
function readTrace(json: string, source: string): Trace | string {
  if (json.length > MAX_TRACE_CHARS)
    return (
      `it is ${(json.length / 2 ** 20).toFixed(0)} MiB, more than the ${MAX_TRACE_CHARS / 2 ** 20} MiB ` +
      `a trace may be`
    );
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (error) {
    return `not JSON (${(error as Error).message})`;
  }
  const problems = traceProblems(value);
  if (problems.length) return problems.slice(0, 3).join('; ');
  if ((value as Trace).source !== source) return 'it is the trace of some other code';
  return value as Trace;
}

/** A MemoryError that the memory limit caused is reported as the limit, with its value. */
function withMemoryLimitError(trace: Trace, maxMemoryMb: number): Trace {
  if (trace.error?.type !== 'MemoryError') return trace;
  const message =
    `the snippet's heap grew past ${maxMemoryMb} MiB (the memory limit, ${memoryLimit.flag} / ` +
    `${memoryLimit.option})`;
  return { ...trace, error: { ...trace.error, type: 'MemoryLimitError', message } };
}
