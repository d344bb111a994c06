// The interpreter's files for live editing, as the built site serves them: copied into the build
// under _memlane/live/, and served from node_modules and src/ by the dev server.
import { copyFileSync, createReadStream, existsSync, mkdirSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LIVE_DIR, LIVE_MODULES, PYODIDE_FILES } from '../live/live-files.ts';
import { TRACER_FILES } from '../simulate/install-tracer.mjs';

const sourceDir = fileURLToPath(new URL('../', import.meta.url));
const contentTypes: Record<string, string> = {
  '.mjs': 'text/javascript',
  '.js': 'text/javascript',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.zip': 'application/zip',
  '.py': 'text/plain; charset=utf-8',
};

/** Every file of the live interpreter: its path under LIVE_DIR and where it comes from. */
export function liveAssets(): { path: string; from: string }[] {
  const pyodideDir = dirname(createRequire(import.meta.url).resolve('pyodide/pyodide.mjs'));
  return [
    ...PYODIDE_FILES.map((name) => ({ path: name, from: join(pyodideDir, name) })),
    ...Object.entries(LIVE_MODULES).map(([name, path]) => ({ path: name, from: join(sourceDir, path) })),
    ...TRACER_FILES.map((path) => ({ path, from: join(sourceDir, 'simulate', path) })),
  ];
}

/** Copies the live interpreter into a built site (outDir is the site's root folder). */
export function copyLiveAssets(outDir: string): void {
  for (const asset of liveAssets()) {
    const to = join(outDir, LIVE_DIR, asset.path);
    mkdirSync(dirname(to), { recursive: true });
    copyFileSync(asset.from, to);
  }
}

/** A dev-server middleware that answers `${base}_memlane/live/...` from the same files. */
export function serveLiveAssets(
  base: string,
): (request: IncomingMessage, response: ServerResponse, next: () => void) => void {
  const prefix = `${base.endsWith('/') ? base : `${base}/`}${LIVE_DIR}`;
  const byPath = new Map(liveAssets().map((asset) => [asset.path, asset.from]));
  return (request, response, next) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://dev').pathname);
    const from = path.startsWith(prefix) ? byPath.get(path.slice(prefix.length)) : undefined;
    if (!from || !existsSync(from)) return next();
    response.writeHead(200, { 'content-type': contentTypes[extname(from)] ?? 'application/octet-stream' });
    createReadStream(from).pipe(response);
  };
}
