// Loads the tracer package into a fresh Pyodide interpreter: the one step the Node sandbox and a
// browser worker share. Plain ESM that imports nothing, so it runs anywhere: the caller reads the
// files (from disk, or fetched from the site) and hands their text in.

/**
 * The tracer's modules, relative to src/simulate, in the order they are run: each after the
 * modules it imports, the package's __init__ last.
 */
export const TRACER_FILES = [
  'tracer/pinned.py',
  'tracer/kinds.py',
  'tracer/guard.py',
  'tracer/stubs.py',
  'tracer/limits.py',
  'tracer/reprs.py',
  'tracer/positions.py',
  'tracer/identity.py',
  'tracer/frames.py',
  'tracer/encode.py',
  'tracer/cycles.py',
  'tracer/freed.py',
  'tracer/event_loop.py',
  'tracer/loop_frame.py',
  'tracer/snapshot.py',
  'tracer/recorder.py',
  'tracer/owned.py',
  'tracer/lockdown.py',
  'tracer/run.py',
  'tracer/__init__.py',
];

/** Where the tracer waits in a fresh or restored interpreter until the host takes it out of sys.modules. */
export const TRACER_SLOT = '_memlane_tracer_until_started';

/** Modules a typical lesson imports, loaded once with the tracer so snippets do not pay for them. */
export const LESSON_MODULES = [
  'copy',
  'gc',
  'weakref',
  'collections',
  'functools',
  'itertools',
  'math',
  'dataclasses',
  'random',
];

/** The package's private name while its modules run; no module of that name is left afterwards. */
const PACKAGE = '_memlane_tracer';

// Each module runs in a module object of the package, registered only while the modules run (so
// their relative imports find each other); then every module of the package leaves sys.modules, so
// a snippet cannot import the tracer by name. No file is written and no import finder is asked.
const INSTALL = `
import sys, types
tracer = types.ModuleType(PACKAGE)
tracer.__path__ = []
tracer.__file__ = PACKAGE + "/__init__.py"
sys.modules[PACKAGE] = tracer
try:
    for file_name, text in SOURCES:
        name = file_name.removesuffix(".py")
        module = tracer if name == "__init__" else types.ModuleType(PACKAGE + "." + name)
        module.__package__ = PACKAGE
        module.__file__ = PACKAGE + "/" + file_name
        if module is not tracer:
            sys.modules[module.__name__] = module
            setattr(tracer, name, module)
        exec(compile(text, module.__file__, "exec"), module.__dict__)
finally:
    for name in [name for name in sys.modules if name == PACKAGE or name.startswith(PACKAGE + ".")]:
        del sys.modules[name]
for name in LESSON_MODULES:
    __import__(name)
sys.modules[SLOT] = tracer
# These globals outlive the install (JavaScript holds them): they must not lead to the tracer.
del tracer, module, file_name, text, name, SOURCES
`;

/**
 * Installs the tracer into `pyodide` and leaves the package's module in sys.modules[TRACER_SLOT],
 * where the host takes it from (and out of sys.modules) before the first snippet runs.
 * Pre: a fresh interpreter, before any snippet; `sources` maps every TRACER_FILES path to its text.
 * Post: the lesson modules are imported; no module of the package is in sys.modules but the slot.
 * @param {{ runPython(code: string, options?: { globals?: unknown }): unknown, toPy(value: unknown): unknown }} pyodide
 * @param {Record<string, string>} sources
 */
export function installTracer(pyodide, sources) {
  const missing = TRACER_FILES.filter((path) => typeof sources[path] !== 'string');
  if (missing.length)
    throw new Error(
      `memlane: the tracer's ${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} missing\nhint: ` +
        `pass the text of every TRACER_FILES entry`,
    );
  const files = TRACER_FILES.map((path) => [path.slice('tracer/'.length), sources[path]]);
  const globals = pyodide.toPy({ PACKAGE, SOURCES: files, SLOT: TRACER_SLOT, LESSON_MODULES });
  // The globals proxy is left to the JavaScript collector: destroyed here, before a snapshot, it
  // changes the garbage a restored interpreter starts with, and it would no longer trace exactly
  // as the interpreter that made the snapshot (gc.collect() counts differ).
  pyodide.runPython(INSTALL, { globals });
}

/** String hashing seeded with a fixed value (0: no randomisation), so set and dict orders repeat on every run. */
export const PYTHON_ENVIRONMENT = { PYTHONHASHSEED: '0' };

/**
 * Takes the tracer out of sys.modules, where installTracer (or a snapshot) left it: a snippet must not import it by
 * name.
 */
export function takeTracer(pyodide) {
  return pyodide.runPython(`import sys; sys.modules.pop(${JSON.stringify(TRACER_SLOT)})`);
}
