// One interpreter ready to trace snippets under the limits, shared by the Node sandbox and the
// browser's worker: the time limit read from the clock, the memory ceiling, no sockets, and one
// run turned into the message the host sends back. Plain ESM that imports nothing (the worker loads it from text).

/** Delay after the deadline before each KeyboardInterrupt; a second one in case a bare `except:` ate the first. */
const INTERRUPT_DELAYS_MS = [50, 1_000];

/**
 * Pyodide polls its "interrupt buffer" from inside the interpreter loop; this one answers 2
 * (SIGINT) once the snippet's time is up. It reads the clock itself because the thread is busy
 * running the snippet and could not receive a message in time (and a SharedArrayBuffer would need
 * cross-origin isolation in a browser).
 */
export function deadlineInterrupts() {
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
 * at once, in the snippet's own line; the host then reports it as MemoryLimitError.
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

/**
 * Emscripten emulates sockets with real WebSocket connections (and, under Node, servers) on the
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

/**
 * Arms the limits and runs the tracer (the module takeTracer returned) once. Returns the session:
 * its CPython version and `run(request)`.
 */
export function prepareInterpreter(pyodide, tracerModule) {
  const interrupts = deadlineInterrupts();
  pyodide.setInterruptBuffer(interrupts.buffer);
  cutNetwork(pyodide._module);
  const ceiling = memoryCeiling(() => pyodide._module.HEAP8.buffer);
  const runSnippet = tracerModule.run_snippet;
  const python = pyodide.runPython('import sys; sys.version.split()[0]');
  // First run snapshots the pristine interpreter that every later snippet is restored to.
  const warmUp = JSON.parse(runSnippet('pass', JSON.stringify({ maxSteps: 10, timeoutMs: 10_000, maxOutput: 100, showModules: false })));
  if (warmUp.error !== null || !Array.isArray(warmUp.steps)) throw new Error(`the tracer's warm-up run failed: ${JSON.stringify(warmUp.error)}`);
  ceiling.setBase();
  return {
    python,
    /** Traces one snippet: request = { id, source, options }; returns the 'trace' or 'fatal' message for the host. */
    run(request) {
      interrupts.arm(request.options.timeoutMs);
      ceiling.arm(request.options.maxMemoryMb);
      try {
        const json = runSnippet(request.source, JSON.stringify(request.options));
        interrupts.disarm();
        const memoryLimitHit = ceiling.disarm();
        // WebAssembly memory grows but never shrinks: the host restarts an interpreter that grew too big.
        return { kind: 'trace', id: request.id, json, memoryBytes: pyodide._module.HEAP8.buffer.byteLength, memoryLimitHit };
      } catch (error) {
        interrupts.disarm();
        ceiling.disarm();
        // The tracer itself failed: an interrupt that arrived after the snippet ended, or a fatal
        // interpreter error (the JavaScript stack overflowed, say). The host starts a new interpreter.
        const lines = String(error?.message ?? error).trim().split('\n');
        return { kind: 'fatal', id: request.id, interrupted: lines.some((line) => line.startsWith('KeyboardInterrupt')), message: lines.at(-1) ?? 'fatal error' };
      }
    },
  };
}
