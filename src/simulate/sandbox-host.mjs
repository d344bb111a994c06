// The sandbox: a child process, started under Node's permission model by code-to-trace.ts, that
// owns one CPython (Pyodide) interpreter and traces snippets on request over the IPC channel.
// Plain ESM on purpose: it is started by path, so it runs the same under Node and under a
// Vite-bundled Astro build, where the caller's own code lives in some other chunk.
//
// Pyodide runs on this process's main thread, never in a worker: on Node 20 a worker thread is
// not covered by the permission model, so a snippet that reaches JavaScript there could read
// files. The process may read only Pyodide's directory, its own files (INTERPRETER_FILES in
// interpreter-snapshot.ts) and the snapshot file; it may write nothing (the parent saves the
// snapshots it makes), start no process and no worker, and its environment is empty.
import { constants as fsConstants, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { installTracer, TRACER_FILES, TRACER_SLOT } from './install-tracer.mjs';
import { snapshotPayload } from './snapshot-file.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const [pyodideDir, startup = '{}'] = process.argv.slice(2);
/** The snapshot file to restore from (and to replace, through the parent), or null for a full start. */
const { snapshot = null } = JSON.parse(startup);

// Under the permission model process.binding throws; Pyodide's NODEFS only needs the fs constants.
process.binding = (name) => {
  if (name === 'constants') return { fs: fsConstants };
  throw new Error(`process.binding('${name}') is not available in the memlane sandbox`);
};

// The parent is gone (it exited or closed the simulator): nothing left to do.
process.on('disconnect', () => process.exit(0));

/** Delay after the deadline before each KeyboardInterrupt; a second one in case a bare `except:` ate the first. */
const INTERRUPT_DELAYS_MS = [50, 1_000];

/**
 * Pyodide polls its "interrupt buffer" from inside the interpreter loop; this one answers 2
 * (SIGINT) once the snippet's time is up. It reads the clock itself because this thread is busy
 * running the snippet and could not receive a message from the parent in time.
 */
function deadlineInterrupts() {
  let due = [];
  const buffer = {
    get 0() {
      if (due.length && performance.now() >= due[0]) {
        due.shift();
        return 2;
      }
      return 0;
    },
    set 0(_ignored) {},
  };
  return { buffer, arm: (timeoutMs) => (due = INTERRUPT_DELAYS_MS.map((delay) => performance.now() + timeoutMs + delay)), disarm: () => (due = []) };
}

/** String hashing seeded with a fixed value (0: no randomisation), so set and dict orders repeat on every run. */
const PYTHON_ENVIRONMENT = { PYTHONHASHSEED: '0' };

/**
 * The memory limit: the interpreter's WebAssembly memory may grow only so far above its size at
 * start-up while a snippet runs. A refused growth makes malloc fail, so CPython raises MemoryError
 * at once, in the snippet's own line; the parent then reports it as MemoryLimitError.
 */
function memoryCeiling(heapBuffer) {
  const MIB = 2 ** 20;
  let ceilingBytes = Infinity;
  let refused = false;
  const grow = WebAssembly.Memory.prototype.grow;
  WebAssembly.Memory.prototype.grow = function growUnderCeiling(pages) {
    if (this.buffer === heapBuffer() && this.buffer.byteLength + pages * 65_536 > ceilingBytes) {
      refused = true;
      throw new RangeError('memlane: the memory limit refuses this growth');
    }
    return grow.call(this, pages);
  };
  let baseBytes = 0;
  return {
    setBase: () => (baseBytes = heapBuffer().byteLength),
    arm: (maxMemoryMb) => { ceilingBytes = baseBytes + maxMemoryMb * MIB; refused = false; },
    disarm: () => { ceilingBytes = Infinity; return refused; },
  };
}

/** Loads Pyodide from node_modules: in full, or from a memory snapshot (its bytes). */
async function loadInterpreter(options) {
  const { loadPyodide } = await import(pathToFileURL(join(pyodideDir, 'pyodide.mjs')).href);
  const silent = () => {};
  return loadPyodide({ indexURL: pyodideDir.endsWith('/') ? pyodideDir : pyodideDir + '/', stdout: silent, stderr: silent, checkAPIVersion: true,
    env: PYTHON_ENVIRONMENT, ...options });
}

/** Installs the tracer, read from its files here, in a fresh interpreter: it waits in TRACER_SLOT. */
function loadTracer(pyodide) {
  installTracer(pyodide, Object.fromEntries(TRACER_FILES.map((path) => [path, readFileSync(join(here, path), 'utf8')])));
}

/** The snapshot's bytes, if the file is there, whole and made under this key; else why not ('' if it is missing). */
function readSnapshot({ path, key }) {
  let file;
  try {
    file = readFileSync(path);
  } catch (error) {
    return { problem: error.code === 'ENOENT' ? '' : `it cannot be read (${error.code ?? error.message})` };
  }
  return snapshotPayload(file, key);
}

function firstLine(error) {
  return String(error?.message ?? error).trim().split('\n')[0];
}

/** Takes the tracer out of sys.modules (a snippet must not import it by name) and runs it once. */
function prepareInterpreter(pyodide, interrupts) {
  pyodide.setInterruptBuffer(interrupts.buffer);
  cutNetwork(pyodide._module);
  const ceiling = memoryCeiling(() => pyodide._module.HEAP8.buffer);
  const tracerModule = pyodide.runPython(`import sys; sys.modules.pop(${JSON.stringify(TRACER_SLOT)})`);
  const runSnippet = tracerModule.run_snippet;
  const python = pyodide.runPython('import sys; sys.version.split()[0]');
  // First run snapshots the pristine interpreter that every later snippet is restored to.
  const warmUp = JSON.parse(runSnippet('pass', JSON.stringify({ maxSteps: 10, timeoutMs: 10_000, maxOutput: 100, showModules: false })));
  if (warmUp.error !== null || !Array.isArray(warmUp.steps)) throw new Error(`the tracer's warm-up run failed: ${JSON.stringify(warmUp.error)}`);
  // WebAssembly memory grows but never shrinks: the parent restarts a sandbox that grew too big.
  const memory = { get buffer() { return pyodide._module.HEAP8.buffer; } };
  ceiling.setBase();
  return { runSnippet, python, memory, ceiling };
}

/**
 * A fresh interpreter with the tracer loaded, and its memory snapshot taken before any snippet
 * ran (no snapshot, and why, if Pyodide could not make one).
 */
async function makeSnapshot() {
  const pyodide = await loadInterpreter({ _makeSnapshot: true });
  loadTracer(pyodide);
  try {
    return { pyodide, payload: pyodide.makeMemorySnapshot() };
  } catch (error) {
    return { pyodide, problem: `no new snapshot could be made (${firstLine(error)})` };
  }
}

/**
 * A started interpreter with the tracer loaded. It always runs from a snapshot: the file's when
 * it is good, else one made now by a full start. So every interpreter starts from the same
 * memory, whether or not there was a file, and traces the same to the byte (addresses in reprs
 * included). A snapshot is trusted only once it loaded and ran the warm-up; only then does a new
 * one go to the parent to be saved, still before any snippet ran.
 */
async function startInterpreter(interrupts) {
  const started = performance.now();
  const done = (interpreter, startedFrom, snapshotProblem) => ({ ...interpreter, startedFrom, snapshotProblem, startupMs: performance.now() - started });
  let problem = '';
  if (snapshot) {
    const read = readSnapshot(snapshot);
    if ('payload' in read) {
      try {
        return done(prepareInterpreter(await loadInterpreter({ _loadSnapshot: read.payload }), interrupts), 'snapshot', '');
      } catch (error) {
        problem = `it failed to load (${firstLine(error)})`;
      }
    } else {
      problem = read.problem;
    }
  }
  const made = await makeSnapshot();
  if (!made.payload) return done(prepareInterpreter(made.pyodide, interrupts), 'full', snapshot ? [problem, made.problem].filter(Boolean).join('; ') : '');
  const interpreter = prepareInterpreter(await loadInterpreter({ _loadSnapshot: made.payload }), interrupts);
  if (snapshot) process.send({ kind: 'snapshot', bytes: made.payload });
  return done(interpreter, 'full', problem);
}

/**
 * Under Node, Emscripten emulates sockets with real WebSocket connections (and servers) on the
 * host. Snippets get no network: every socket operation that would reach out fails with ENETUNREACH.
 */
function cutNetwork(module) {
  const { SOCKFS, FS, ERRNO_CODES } = module;
  const unreachable = () => {
    throw new FS.ErrnoError(ERRNO_CODES.ENETUNREACH);
  };
  for (const operation of ['createPeer', 'connect', 'listen', 'accept']) {
    SOCKFS.websocket_sock_ops[operation] = unreachable;
  }
}

const interrupts = deadlineInterrupts();
let interpreter;
try {
  interpreter = await startInterpreter(interrupts);
  const { python, startupMs, startedFrom, snapshotProblem } = interpreter;
  process.send({ kind: 'ready', python, startupMs, startedFrom, snapshotProblem });
} catch (error) {
  process.send({ kind: 'failed', message: String(error?.stack ?? error) });
}

process.on('message', (request) => {
  if (!interpreter || request?.kind !== 'run') return;
  interrupts.arm(request.options.timeoutMs);
  interpreter.ceiling.arm(request.options.maxMemoryMb);
  try {
    const json = interpreter.runSnippet(request.source, JSON.stringify(request.options));
    interrupts.disarm();
    const memoryLimitHit = interpreter.ceiling.disarm();
    process.send({ kind: 'trace', id: request.id, json, memoryBytes: interpreter.memory.buffer.byteLength, memoryLimitHit });
  } catch (error) {
    interrupts.disarm();
    interpreter.ceiling.disarm();
    // The tracer itself failed: an interrupt that arrived after the snippet ended, or a fatal
    // interpreter error (the JavaScript stack overflowed, say). The parent starts a new sandbox.
    const lines = String(error?.message ?? error).trim().split('\n');
    process.send({
      kind: 'fatal',
      id: request.id,
      interrupted: lines.some((line) => line.startsWith('KeyboardInterrupt')),
      message: lines.at(-1) ?? 'fatal error',
    });
  }
});
