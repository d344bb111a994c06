// The interpreter-snapshot cache: where the sandbox's memory snapshot is kept, the key that says
// which Pyodide, Node and tracer made it, and writing it so that racing processes never leave half a file.
import { createHash, randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { snapshotHeader } from './snapshot-file.mjs';

/**
 * What the sandbox's interpreter is made of, relative to src/simulate (a folder stands for every
 * file in it): the sandbox may read these, and the snapshot's key hashes them, so editing any of
 * them makes the next start build a new snapshot.
 */
export const INTERPRETER_FILES = [
  'install-tracer.mjs',
  'interpreter-memory.mjs',
  'interpreter-session.mjs',
  'lock-down-realm.mjs',
  'sandbox-host.mjs',
  'snapshot-file.mjs',
  'tracer',
];

/** A folder for the snapshot, or `off` to start the interpreter in full every time. */
export const SNAPSHOT_DIR_VARIABLE = 'MEMLANE_SNAPSHOT_DIR';
const SNAPSHOT_FILE = 'interpreter.snapshot';
export { MAX_SNAPSHOT_BYTES } from './sandbox-messages.ts';

export interface SnapshotPlan {
  /** The snapshot file; the sandbox may read it, only the parent writes it. */
  path: string;
  /** Hash of the Pyodide version, the Node version and INTERPRETER_FILES. */
  key: string;
}

/** Every file INTERPRETER_FILES names, absolute and sorted. */
export function interpreterFiles(simulateDir: string): string[] {
  const walk = (path: string): string[] =>
    statSync(path).isDirectory()
      ? readdirSync(path)
          .sort()
          .flatMap((name) => walk(join(path, name)))
      : [path];
  return INTERPRETER_FILES.flatMap((entry) => walk(join(simulateDir, entry)));
}

/** Paths the sandbox may read for its own code: a folder as `dir/` (all inside it), a file as itself. */
export function interpreterReadPaths(simulateDir: string): string[] {
  return INTERPRETER_FILES.map((entry) => {
    const path = join(simulateDir, entry);
    return statSync(path).isDirectory() ? `${path}/` : path;
  });
}

export function snapshotKey(simulateDir: string, pyodideDir: string): string {
  const { version } = JSON.parse(readFileSync(join(pyodideDir, 'package.json'), 'utf8')) as { version: string };
  const hash = createHash('sha256').update(JSON.stringify({ pyodide: version, node: process.version }));
  for (const file of interpreterFiles(simulateDir)) {
    hash.update(`\n${file.slice(simulateDir.length)}\n`).update(readFileSync(file));
  }
  return hash.digest('hex');
}

/**
 * Where the snapshot lives: the given folder, else $MEMLANE_SNAPSHOT_DIR, else
 * node_modules/.cache/memlane beside the Pyodide package; undefined when turned off.
 */
export function snapshotPlan(simulateDir: string, pyodideDir: string, dir?: string | false): SnapshotPlan | undefined {
  const chosen = dir ?? (process.env[SNAPSHOT_DIR_VARIABLE] || join(dirname(resolve(pyodideDir)), '.cache', 'memlane'));
  if (chosen === false || chosen === 'off') return undefined;
  return { path: join(resolve(chosen), SNAPSHOT_FILE), key: snapshotKey(simulateDir, pyodideDir) };
}

/**
 * Writes the snapshot under a name of its own, then renames it into place: a reader sees the old
 * file or the new one, never a mix, however many processes write at once.
 */
export async function saveSnapshot(plan: SnapshotPlan, payload: Uint8Array): Promise<void> {
  await mkdir(dirname(plan.path), { recursive: true });
  const temporary = `${plan.path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    const file = await open(temporary, 'wx');
    try {
      // writeFile writes all of it (write() may stop short), each call after the last.
      await file.writeFile(snapshotHeader(plan.key, payload));
      await file.writeFile(payload);
    } finally {
      await file.close();
    }
    await rename(temporary, plan.path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}
