// The simulate stage: source code in, trace v1 out, computed by CPython in a sandboxed child
// process. One interpreter per process, started once and reused; snippets run one at a time.
import { fork, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Trace } from '../trace/types.ts';
import { holdInspectorShut } from './inspector-guard.ts';
import {
  interpreterReadPaths,
  saveSnapshot,
  snapshotPlan,
  SNAPSHOT_DIR_VARIABLE,
  type SnapshotPlan,
} from './interpreter-snapshot.ts';
import { replyToTrace } from './reply-to-trace.ts';
import { killedTrace, runMessage } from './sandbox-reply.ts';
import { resolveOptions, type ResolvedOptions, type SimulateOptions } from './simulate-options.ts';
import { parseSandboxMessage, type SandboxMessage } from './sandbox-messages.ts';

export interface Simulator {
  trace(source: string, options?: SimulateOptions): Promise<Trace>;
  /** The CPython version that runs the snippets, e.g. "3.14.2". */
  readonly python: string;
  /** Milliseconds the interpreter took to start. */
  readonly startupMs: number;
  /** Whether the interpreter was restored from the snapshot file or started in full. */
  readonly startedFrom: 'snapshot' | 'full';
  close(): Promise<void>;
}

export interface SimulatorSetup {
  /** Path of sandbox-host.mjs, for callers whose bundler moved this module away from it. */
  workerPath?: string;
  /**
   * The folder of the interpreter snapshot, or false to start in full every time. Default:
   * $MEMLANE_SNAPSHOT_DIR (a folder, or `off`), else node_modules/.cache/memlane.
   */
  snapshotDir?: string | false;
}

/** After the time limit, how long CPython gets to notice the interrupt before its process is killed. */
const INTERRUPT_GRACE_MS = 2_000;
const HOST_FILE = 'sandbox-host.mjs';
/** The tail of the sandbox's stderr kept to explain a crash. */
const STDERR_KEPT = 4_000;

export function findWorkerPath(explicit?: string): string {
  if (explicit) {
    if (!existsSync(explicit)) throw new Error(`memlane: the simulator sandbox script ${explicit} does not exist`);
    return resolve(explicit);
  }
  const candidates: string[] = [];
  try {
    candidates.push(join(dirname(fileURLToPath(import.meta.url)), HOST_FILE));
  } catch {
    // import.meta.url of a bundled chunk may not be a file URL.
  }
  // When bundled (Astro/Vite), this module sits in a chunk far from src/: look from the project root.
  for (let dir = process.cwd(); ; dir = dirname(dir)) {
    candidates.push(
      join(dir, 'src', 'simulate', HOST_FILE),
      join(dir, 'node_modules', 'memlane', 'lib', 'simulate', HOST_FILE),
    );
    if (dirname(dir) === dir) break;
  }
  const found = candidates.find((path) => existsSync(path));
  if (!found) {
    throw new Error(
      `memlane: cannot find ${HOST_FILE} (looked in ${candidates.slice(0, 3).join(', ')}, ...)\nhint: pass ` +
        `createSimulator({ workerPath })`,
    );
  }
  return resolve(found);
}

export function pyodideDirFor(hostPath: string): string {
  return `${dirname(createRequire(hostPath).resolve('pyodide/pyodide.mjs'))}/`;
}

/** The permission model's switch: `--permission` since Node 22.13 and 23.5; Node 24 knows no other. */
const permissionFlag = process.allowedNodeEnvironmentFlags.has('--permission')
  ? '--permission'
  : '--experimental-permission';

/**
 * Node flags that confine the sandbox: it may read Pyodide's files, its own files and the
 * snapshot file, and nothing else; no writes, child processes, workers, native addons or WASI, and
 * no code compiled from strings (eval, new Function).
 */
export function sandboxArgs(hostPath: string, snapshot?: SnapshotPlan): { execArgv: string[]; pyodideDir: string } {
  const pyodideDir = pyodideDirFor(hostPath);
  const execArgv = [
    permissionFlag,
    `--allow-fs-read=${pyodideDir}`,
    ...interpreterReadPaths(dirname(hostPath)).map((path) => `--allow-fs-read=${path}`),
    ...(snapshot ? [`--allow-fs-read=${snapshot.path}`] : []),
    '--disallow-code-generation-from-strings',
    '--no-warnings',
    '--max-old-space-size=1024',
    // V8 recompiles hot WebAssembly with its optimizing compiler; by default so early that a
    // one-snippet run spends most of its time compiling. Later tier-up costs long runs little.
    '--wasm-tiering-budget=50000000',
  ];
  return { execArgv, pyodideDir };
}

interface Pending {
  id: number;
  source: string;
  options: ResolvedOptions;
  resolve(trace: Trace): void;
  reject(error: Error): void;
}

/** One sandbox process with one interpreter; replaced only if a snippet kills or bloats it. */
class SandboxSimulator implements Simulator {
  python = '';
  startupMs = 0;
  startedFrom: 'snapshot' | 'full' = 'full';
  private child: ChildProcess | undefined;
  private ready: Promise<void> | undefined;
  private readonly queue: Pending[] = [];
  private running: Pending | undefined;
  private nextId = 1;
  private childReady = false;
  private closed = false;
  private timers: NodeJS.Timeout[] = [];
  private stderrTail = '';
  /** Snapshot files being written; close() waits for them. */
  private saving = new Set<Promise<void>>();
  private readonly snapshot: SnapshotPlan | undefined;
  private readonly releaseInspector = holdInspectorShut();

  constructor(
    private readonly hostPath: string,
    snapshotDir?: string | false,
  ) {
    this.snapshot = snapshotPlan(dirname(hostPath), pyodideDirFor(hostPath), snapshotDir);
  }

  start(): Promise<void> {
    this.ready ??= new Promise<void>((resolveReady, rejectReady) => {
      const { execArgv, pyodideDir } = sandboxArgs(this.hostPath, this.snapshot);
      let snapshotSent = false;
      // env: {} so a snippet that reaches JavaScript finds no secrets in the environment.
      const child = fork(this.hostPath, [pyodideDir, JSON.stringify({ snapshot: this.snapshot ?? null })], {
        execArgv,
        env: {},
        serialization: 'advanced',
        stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
      });
      this.child = child;
      this.stderrTail = '';
      child.stderr!.setEncoding('utf8');
      child.stderr!.on('data', (chunk: string) => {
        this.stderrTail = (this.stderrTail + chunk).slice(-STDERR_KEPT);
      });
      child.on('message', (raw: unknown) => {
        if (this.child !== child) return;
        const message = parseSandboxMessage(raw);
        if (!message) {
          // The sandbox runs untrusted code: a message of the wrong shape ends it.
          this.abandonChild('the sandbox sent a message of the wrong shape');
          return;
        }
        if (message.kind === 'snapshot') {
          // Taken only before 'ready': until then no snippet has run, so the interpreter is clean.
          if (this.childReady || snapshotSent || !this.snapshot) {
            this.abandonChild('the sandbox sent a snapshot when none was due');
            return;
          }
          snapshotSent = true;
          this.keepSnapshot(this.snapshot, message.bytes);
        } else if (message.kind === 'ready') {
          if (message.snapshotProblem && this.snapshot) {
            process.stderr.write(
              `memlane: interpreter snapshot ${this.snapshot.path}: ${message.snapshotProblem}; started the ` +
                `interpreter in full${snapshotSent ? ', and a new snapshot replaces it' : ''}\n`,
            );
          }
          this.python = message.python;
          this.startupMs = message.startupMs;
          this.startedFrom = message.startedFrom;
          this.childReady = true;
          resolveReady();
          this.pump();
        } else if (message.kind === 'failed') {
          rejectReady(new Error(`memlane: the Python interpreter failed to start: ${message.message}`));
          this.dropChild();
        } else {
          this.finish(message);
        }
      });
      child.on('error', (error) => {
        rejectReady(error);
        if (this.child === child) this.abandonChild(`the simulator sandbox failed: ${error.message}`);
      });
      child.on('exit', (code, signal) => {
        const why =
          `the simulator sandbox exited (${signal ?? `status ${code}`})` +
          `${this.stderrTail.trim() ? `: ${this.stderrTail.trim().split('\n').slice(-3).join(' ')}` : ''}`;
        rejectReady(new Error(`memlane: ${why}`));
        if (this.child !== child) return;
        // A sandbox that dies while starting is not restarted: its callers get the error.
        if (this.childReady) this.abandonChild(why);
        else this.dropChild();
      });
    });
    return this.ready;
  }

  private keepSnapshot(plan: SnapshotPlan, bytes: Uint8Array): void {
    const saving: Promise<void> = saveSnapshot(plan, bytes)
      .catch((error: Error) => {
        process.stderr.write(
          `memlane: could not save the interpreter snapshot to ${plan.path} (${error.message}); every start ` +
            `stays slow\nhint: set ${SNAPSHOT_DIR_VARIABLE} to a folder you can write to, or to off\n`,
        );
      })
      .finally(() => this.saving.delete(saving));
    this.saving.add(saving);
  }

  /** An idle sandbox must not keep the calling process alive; a busy one must. */
  private holdProcess(busy: boolean): void {
    const child = this.child;
    if (!child) return;
    const handles = [child, child.channel, child.stderr] as ({ ref(): void; unref(): void } | null | undefined)[];
    for (const handle of handles) {
      if (busy) handle?.ref();
      else handle?.unref();
    }
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
      this.holdProcess(true);
      this.start().then(
        () => this.pump(),
        (error: Error) => this.failQueue(error),
      );
    });
  }

  private pump(): void {
    if (this.running || !this.child || !this.childReady) return;
    const next = this.queue.shift();
    if (!next) {
      this.holdProcess(false);
      return;
    }
    this.running = next;
    this.holdProcess(true);
    // The sandbox interrupts its own snippet at the time limit (it reads the clock itself);
    // code in C that never checks for interrupts is ended by killing the process.
    this.child.send(runMessage(next.id, next));
    this.timers = [setTimeout(() => this.killRunning(next), next.options.timeoutMs + INTERRUPT_GRACE_MS)];
  }

  private finish(message: Extract<SandboxMessage, { kind: 'trace' | 'fatal' }>): void {
    const job = this.running;
    if (!job || job.id !== message.id) return;
    this.clearTimers();
    this.running = undefined;
    const { trace, restart } = replyToTrace(message, job, this.python);
    job.resolve(trace);
    if (restart) this.restartChild();
    this.pump();
  }

  private killRunning(job: Pending): void {
    if (this.running !== job) return;
    this.running = undefined;
    this.clearTimers();
    job.resolve(killedTrace(job, this.python));
    this.restartChild();
  }

  /** Ends the current sandbox; a new one starts when there is work for it. */
  private restartChild(): void {
    this.dropChild();
    if (this.queue.length && !this.closed)
      this.start().then(
        () => this.pump(),
        (error: Error) => this.failQueue(error),
      );
  }

  private dropChild(): void {
    const old = this.child;
    this.child = undefined;
    this.ready = undefined;
    this.childReady = false;
    old?.kill('SIGKILL');
  }

  private abandonChild(reason: string): void {
    this.clearTimers();
    const job = this.running;
    this.running = undefined;
    job?.reject(new Error(`memlane: ${reason}`));
    this.restartChild();
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
    this.releaseInspector();
    this.clearTimers();
    this.failQueue(new Error('memlane: the simulator was closed'));
    this.running?.reject(new Error('memlane: the simulator was closed'));
    this.running = undefined;
    this.holdProcess(true); // so the process waits for the sandbox's exit below
    const child = this.child;
    this.child = undefined;
    this.ready = undefined;
    if (child && child.exitCode === null && child.signalCode === null) {
      const exited = new Promise<void>((done) => child.once('exit', () => done()));
      child.kill('SIGKILL');
      await exited;
    }
    await Promise.all(this.saving);
  }
}

/**
 * Starts one sandbox process with its own interpreter, ready to trace snippets: restored from
 * the snapshot file in about half a second, or started in full (about 4 s) when there is none.
 */
export async function createSimulator(setup: SimulatorSetup = {}): Promise<Simulator> {
  const simulator = new SandboxSimulator(findWorkerPath(setup.workerPath), setup.snapshotDir);
  try {
    await simulator.start();
  } catch (error) {
    await simulator.close();
    throw error;
  }
  return simulator;
}

/** Traces one snippet with the given simulator (a convenience for one-off callers). */
export function codeToTrace(simulator: Simulator, source: string, options?: SimulateOptions): Promise<Trace> {
  return simulator.trace(source, options);
}
