// Disk cache of finished diagram HTML, keyed by everything that shapes it: the snippet, its
// options, and a fingerprint of Memlane itself, so a warm build never starts Pyodide.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export function cacheKey(parts: unknown): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex');
}

export function readCached(dir: string | false, key: string): string | undefined {
  if (!dir) return undefined;
  try {
    return readFileSync(join(dir, `${key}.html`), 'utf8');
  } catch {
    return undefined;
  }
}

export function writeCached(dir: string | false, key: string, html: string): void {
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  // Write then rename, so a concurrent build never reads half a file.
  const temporary = join(dir, `${key}.${process.pid}.tmp`);
  writeFileSync(temporary, html);
  renameSync(temporary, join(dir, `${key}.html`));
}

/** The folders of src/ (lib/ when built) whose code shapes a diagram's HTML, so their files are fingerprinted. */
export const shapingDirs = [
  'core',
  'exercises',
  'compare',
  'fonts',
  'highlight',
  'live',
  'node',
  'page',
  'simulate',
  'layout',
  'render',
  'integration',
  'trace',
];

/** A hash of Memlane's own source files and version: changing any stage invalidates the cache. */
export function fingerprintSources(version: string, dirs: string[]): string {
  const hash = createHash('sha256').update(version);
  const visit = (dir: string): void => {
    let names: string[];
    try {
      names = readdirSync(dir).sort();
    } catch {
      return;
    }
    for (const name of names) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) visit(path);
      else if (/\.(ts|mjs|js|json|py|css)$/.test(name)) hash.update(name).update(readFileSync(path));
    }
  };
  dirs.forEach(visit);
  return hash.digest('hex').slice(0, 16);
}
