// The diagram faces for pages: the very TTFs the layout measures with and resvg renders PNGs with
// (src/node/font-files.ts), re-packed as WOFF2 (same tables, about a third of the bytes). Written once
// per font version into a directory, with a stylesheet whose relative url()s Vite bundles. Brotli at
// quality 11 takes seconds of CPU, so each file is made once per machine (kept in the package's cache
// folder, beside the interpreter snapshot) and, when it must be made, off the main thread.
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fontFaceRule } from '../fonts/font-face-css.ts';
import { faces } from '../node/font-files.ts';
import { ttfToWoff2Async } from '../node/ttf-to-woff2.ts';
import { SNAPSHOT_DIR_VARIABLE } from '../simulate/interpreter-snapshot.ts';

export interface ServedFace {
  family: string;
  weight: number;
  /** File name of the WOFF2 inside the fonts directory. */
  file: string;
}

/** The @font-face rules of the files written beside the stylesheet. */
export function fontFaceCss(served: ServedFace[]): string {
  return served
    .map(({ family, weight, file }) => fontFaceRule({ family, weight, url: `./${file}`, display: 'swap' }))
    .join('\n');
}

/**
 * The folder that keeps the WOFF2 files between builds (a file depends only on its TTF): `fonts/` in the
 * interpreter snapshot's folder ($MEMLANE_SNAPSHOT_DIR, else node_modules/.cache/memlane); none when that is `off`.
 */
export function fontStoreDir(): string | undefined {
  const chosen = process.env[SNAPSHOT_DIR_VARIABLE];
  if (chosen === 'off') return undefined;
  const nodeModules = dirname(dirname(createRequire(import.meta.url).resolve('pyodide/package.json')));
  return join(chosen || join(nodeModules, '.cache', 'memlane'), 'fonts');
}

/**
 * Writes `diagram-fonts.css` into `dir` now and the WOFF2 files it names by the time `ready` settles: each
 * copied from `store` when it is there, else compressed on libuv's thread pool and kept in `store` as well.
 * Await `ready` before the bundler reads the stylesheet's url()s (unchanged files are kept).
 */
export function writeDiagramFonts(
  dir: string,
  store = fontStoreDir(),
): { cssPath: string; fontFiles: string[]; ready: Promise<void> } {
  mkdirSync(dir, { recursive: true });
  const served: ServedFace[] = [];
  const writes: Promise<void>[] = [];
  for (const face of new Map(Object.values(faces).map((f) => [f.file, f])).values()) {
    const ttf = readFileSync(face.file);
    const hash = createHash('sha256').update(ttf).digest('hex').slice(0, 10);
    const file = `${face.family.replace(/\s+/g, '')}-${face.weight}-${hash}.woff2`;
    served.push({ family: face.family, weight: face.weight, file });
    if (existsSync(join(dir, file))) continue;
    if (store && existsSync(join(store, file))) copyFileSync(join(store, file), join(dir, file));
    else {
      const stored = store && join(store, file);
      writes.push(ttfToWoff2Async(ttf).then((woff2) => keepFont(woff2, join(dir, file), stored)));
    }
  }
  const cssPath = join(dir, 'diagram-fonts.css');
  const css = fontFaceCss(served);
  if (!existsSync(cssPath) || readFileSync(cssPath, 'utf8') !== css) writeFileSync(cssPath, css);
  return { cssPath, fontFiles: served.map((face) => face.file), ready: Promise.all(writes).then(() => undefined) };
}

/** Writes the file for the site, and to the store when it can (a read-only node_modules keeps none). */
function keepFont(woff2: Buffer, path: string, storePath: string | undefined): void {
  writeFileSync(path, woff2);
  if (!storePath) return;
  try {
    mkdirSync(dirname(storePath), { recursive: true });
    // Written whole under a temporary name first, so a concurrent build never copies half a file.
    const partial = `${storePath}.${process.pid}.partial`;
    writeFileSync(partial, woff2);
    renameSync(partial, storePath);
  } catch {
    // no store this time: the next build compresses again
  }
}
