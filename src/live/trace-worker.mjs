// The browser's interpreter: a worker, started from a blob inside the sandboxed frame, that
// loads Pyodide and the tracer from bytes handed to it (it can fetch nothing itself) and traces
// snippets on request. Plain ESM with no imports: the modules it needs arrive as text.

/** Pyodide asks for its files under this made-up address; the patched fetch answers from the bytes handed in. */
const INDEX_URL = 'https://interpreter.memlane.invalid/';
const contentTypes = {
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.zip': 'application/zip',
  '.mjs': 'text/javascript',
};

/** A module made from its source text (the worker's CSP allows blob: scripts and nothing else). */
async function importText(text) {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/javascript' }));
  try {
    return await import(url);
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** fetch() that serves only the interpreter's own files, by name, from memory. */
function servedFetch(files) {
  return async (input) => {
    const url = String(input instanceof Request ? input.url : input);
    const name = url.startsWith(INDEX_URL) ? url.slice(INDEX_URL.length) : '';
    const bytes = files[name];
    if (!bytes) throw new TypeError(`memlane: the interpreter has no file ${url}`);
    const type = contentTypes[name.slice(name.lastIndexOf('.'))] ?? 'application/octet-stream';
    return new Response(bytes, { status: 200, headers: { 'content-type': type } });
  };
}

async function start({ files, modules, tracer }) {
  const started = performance.now();
  const text = (name) => new TextDecoder().decode(files[name]);
  const silent = () => {};
  globalThis.fetch = servedFetch(files);
  const [{ loadPyodide }, asm, install, session, memory] = await Promise.all([
    importText(text('pyodide.mjs')),
    importText(text('pyodide.asm.mjs')),
    importText(modules['install-tracer.mjs']),
    importText(modules['interpreter-session.mjs']),
    importText(modules['interpreter-memory.mjs']),
  ]);
  const pyodide = await loadPyodide({
    indexURL: INDEX_URL,
    createPyodideModule: asm.default,
    stdout: silent,
    stderr: silent,
    checkAPIVersion: true,
    env: install.PYTHON_ENVIRONMENT,
  });
  install.installTracer(pyodide, tracer);
  const interpreter = session.prepareInterpreter(pyodide, install.takeTracer(pyodide), memory.takeBaseline);
  return {
    interpreter,
    ready: {
      kind: 'ready',
      python: interpreter.python,
      startupMs: performance.now() - started,
      startedFrom: 'full',
      snapshotProblem: '',
    },
  };
}

let interpreter;
let starting = false;
addEventListener('message', async ({ data }) => {
  if (data?.kind === 'start' && !starting) {
    starting = true;
    try {
      const started = await start(data);
      interpreter = started.interpreter;
      postMessage(started.ready);
    } catch (error) {
      postMessage({ kind: 'failed', message: String(error?.stack ?? error) });
    }
  } else if (data?.kind === 'run' && interpreter) {
    interpreter.run(data, postMessage);
  }
});
