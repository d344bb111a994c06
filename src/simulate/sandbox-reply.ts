// One snippet's round trip to an interpreter: the request, the message that asks for it, and the
// trace of a limit or failure that ended it without one (reply-to-trace.ts reads a trace that came).
// Shared by the Node sandbox, the page and the browser's worker; environment-free, and light: the
// page loads it with the editor, so the trace checker stays out of it.
import type { Trace } from '../trace/types.ts';
import type { SandboxMessage } from './sandbox-messages.ts';
import type { ResolvedOptions } from './simulate-options.ts';

export interface RunRequest {
  source: string;
  options: ResolvedOptions;
}

/**
 * One run's reply as it came from an interpreter, to be read where the caller chooses: the 'trace' or 'fatal'
 * message and the CPython version, or a trace made where the run ended without one (killed, crashed).
 */
export type RunReply =
  | {
      job: RunRequest;
      message: Extract<SandboxMessage, { kind: 'trace' | 'fatal' }>;
      python: string;
      trace?: undefined;
    }
  | { job: RunRequest; trace: Trace; message?: undefined };

/** The message that asks an interpreter (the Node sandbox or the browser's worker) to trace one snippet. */
export function runMessage(id: number, job: RunRequest) {
  const { maxSteps, timeoutMs, maxOutput, maxMemoryMb, showModules } = job.options;
  return {
    kind: 'run' as const,
    id,
    source: job.source,
    options: { maxSteps, timeoutMs, maxOutput, maxMemoryMb, showModules },
  };
}

/** A snippet that grew the interpreter's memory past this gets a fresh interpreter after it. */
const MEMORY_RESTART_BYTES = 256 * 2 ** 20;

/** Whether the interpreter that sent this reply must not run another snippet: it failed, could not be put back
 * as it was, or grew too big. (A reply that is no trace at all says so too, when it is read.) */
export function needsRestart(message: Extract<SandboxMessage, { kind: 'trace' | 'fatal' }>): boolean {
  return message.kind === 'fatal' || !message.clean || message.memoryBytes > MEMORY_RESTART_BYTES;
}

/** The trace of a snippet whose interpreter had to be ended: its steps are lost. */
export function killedTrace(job: RunRequest, python: string): Trace {
  return emptyTrace(job.source, python, {
    type: 'TimeLimitError',
    message:
      `the snippet ran longer than ${job.options.timeoutMs} ms (the time limit, --timeout) inside ` +
      `code that cannot be interrupted; its steps are lost`,
    line: null,
  });
}

export function emptyTrace(source: string, python: string, error: Trace['error']): Trace {
  return { format: 'memlane-trace', version: 1, python, source, stdout: '', error, steps: [] };
}
