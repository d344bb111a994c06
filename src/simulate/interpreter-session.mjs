// One interpreter ready to trace snippets under the limits, shared by the Node sandbox and the
// browser's worker: the time limit read from the clock, the memory ceiling, no sockets, one run turned into
// the message the host sends back, and the reset after it. Plain ESM that imports nothing (the worker loads it from
// text).

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
  return {
    buffer,
    arm: (timeoutMs) => (due = INTERRUPT_DELAYS_MS.map((delay) => performance.now() + timeoutMs + delay)),
    disarm: () => (due = []),
  };
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
    arm: (maxMemoryMb) => {
      ceilingBytes = baseBytes + maxMemoryMb * MIB;
      refused = false;
    },
    disarm: () => {
      ceilingBytes = Infinity;
      return refused;
    },
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
 * Locks the interpreter down, arms the limits and takes the state every run starts from. Returns the session:
 * its CPython version and `run(request)`.
 * Pre: a fresh interpreter with the tracer installed (tracerModule is what takeTracer returned); no snippet ran.
 * @param {any} pyodide
 * @param {any} tracerModule
 * @param {(pyodide: any) => { bytes: number, unchanged(): boolean, restore(): void }} takeBaseline from
 * interpreter-memory.mjs
 */
export function prepareInterpreter(pyodide, tracerModule, takeBaseline) {
  const interrupts = deadlineInterrupts();
  pyodide.setInterruptBuffer(interrupts.buffer);
  cutNetwork(pyodide._module);
  const ceiling = memoryCeiling(() => pyodide._module.HEAP8.buffer);
  // Asked before the lockdown: it empties Pyodide's own Python modules, which runPython needs.
  const python = pyodide.runPython('import sys; sys.version.split()[0]');
  const prepareRun = tracerModule.prepare_run;
  const finishRun = tracerModule.finish_run;
  const session = tracerModule.start_session();
  const [execute, runnerCode, runnerGlobals] = [session.get(0), session.get(1), session.get(2)];
  session.destroy();
  const forgetRuns = tracerModule.forget_runs;

  /**
   * One snippet: the tracer prepares, the runner's code runs from here (no Python frame beneath it), the tracer
   * finishes.
   */
  const trace = (source, options) => {
    const early = prepareRun(source, JSON.stringify(options));
    if (typeof early === 'string') return early;
    execute(runnerCode, runnerGlobals);
    return finishRun();
  };

  const warmUp = JSON.parse(trace('pass', { maxSteps: 10, timeoutMs: 10_000, maxOutput: 100, showModules: false }));
  if (warmUp.error !== null || !Array.isArray(warmUp.steps))
    throw new Error(`the tracer's warm-up run failed: ${JSON.stringify(warmUp.error)}`);
  // The warm-up leaves the tracer's code specialised by CPython; what it made is let go before the baseline.
  forgetRuns();
  forgetRuns.destroy();
  ceiling.setBase();
  const baseline = takeBaseline(pyodide);
  return {
    python,
    /**
     * Traces one snippet (request = { id, source, options }), hands the 'trace' or 'fatal' message to `reply`, then
     * puts the interpreter back as it was before the first run: the reply does not wait for the reset, and the next
     * request (on this thread) cannot start before it. `clean: false` asks the host for a new interpreter.
     * @param {{ id: number, source: string, options: any }} request
     * @param {(message: object) => void} reply
     */
    run(request, reply) {
      const message = traceOne(request);
      reply(message);
      if (message.kind === 'trace' && message.clean) baseline.restore();
    },
  };

  /** One snippet traced, as the message for the host; the interpreter is not yet put back. */
  function traceOne(request) {
    interrupts.arm(request.options.timeoutMs);
    ceiling.arm(request.options.maxMemoryMb);
    try {
      const json = trace(request.source, request.options);
      interrupts.disarm();
      const memoryLimitHit = ceiling.disarm();
      const clean = baseline.unchanged();
      // WebAssembly memory grows but never shrinks: the host restarts an interpreter that grew too big.
      return {
        kind: 'trace',
        id: request.id,
        json,
        memoryBytes: pyodide._module.HEAP8.buffer.byteLength,
        memoryLimitHit,
        clean,
      };
    } catch (error) {
      interrupts.disarm();
      ceiling.disarm();
      // The tracer itself failed: an interrupt that arrived after the snippet ended, or a fatal
      // interpreter error (the JavaScript stack overflowed, say). The host starts a new interpreter.
      const lines = String(error?.message ?? error)
        .trim()
        .split('\n');
      return {
        kind: 'fatal',
        id: request.id,
        interrupted: lines.some((line) => line.startsWith('KeyboardInterrupt')),
        message: lines.at(-1) ?? 'fatal error',
      };
    }
  }
}
