// The simulate stage: source code in, trace v1 out, computed by CPython in a worker thread.
// One interpreter per worker, started once and reused; snippets run one at a time.
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Trace } from '../trace/types.ts';
import { resolveOptions, type ResolvedOptions, type SimulateOptions } from './simulate-options.ts';

export interface Simulator {
  trace(source: string, options?: SimulateOptions): Promise<Trace>;
  /** The CPython version that runs the snippets, e.g. "3.14.2". */
  readonly python: string;
  /** Milliseconds the interpreter took to start. */
  readonly startupMs: number;
  close(): Promise<void>;
}

export interface SimulatorSetup {
  /** Path of simulate-worker.mjs, for callers whose bundler moved this module away from it. */
  workerPath?: string;
}

/** After the time limit, how long CPython gets to notice the interrupt before its worker is ended. */
const INTERRUPT_GRACE_MS = 2_000;
const WORKER_FILE = 'simulate-worker.mjs';
/** A snippet that grew the interpreter's memory past this gets a fresh interpreter after it. */
const MEMORY_RESTART_BYTES = 256 * 2 ** 20;

export function findWorkerPath(explicit?: string): string {
  if (explicit) {
    if (!existsSync(explicit)) throw new Error(`memlane: the simulator worker ${explicit} does not exist`);
    return explicit;
  }
  const candidates: string[] = [];
  try {
    candidates.push(join(dirname(fileURLToPath(import.meta.url)), WORKER_FILE));
  } catch {
    // import.meta.url of a bundled chunk may not be a file URL.
  }
  // When bundled (Astro/Vite), this module sits in a chunk far from src/: look from the project root.
  for (let dir = process.cwd(); ; dir = dirname(dir)) {
    candidates.push(join(dir, 'src', 'simulate', WORKER_FILE), join(dir, 'node_modules', 'memlane', 'src', 'simulate', WORKER_FILE));
    if (dirname(dir) === dir) break;
  }
  const found = candidates.find((path) => existsSync(path));
  if (!found) {
    throw new Error(`memlane: cannot find ${WORKER_FILE} (looked in ${candidates.slice(0, 3).join(', ')}, ...)\nhint: pass createSimulator({ workerPath })`);
  }
  return resolve(found);
}

interface Pending {
  id: number;
  source: string;
  options: ResolvedOptions;
  resolve(trace: Trace): void;
  reject(error: Error): void;
}

interface WorkerMessage {
  kind: 'ready' | 'failed' | 'trace' | 'fatal';
  id?: number;
  python?: string;
  startupMs?: number;
  json?: string;
  message?: string;
  interrupted?: boolean;
  memoryBytes?: number;
}

/** One worker thread with one interpreter; restarted only if a snippet kills it. */
class WorkerSimulator implements Simulator {
  python = '';
  startupMs = 0;
  private worker: Worker | undefined;
  private ready: Promise<void> | undefined;
  private interruptBuffer = new SharedArrayBuffer(4);
  private readonly queue: Pending[] = [];
  private running: Pending | undefined;
  private nextId = 1;
  private workerReady = false;
  private closed = false;
  private timers: NodeJS.Timeout[] = [];

  constructor(private readonly workerPath: string) {}

  start(): Promise<void> {
    this.ready ??= new Promise<void>((resolveReady, rejectReady) => {
      // A fresh buffer per worker: an interrupt meant for a killed worker must not reach the next.
      this.interruptBuffer = new SharedArrayBuffer(4);
      // execArgv: [] because the worker is plain JavaScript: it needs none of the parent's loaders (tsx).
      const worker = new Worker(this.workerPath, { workerData: { interruptBuffer: this.interruptBuffer }, execArgv: [] });
      this.worker = worker;
      worker.on('message', (message: WorkerMessage) => {
        if (message.kind === 'ready') {
          this.python = message.python ?? '';
          this.startupMs = message.startupMs ?? 0;
          this.workerReady = true;
          resolveReady();
          this.pump();
          if (!this.running) worker.unref(); // an idle simulator must not keep the process alive
        } else if (message.kind === 'failed') {
          rejectReady(new Error(`memlane: the Python interpreter failed to start: ${message.message}`));
          this.worker = undefined;
          void worker.terminate();
        } else {
          this.finish(message);
        }
      });
      worker.on('error', (error) => {
        rejectReady(error);
        this.abandonWorker(`the simulator worker crashed: ${error.message}`);
      });
      worker.on('exit', () => {
        if (this.worker === worker) this.abandonWorker('the simulator worker exited');
      });
    });
    return this.ready;
  }

  trace(source: string, options?: SimulateOptions): Promise<Trace> {
    if (this.closed) return Promise.reject(new Error('memlane: the simulator is closed'));
    let resolved: ResolvedOptions;
    try {
      resolved = resolveOptions(options);
    } catch (error) {
      return Promise.reject(error as Error);
    }
    return new Promise<Trace>((resolveTrace, rejectTrace) => {
      this.queue.push({ id: this.nextId++, source, options: resolved, resolve: resolveTrace, reject: rejectTrace });
      this.start().then(() => this.pump(), (error: Error) => this.failQueue(error));
    });
  }

  private pump(): void {
    if (this.running || !this.worker || !this.workerReady) return;
    const next = this.queue.shift();
    if (!next) return;
    this.running = next;
    this.worker.ref();
    const interrupt = new Int32Array(this.interruptBuffer);
    Atomics.store(interrupt, 0, 0);
    const { maxSteps, timeoutMs, maxOutput, showModules } = next.options;
    this.worker.postMessage({ id: next.id, source: next.source, options: { maxSteps, timeoutMs, maxOutput, showModules } });
    // Past the time limit, ask CPython to stop (KeyboardInterrupt, as SIGINT would) and repeat,
    // in case a bare `except:` swallows it; end the worker if C code never checks.
    const interruptNow = () => Atomics.store(interrupt, 0, 2);
    this.timers = [
      setTimeout(interruptNow, timeoutMs + 50),
      setTimeout(interruptNow, timeoutMs + INTERRUPT_GRACE_MS / 2),
      setTimeout(() => this.killRunning(next), timeoutMs + INTERRUPT_GRACE_MS),
    ];
  }

  private finish(message: WorkerMessage): void {
    const job = this.running;
    if (!job || job.id !== message.id) return;
    this.clearTimers();
    this.running = undefined;
    if (message.kind === 'trace') {
      job.resolve(JSON.parse(message.json!) as Trace);
      if ((message.memoryBytes ?? 0) > MEMORY_RESTART_BYTES) {
        this.restartWorker();
        return;
      }
      if (!this.queue.length) this.worker?.unref();
    } else {
      job.resolve(emptyTrace(job, this.python, message.interrupted
        ? { type: 'TimeLimitError', message: `the snippet ran longer than ${job.options.timeoutMs} ms (the time limit, --timeout)`, line: null }
        : { type: 'SimulatorError', message: `the interpreter failed: ${message.message ?? 'fatal error'}`, line: null }));
      this.restartWorker();
    }
    this.pump();
  }

  private killRunning(job: Pending): void {
    if (this.running !== job) return;
    this.running = undefined;
    this.clearTimers();
    job.resolve(emptyTrace(job, this.python, {
      type: 'TimeLimitError',
      message: `the snippet ran longer than ${job.options.timeoutMs} ms (the time limit, --timeout) inside code that cannot be interrupted; its steps are lost`,
      line: null,
    }));
    this.restartWorker();
  }

  private restartWorker(): void {
    const old = this.worker;
    this.worker = undefined;
    this.ready = undefined;
    this.workerReady = false;
    void old?.terminate();
    if (this.queue.length && !this.closed) this.start().catch((error: Error) => this.failQueue(error));
  }

  private abandonWorker(reason: string): void {
    this.clearTimers();
    const job = this.running;
    this.running = undefined;
    job?.reject(new Error(`memlane: ${reason}`));
    this.worker = undefined;
    this.ready = undefined;
    this.workerReady = false;
    if (this.queue.length && !this.closed) this.start().catch((error: Error) => this.failQueue(error));
  }

  private failQueue(error: Error): void {
    for (const job of this.queue.splice(0)) job.reject(error);
  }

  private clearTimers(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers = [];
  }

  async close(): Promise<void> {
    this.closed = true;
    this.clearTimers();
    this.failQueue(new Error('memlane: the simulator was closed'));
    const worker = this.worker;
    this.worker = undefined;
    if (worker) await worker.terminate();
  }
}

function emptyTrace(job: Pending, python: string, error: Trace['error']): Trace {
  return { format: 'memlane-trace', version: 1, python, source: job.source, stdout: '', error, steps: [] };
}

/** Starts one worker thread with its own interpreter (about 2 s), ready to trace snippets. */
export async function createSimulator(setup: SimulatorSetup = {}): Promise<Simulator> {
  const simulator = new WorkerSimulator(findWorkerPath(setup.workerPath));
  await simulator.start();
  return simulator;
}

/** Traces one snippet with the given simulator (a convenience for one-off callers). */
export function codeToTrace(simulator: Simulator, source: string, options?: SimulateOptions): Promise<Trace> {
  return simulator.trace(source, options);
}
