// One snippet's round trip to an interpreter: the request, and what the reply amounts to: the trace it sent, checked like any
// untrusted input, or the trace of the limit or failure that ended it. Shared by the Node sandbox
// and the browser's worker; environment-free.
import type { Trace } from '../trace/types.ts';
import { traceProblems } from '../trace/validate-trace.ts';
import type { SandboxMessage } from './sandbox-messages.ts';
import { memoryLimit, type ResolvedOptions } from './simulate-options.ts';

export interface RunRequest {
  source: string;
  options: ResolvedOptions;
}

/**
 * One run's reply as it came from an interpreter, to be read where the caller chooses: the 'trace' or 'fatal'
 * message and the CPython version, or a trace made where the run ended without one (killed, crashed).
 */
export type RunReply =
  | { job: RunRequest; message: Extract<SandboxMessage, { kind: 'trace' | 'fatal' }>; python: string; trace?: undefined }
  | { job: RunRequest; trace: Trace; message?: undefined };

/** The message that asks an interpreter (the Node sandbox or the browser's worker) to trace one snippet. */
export function runMessage(id: number, job: RunRequest) {
  const { maxSteps, timeoutMs, maxOutput, maxMemoryMb, showModules } = job.options;
  return { kind: 'run' as const, id, source: job.source, options: { maxSteps, timeoutMs, maxOutput, maxMemoryMb, showModules } };
}

/**
 * Characters of JSON a reply may hold: a little over the tracer's own cap on its steps (MAX_STEP_CHARS in
 * tracer/limits.py), so only a reply the tracer did not make is refused for its size, before it is parsed.
 */
export const MAX_TRACE_CHARS = 40 * 2 ** 20;

/** A snippet that grew the interpreter's memory past this gets a fresh interpreter after it. */
const MEMORY_RESTART_BYTES = 256 * 2 ** 20;

/**
 * The trace for a 'trace' or 'fatal' reply; `restart` says the interpreter should not run another snippet
 * (it failed, could not be put back as it was, or grew too big).
 */
export function replyToTrace(message: Extract<SandboxMessage, { kind: 'trace' | 'fatal' }>, job: RunRequest, python: string): { trace: Trace; restart: boolean } {
  if (message.kind === 'fatal') {
    return {
      trace: emptyTrace(job.source, python, message.interrupted
        ? { type: 'TimeLimitError', message: `the snippet ran longer than ${job.options.timeoutMs} ms (the time limit, --timeout)`, line: null }
        : { type: 'SimulatorError', message: `the interpreter failed: ${message.message}`, line: null }),
      restart: true,
    };
  }
  const trace = readTrace(message.json, job.source);
  if (typeof trace === 'string') {
    return { trace: emptyTrace(job.source, python, { type: 'SimulatorError', message: `the sandbox sent an invalid trace: ${trace}`, line: null }), restart: true };
  }
  return { trace: message.memoryLimitHit ? withMemoryLimitError(trace, job.options.maxMemoryMb) : trace, restart: needsRestart(message) };
}

/** Whether the interpreter that sent this reply must not run another snippet: it failed, could not be put back
 * as it was, or grew too big. (A reply that is no trace at all says so too, when it is read.) */
export function needsRestart(message: Extract<SandboxMessage, { kind: 'trace' | 'fatal' }>): boolean {
  return message.kind === 'fatal' || !message.clean || message.memoryBytes > MEMORY_RESTART_BYTES;
}

/** The trace of a snippet whose interpreter had to be ended: its steps are lost. */
export function killedTrace(job: RunRequest, python: string): Trace {
  return emptyTrace(job.source, python, {
    type: 'TimeLimitError',
    message: `the snippet ran longer than ${job.options.timeoutMs} ms (the time limit, --timeout) inside code that cannot be interrupted; its steps are lost`,
    line: null,
  });
}

/** The trace the sandbox sent, checked like any untrusted input; a string says what is wrong. */
function readTrace(json: string, source: string): Trace | string {
  if (json.length > MAX_TRACE_CHARS) return `it is ${(json.length / 2 ** 20).toFixed(0)} MiB, more than the ${MAX_TRACE_CHARS / 2 ** 20} MiB a trace may be`;
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
  const message = `the snippet's heap grew past ${maxMemoryMb} MiB (the memory limit, ${memoryLimit.flag} / ${memoryLimit.option})`;
  return { ...trace, error: { ...trace.error, type: 'MemoryLimitError', message } };
}

export function emptyTrace(source: string, python: string, error: Trace['error']): Trace {
  return { format: 'memlane-trace', version: 1, python, source, stdout: '', error, steps: [] };
}
