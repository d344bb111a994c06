// Whether a checkout's compiled lib/ is the build of its sources as they are now, and the build when it
// is not. build-package.ts records the size and times of every source and of every folder of src/ (taken
// before it reads them) in build/lib-sources.json beside lib/'s build id. A file saved mid-build makes
// lib/ stale; so does one added, removed or renamed, which changes its folder's times: no folder is read.
// Plain JavaScript on Node built-ins: the bin runs it before anything can compile TypeScript.
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The record of the last build's sources, outside lib/ so the package does not ship it. */
const SOURCES_FILE = join('build', 'lib-sources.json');
/** Besides src/: the build recipe itself, so a new recipe rebuilds. */
const RECIPE = 'scripts/build-package.ts';

/** Every file lib/ is built from and every folder of src/ (as `dir/`), relative to `root`, sorted. */
export function libSources(root) {
  const entries = readdirSync(join(root, 'src'), { recursive: true, withFileTypes: true });
  const relativePath = (entry) =>
    join(entry.parentPath, entry.name)
      .slice(root.length)
      .replace(/^[/\\]/, '');
  const files = entries.filter((entry) => entry.isFile()).map(relativePath);
  const folders = ['src', ...entries.filter((entry) => entry.isDirectory()).map(relativePath)].map((dir) => `${dir}/`);
  return [...files, ...folders, RECIPE].sort();
}

/** Size and both times of each file (any write changes its ctime); null for a file that is gone. */
export function stampsOf(root, paths) {
  return paths.map((path) => {
    try {
      const { size, mtimeMs, ctimeMs } = statSync(join(root, path));
      return `${size}:${mtimeMs}:${ctimeMs}`;
    } catch {
      return null;
    }
  });
}

/** Records the sources a build read (with their stamps from before it read them) and the build id it made. */
export function recordLibSources(root, sources, stamps, build) {
  const file = join(root, SOURCES_FILE);
  mkdirSync(join(root, 'build'), { recursive: true });
  const staging = `${file}.${process.pid}-${Math.random().toString(16).slice(2)}`;
  writeFileSync(staging, JSON.stringify({ build, sources, stamps }));
  renameSync(staging, file);
}

/** Whether lib/ was built from exactly the sources there are now. */
export function libIsFresh(root) {
  try {
    const record = JSON.parse(readFileSync(join(root, SOURCES_FILE), 'utf8'));
    const { id } = JSON.parse(readFileSync(join(root, 'lib', 'build.json'), 'utf8'));
    return record.build === id && JSON.stringify(record.stamps) === JSON.stringify(stampsOf(root, record.sources));
  } catch {
    return false;
  }
}

/** Builds lib/ when it is stale; resolves null, or what went wrong. */
export async function freshenLib(root) {
  if (libIsFresh(root)) return null;
  try {
    const { tsImport } = await import('tsx/esm/api');
    const { buildPackage } = await tsImport(join(root, RECIPE), import.meta.url);
    await buildPackage();
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}
