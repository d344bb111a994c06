// Loads the tracer into a fresh interpreter, the same way in the Node sandbox and in the browser's
// worker. Plain ESM that imports nothing: each host reads TRACER_FILES its own way and hands them in.

/** The tracer's files, relative to src/simulate. */
export const TRACER_FILES = ['tracer.py'];

/** Where the tracer waits in a fresh or restored interpreter until the host takes it out of sys.modules. */
export const TRACER_SLOT = '_memlane_tracer_until_started';

/** String hashing seeded with a fixed value (0: no randomisation), so set and dict orders repeat on every run. */
export const PYTHON_ENVIRONMENT = { PYTHONHASHSEED: '0' };

/** Modules a typical lesson imports, loaded once so snippets do not pay for them. */
const PRELOADED_MODULES = ['copy', 'gc', 'weakref', 'collections', 'functools', 'itertools', 'math', 'dataclasses', 'random'];

/** Runs the tracer's source (sources: TRACER_FILES path -> text) and leaves the module in TRACER_SLOT. */
export function installTracer(pyodide, sources) {
  const tracerSource = sources['tracer.py'];
  if (typeof tracerSource !== 'string') throw new Error('memlane: the tracer source tracer.py was not handed in');
  pyodide.runPython(
    [
      'import sys, types',
      'tracer = types.ModuleType("memlane_tracer")',
      'tracer.__file__ = "memlane_tracer.py"',
      'exec(compile(TRACER_SOURCE, "memlane_tracer.py", "exec"), tracer.__dict__)',
      `for name in ${JSON.stringify(PRELOADED_MODULES)}:`,
      '    __import__(name)',
      `sys.modules[${JSON.stringify(TRACER_SLOT)}] = tracer`,
    ].join('\n'),
    { globals: pyodide.toPy({ TRACER_SOURCE: tracerSource }) },
  );
}

/** Takes the tracer out of sys.modules, where installTracer (or a snapshot) left it: a snippet must not import it by name. */
export function takeTracer(pyodide) {
  return pyodide.runPython(`import sys; sys.modules.pop(${JSON.stringify(TRACER_SLOT)})`);
}
