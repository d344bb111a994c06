// The sandbox: a child process, started under Node's permission model by code-to-trace.ts, that
// owns one CPython (Pyodide) interpreter and traces snippets on request over the IPC channel.
// Plain ESM on purpose: it is started by path, so it runs the same under Node and under a
// Vite-bundled Astro build, where the caller's own code lives in some other chunk.
//
// Pyodide runs on this process's main thread, never in a worker: on Node 20 a worker thread is
// not covered by the permission model, so a snippet that reaches JavaScript there could read
// files. The process may read only Pyodide's directory and this directory's two files; it may
// write nothing, start no process and no worker, and its environment is empty.
import { constants as fsConstants, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const [pyodideDir] = process.argv.slice(2);

// Under the permission model process.binding throws; Pyodide's NODEFS only needs the fs constants.
process.binding = (name) => {
  if (name === 'constants') return { fs: fsConstants };
  throw new Error(`process.binding('${name}') is not available in the memlane sandbox`);
};

// The parent is gone (it exited or closed the simulator): nothing left to do.
process.on('disconnect', () => process.exit(0));

/** String hashing seeded with a fixed value (0: no randomisation), so set and dict orders repeat on every run. */
const PYTHON_ENVIRONMENT = { PYTHONHASHSEED: '0' };

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

async function startInterpreter(interrupts) {
  const started = performance.now();
  const pyodideEntry = join(pyodideDir, 'pyodide.mjs');
  const { loadPyodide } = await import(pathToFileURL(pyodideEntry).href);
  const silent = () => {};
  const pyodide = await loadPyodide({ indexURL: pyodideDir.endsWith('/') ? pyodideDir : pyodideDir + '/', stdout: silent, stderr: silent, checkAPIVersion: true,
    env: PYTHON_ENVIRONMENT });
  pyodide.setInterruptBuffer(interrupts.buffer);
  const ceiling = memoryCeiling(() => pyodide._module.HEAP8.buffer);
  cutNetwork(pyodide._module);

  const tracerSource = readFileSync(join(here, 'tracer.py'), 'utf8');
  const tracerModule = pyodide.runPython(
    [
      'import sys, types',
      'tracer = types.ModuleType("memlane_tracer")',
      'tracer.__file__ = "memlane_tracer.py"',
      'exec(compile(TRACER_SOURCE, "memlane_tracer.py", "exec"), tracer.__dict__)',
      // Modules a typical lesson imports, loaded once so snippets do not pay for them.
      'for name in ("copy", "gc", "weakref", "collections", "functools", "itertools", "math", "dataclasses", "random"):',
      '    __import__(name)',
      'tracer',
    ].join('\n'),
    { globals: pyodide.toPy({ TRACER_SOURCE: tracerSource }) },
  );
  const runSnippet = tracerModule.run_snippet;
  const python = pyodide.runPython('import sys; sys.version.split()[0]');
  // First run snapshots the pristine interpreter that every later snippet is restored to.
  runSnippet('pass', JSON.stringify({ maxSteps: 10, timeoutMs: 10_000, maxOutput: 100, showModules: false }));
  // WebAssembly memory grows but never shrinks: the parent restarts a sandbox that grew too big.
  const memory = { get buffer() { return pyodide._module.HEAP8.buffer; } };
  ceiling.setBase();
  return { runSnippet, python, memory, ceiling, startupMs: performance.now() - started };
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
  process.send({ kind: 'ready', python: interpreter.python, startupMs: interpreter.startupMs });
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
