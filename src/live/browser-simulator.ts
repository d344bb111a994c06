// The simulator handle of a reader's browser: CPython in a Web Worker inside a sandboxed frame with
// an opaque origin, so code from a shared link cannot read the page, its storage or cookies, nor
// make requests as the site. The page fetches the interpreter's files (the frame cannot) and hands
// them over; runs go one at a time, and every reply is checked like any untrusted input: on the
// page's thread for its shape only, in full (parsed and validated) where `trace()` or the diagram
// worker (components/live/diagram-worker.ts) turns it into a trace.
import type { SimulatorHandle } from '../core/types.ts';
import type { Trace } from '../trace/types.ts';
import { parseSandboxMessage } from '../simulate/sandbox-messages.ts';
import {
  emptyTrace,
  killedTrace,
  needsRestart,
  runMessage,
  type RunReply,
  type RunRequest,
} from '../simulate/sandbox-reply.ts';
import { resolveOptions, type SimulateOptions } from '../simulate/simulate-options.ts';
import { TRACER_FILES } from '../simulate/install-tracer.mjs';
import { LIVE_MODULES, PYODIDE_FILES } from './live-files.ts';

/** The frame may run its inline script, blob: modules and WebAssembly; it may request nothing. */
const FRAME_POLICY =
  "default-src 'none'; script-src 'unsafe-inline' 'unsafe-eval' 'wasm-unsafe-eval' blob:; worker-src blob:";

export interface BrowserSimulator extends SimulatorHandle {
  /** Resolves when the interpreter is ready (the first start fetches and starts Pyodide). */
  readonly ready: Promise<void>;
  /** The CPython version, once ready. */
  readonly python: string;
  /** One run's reply as it came, not yet parsed: for a caller that checks and reads it off this thread. */
  traceReply(source: string, options: SimulateOptions & { filename?: string }): Promise<RunReply>;
  /** Ends the interpreter (a reply that was not a trace, say); the next run gets a fresh one. */
  restart(): void;
  close(): void;
}

interface Job extends RunRequest {
  id: number;
  resolve(reply: RunReply): void;
}

type FrameNotice = { kind: 'loaded' } | { kind: 'killed'; id: number } | { kind: 'crashed'; message: string };

/** Fetches the interpreter's files from the site (the live folder's URL, ending in /). */
async function fetchInterpreterFiles(
  liveUrl: string,
): Promise<{ files: Record<string, ArrayBuffer>; modules: Record<string, string>; tracer: Record<string, string> }> {
  const get = async (path: string): Promise<Response> => {
    const response = await fetch(liveUrl + path);
    if (!response.ok)
      throw new Error(`memlane: could not load the interpreter file ${liveUrl}${path} (HTTP ${response.status})`);
    return response;
  };
  const [files, modules, tracer] = await Promise.all([
    Promise.all(PYODIDE_FILES.map(async (name) => [name, await (await get(name)).arrayBuffer()] as const)),
    Promise.all(Object.keys(LIVE_MODULES).map(async (name) => [name, await (await get(name)).text()] as const)),
    Promise.all(TRACER_FILES.map(async (path) => [path, await (await get(path)).text()] as const)),
  ]);
  return { files: Object.fromEntries(files), modules: Object.fromEntries(modules), tracer: Object.fromEntries(tracer) };
}

function frameDocument(script: string): string {
  // The script is Memlane's own; a closing tag inside it would end it early.
  return (
    `<!doctype html><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="` +
    `${FRAME_POLICY}"><script>${script.replace(/<\/script/gi, '<\\/script')}</script>`
  );
}

export function createBrowserSimulator(liveUrl: string): BrowserSimulator {
  const frame = document.createElement('iframe');
  frame.setAttribute('sandbox', 'allow-scripts');
  frame.setAttribute('aria-hidden', 'true');
  frame.tabIndex = -1;
  frame.title = 'Python interpreter';
  frame.hidden = true;
  const queue: Job[] = [];
  let running: Job | undefined;
  let nextId = 1;
  let python = '';
  let interpreterReady = false;
  let markReady: () => void;
  let markFailed: (error: Error) => void;
  const ready = new Promise<void>((resolve, reject) => {
    markReady = resolve;
    markFailed = reject;
  });
  let startMessage: unknown;

  const pump = (): void => {
    if (running || !interpreterReady) return;
    running = queue.shift();
    if (!running) return;
    frame.contentWindow!.postMessage(runMessage(running.id, running), '*');
  };
  const restart = (): void => {
    interpreterReady = false;
    frame.contentWindow!.postMessage({ kind: 'restart' }, '*');
  };
  /** The request as data alone: the reply crosses to the diagram worker, which cannot take a function. */
  const request = (job: Job): RunRequest => ({ source: job.source, options: job.options });
  const settle = (reply: RunReply): void => {
    running?.resolve(reply);
    running = undefined;
  };
  const settleWith = (trace: Trace): void => {
    if (running) settle({ job: request(running), trace });
  };
  const fail = (message: string): void => {
    const error = new Error(`memlane: the interpreter failed to start: ${message}`);
    markFailed(error);
    for (const job of [...(running ? [running] : []), ...queue.splice(0)]) {
      job.resolve({
        job: request(job),
        trace: emptyTrace(job.source, python, { type: 'SimulatorError', message: error.message, line: null }),
      });
    }
    running = undefined;
  };

  const onMessage = (event: MessageEvent): void => {
    if (event.source !== frame.contentWindow || typeof event.data !== 'object' || event.data === null) return;
    const data = event.data as { from?: string; message?: unknown } & Partial<FrameNotice>;
    if (data.from === 'frame') {
      if (data.kind === 'loaded' && startMessage) frame.contentWindow!.postMessage(startMessage, '*');
      else if (data.kind === 'killed' && running && running.id === data.id) {
        interpreterReady = false;
        settleWith(killedTrace(running, python));
      } else if (data.kind === 'crashed') {
        if (!python) fail(String(data.message));
        else if (running) {
          settleWith(
            emptyTrace(running.source, python, {
              type: 'SimulatorError',
              message: `the interpreter stopped: ${String(data.message)}`,
              line: null,
            }),
          );
          restart();
        }
      }
      return;
    }
    const message = parseSandboxMessage(data.message);
    // The worker runs the reader's code: a message of the wrong shape ends it.
    if (!message) {
      settleWith(
        emptyTrace(running?.source ?? '', python, {
          type: 'SimulatorError',
          message: 'the interpreter sent a message of the wrong shape',
          line: null,
        }),
      );
      restart();
    } else if (message.kind === 'ready') {
      python = message.python;
      interpreterReady = true;
      markReady();
    } else if (message.kind === 'failed') {
      fail(message.message.split('\n')[0] ?? 'unknown error');
    } else if (message.kind === 'trace' || message.kind === 'fatal') {
      if (!running || running.id !== message.id) return;
      settle({ job: request(running), message, python });
      if (needsRestart(message)) restart();
    }
    pump();
  };
  addEventListener('message', onMessage);

  fetchInterpreterFiles(liveUrl).then(
    (loaded) => {
      startMessage = { kind: 'start', files: loaded.files, modules: loaded.modules, tracer: loaded.tracer };
      frame.srcdoc = frameDocument(loaded.modules['sandbox-frame.js']!);
      document.body.append(frame);
    },
    (error: Error) => fail(error.message),
  );

  return {
    ready,
    get python() {
      return python;
    },
    traceReply(source: string, options: SimulateOptions & { filename?: string }): Promise<RunReply> {
      const resolved = resolveOptions(options);
      return new Promise<RunReply>((resolve) => {
        queue.push({ id: nextId++, source, options: resolved, resolve });
        ready.then(pump, () => {});
      });
    },
    async trace(source: string, options: SimulateOptions & { filename?: string }): Promise<Trace> {
      const reply = await this.traceReply(source, options);
      if (reply.trace) return reply.trace;
      // The checker (ajv) loads here, not with the editor: the page hands replies to the diagram worker.
      const { replyToTrace } = await import('../simulate/reply-to-trace.ts');
      const { trace, restart: needed } = replyToTrace(reply.message, reply.job, reply.python);
      if (needed) restart();
      return trace;
    },
    restart,
    close(): void {
      removeEventListener('message', onMessage);
      frame.remove();
    },
  };
}
