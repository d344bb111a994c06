// The files the browser's interpreter is made of, named once: the build copies them into the site
// (src/integration/live-assets.ts) and the page fetches them when a reader first edits code.
/** Where the files sit in the built site, under its base path. */
export const LIVE_DIR = '_memlane/live/';

/** Pyodide's own files, from the `pyodide` package. */
export const PYODIDE_FILES = [
  'pyodide.mjs',
  'pyodide.asm.mjs',
  'pyodide.asm.wasm',
  'python_stdlib.zip',
  'pyodide-lock.json',
] as const;

/** Memlane's scripts, by the name the frame and the worker know them by, with their place under src/. */
export const LIVE_MODULES = {
  'sandbox-frame.js': 'live/sandbox-frame.js',
  'trace-worker.mjs': 'live/trace-worker.mjs',
  'install-tracer.mjs': 'simulate/install-tracer.mjs',
  'interpreter-memory.mjs': 'simulate/interpreter-memory.mjs',
  'interpreter-session.mjs': 'simulate/interpreter-session.mjs',
} as const;

// The tracer's files are TRACER_FILES (install-tracer.mjs), served at their paths relative to
// src/simulate (`tracer/...`).
