// The sandbox: a child process, started under Node's permission model by code-to-trace.ts, that
// owns one CPython (Pyodide) interpreter and traces snippets on request over the IPC channel.
// Plain ESM on purpose: it is started by path, so it runs the same under Node and under a
// Vite-bundled Astro build, where the caller's own code lives in some other chunk.
//
// Pyodide runs on this process's main thread, never in a worker: on Node 20 a worker thread is
// not covered by the permission model, so a snippet that reaches JavaScript there could read
// files. The process may read only Pyodide's directory, its own files (INTERPRETER_FILES in
// interpreter-snapshot.ts) and the snapshot file; it may write nothing (the parent saves the
// snapshots it makes), start no process and no worker, compile no code from strings, and its
// environment is empty. Once the interpreter is ready its JavaScript realm is locked down
// (lock-down-realm.mjs): what the script needs of `process` it takes before.
import { constants as fsConstants, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { installTracer, PYTHON_ENVIRONMENT, takeTracer, TRACER_FILES } from './install-tracer.mjs';
import { takeBaseline } from './interpreter-memory.mjs';
import { prepareInterpreter } from './interpreter-session.mjs';
import { lockDownRealm } from './lock-down-realm.mjs';
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

// What the script uses of `process` once the realm is locked down.
const send = process.send.bind(process);
const exit = process.exit.bind(process);
// The parent is gone (it exited or closed the simulator): nothing left to do.
process.on('disconnect', () => exit(0));

/** Loads Pyodide from node_modules: in full, or from a memory snapshot (its bytes). */
async function loadInterpreter(options) {
  const { loadPyodide } = await import(pathToFileURL(join(pyodideDir, 'pyodide.mjs')).href);
  const silent = () => {};
  return loadPyodide({
    indexURL: pyodideDir.endsWith('/') ? pyodideDir : `${pyodideDir}/`,
    stdout: silent,
    stderr: silent,
    checkAPIVersion: true,
    env: PYTHON_ENVIRONMENT,
    ...options,
  });
}

/** Reads the tracer's files from beside this script and loads them into a fresh interpreter. */
function loadTracer(pyodide) {
  installTracer(
    pyodide,
    Object.fromEntries(TRACER_FILES.map((path) => [path, readFileSync(join(here, path), 'utf8')])),
  );
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

/** The interpreter's session: the tracer taken out of sys.modules, the interpreter locked down, the limits armed. */
function prepare(pyodide) {
  return prepareInterpreter(pyodide, takeTracer(pyodide), takeBaseline);
}

function firstLine(error) {
  return String(error?.message ?? error)
    .trim()
    .split('\n')[0];
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
async function startInterpreter() {
  const started = performance.now();
  const done = (interpreter, startedFrom, snapshotProblem) => ({
    ...interpreter,
    startedFrom,
    snapshotProblem,
    startupMs: performance.now() - started,
  });
  let problem = '';
  if (snapshot) {
    const read = readSnapshot(snapshot);
    if ('payload' in read) {
      try {
        return done(prepare(await loadInterpreter({ _loadSnapshot: read.payload })), 'snapshot', '');
      } catch (error) {
        problem = `it failed to load (${firstLine(error)})`;
      }
    } else {
      problem = read.problem;
    }
  }
  const made = await makeSnapshot();
  if (!made.payload)
    return done(prepare(made.pyodide), 'full', snapshot ? [problem, made.problem].filter(Boolean).join('; ') : '');
  const interpreter = prepare(await loadInterpreter({ _loadSnapshot: made.payload }));
  if (snapshot) send({ kind: 'snapshot', bytes: made.payload });
  return done(interpreter, 'full', problem);
}

let interpreter;
process.on('message', (request) => {
  if (!interpreter || request?.kind !== 'run') return;
  interpreter.run(request, send);
});
try {
  interpreter = await startInterpreter();
  const { python, startupMs, startedFrom, snapshotProblem } = interpreter;
  lockDownRealm();
  send({ kind: 'ready', python, startupMs, startedFrom, snapshotProblem });
} catch (error) {
  send({ kind: 'failed', message: String(error?.stack ?? error) });
}
