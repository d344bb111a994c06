// Worker thread that owns one CPython (Pyodide) interpreter and traces snippets on request.
// Plain ESM on purpose: it is started by path, so it runs the same under Node and under a
// Vite-bundled Astro build, where the caller's own code lives in some other chunk.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parentPort, workerData } from 'node:worker_threads';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);

async function startInterpreter() {
  const started = performance.now();
  // Resolve Pyodide from node_modules next to this file: its files are read from disk, never fetched.
  const pyodideEntry = require.resolve('pyodide/pyodide.mjs');
  const indexURL = dirname(pyodideEntry) + '/';
  const { loadPyodide } = await import(pathToFileURL(pyodideEntry).href);
  const silent = () => {};
  const pyodide = await loadPyodide({ indexURL, stdout: silent, stderr: silent, checkAPIVersion: true });
  pyodide.setInterruptBuffer(new Int32Array(workerData.interruptBuffer));
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
  // WebAssembly memory grows but never shrinks: the host restarts a worker that grew too big.
  const memory = { get buffer() { return pyodide._module.HEAP8.buffer; } };
  return { runSnippet, python, memory, startupMs: performance.now() - started };
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

const interrupt = new Int32Array(workerData.interruptBuffer);
let interpreter;
try {
  interpreter = await startInterpreter();
  parentPort.postMessage({ kind: 'ready', python: interpreter.python, startupMs: interpreter.startupMs });
} catch (error) {
  parentPort.postMessage({ kind: 'failed', message: String(error?.stack ?? error) });
}

parentPort.on('message', (request) => {
  if (!interpreter) return;
  Atomics.store(interrupt, 0, 0);
  const started = performance.now();
  try {
    const json = interpreter.runSnippet(request.source, JSON.stringify(request.options));
    const memoryBytes = interpreter.memory.buffer.byteLength;
    parentPort.postMessage({ kind: 'trace', id: request.id, json, ms: performance.now() - started, memoryBytes });
  } catch (error) {
    // The tracer itself failed: an interrupt that arrived after the snippet ended, or a fatal
    // interpreter error (the JavaScript stack overflowed, say). The host restarts the worker.
    const lines = String(error?.message ?? error).trim().split('\n');
    parentPort.postMessage({
      kind: 'fatal',
      id: request.id,
      interrupted: lines.some((line) => line.startsWith('KeyboardInterrupt')),
      message: lines.at(-1),
    });
  }
});
