// The tracer's Python unit tests (tests/tracer/test_*.py), run with unittest inside Pyodide's
// CPython after installTracer put the package in, as the sandbox does; and the install itself.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { before, describe, test } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { installTracer, TRACER_FILES, TRACER_SLOT } from '../../src/simulate/install-tracer.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const simulateDir = join(here, '../../src/simulate');
const pyodideDir = `${dirname(createRequire(import.meta.url).resolve('pyodide/pyodide.mjs'))}/`;

interface Pyodide {
  runPython(code: string, options?: { globals?: unknown }): unknown;
  toPy(value: unknown): { destroy?(): void };
  FS: { mkdirTree(path: string): void; writeFile(path: string, text: string): void };
}

async function freshInterpreter(): Promise<Pyodide> {
  const { loadPyodide } = (await import(pathToFileURL(join(pyodideDir, 'pyodide.mjs')).href)) as {
    loadPyodide(options: object): Promise<Pyodide>;
  };
  const silent = () => {};
  return loadPyodide({ indexURL: pyodideDir, stdout: silent, stderr: silent, env: { PYTHONHASHSEED: '0' } });
}

const tracerSources = () =>
  Object.fromEntries(TRACER_FILES.map((path) => [path, readFileSync(join(simulateDir, path), 'utf8')]));
const testFiles = readdirSync(here)
  .filter((name) => name.endsWith('.py'))
  .sort();

// The tests import the package as `memlane_tracer` (and its modules as memlane_tracer.NAME): an
// alias made here only, since the installed package is in sys.modules under TRACER_SLOT alone. The
// function that runs them is made before the tests lock the interpreter down (tracer_helpers starts the
// session, as a host does), and called from here, so no Pyodide frame lies beneath them.
const TEST_RUNNER = `
import io, json, sys, types, unittest
tracer = sys.modules.pop(SLOT)
sys.modules["memlane_tracer"] = tracer
for name, value in list(vars(tracer).items()):
    if type(value) is types.ModuleType and value.__name__ == tracer.__name__ + "." + name:
        sys.modules["memlane_tracer." + name] = value
sys.path.insert(0, TESTS)

def run_tests():
    suite = unittest.defaultTestLoader.discover(TESTS, pattern="test_*.py", top_level_dir=TESTS)
    stream = io.StringIO()
    result = unittest.TextTestRunner(stream=stream, verbosity=2).run(suite)
    return json.dumps({"run": result.testsRun, "ok": result.wasSuccessful(), "skipped": len(result.skipped),
                       "output": stream.getvalue()})

run_tests
`;

describe('the tracer package in Pyodide', () => {
  let pyodide: Pyodide;
  before(async () => {
    pyodide = await freshInterpreter();
    installTracer(pyodide, tracerSources());
  });

  test('TRACER_FILES names every module of the package, each once', () => {
    const onDisk = readdirSync(join(simulateDir, 'tracer'))
      .filter((name) => name.endsWith('.py'))
      .map((name) => `tracer/${name}`)
      .sort();
    assert.deepEqual([...TRACER_FILES].sort(), onDisk);
    assert.equal(TRACER_FILES.at(-1), 'tracer/__init__.py', 'the package module runs last');
  });

  test('the install leaves the package in its slot only: no module, path or file to import it by', () => {
    const found = JSON.parse(
      String(
        pyodide.runPython(
          `
import json, os, sys
json.dumps({
    "slot": sys.modules[SLOT].__name__,
    "modules": sorted(name for name in sys.modules if "memlane" in name),
    "lesson": all(name in sys.modules for name in (
        "copy", "gc", "weakref", "collections", "functools", "itertools", "math", "dataclasses", "random"
    )),
    "path": [entry for entry in sys.path if "memlane" in entry],
})`,
          { globals: pyodide.toPy({ SLOT: TRACER_SLOT }) },
        ),
      ),
    );
    assert.deepEqual(found, { slot: '_memlane_tracer', modules: [TRACER_SLOT], lesson: true, path: [] });
  });

  test('a missing tracer file is named', () => {
    const sources = tracerSources();
    delete sources['tracer/reprs.py'];
    assert.throws(() => installTracer(pyodide, sources), /the tracer's tracer\/reprs\.py is missing/);
  });

  test('the Python unit tests pass', () => {
    const folder = '/memlane-tests';
    pyodide.FS.mkdirTree(folder);
    for (const name of testFiles) pyodide.FS.writeFile(`${folder}/${name}`, readFileSync(join(here, name), 'utf8'));
    const runTests = pyodide.runPython(TEST_RUNNER, {
      globals: pyodide.toPy({ SLOT: TRACER_SLOT, TESTS: folder }),
    }) as () => string;
    const result = JSON.parse(String(runTests())) as { run: number; ok: boolean; skipped: number; output: string };
    assert.ok(result.ok, `the tracer's Python tests failed:\n${result.output}`);
    assert.equal(result.skipped, 0, `no test may be skipped:\n${result.output}`);
    assert.ok(result.run >= 40, `expected at least 40 Python tests, ran ${result.run}:\n${result.output}`);
  });
});
