// What names the code a render server runs, exactly: the package folder, its compiled lib/ (the build
// id build-package.ts records in lib/build.json: a hash of every compiled file, the sandbox's and
// tracer's among them), the dependencies, Node and the snapshot folder. A socket is named by a short hash of it; the
// full key is checked on every request.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';

export interface CodeIdentity {
  /** The full key: a JSON object of everything above. */
  key: string;
  /** 16 hex digits of the key: the socket's name. */
  id: string;
}

/** The file build-package.ts writes last into lib/: `{ "id": <32 hex digits of every compiled file> }`. */
export const BUILD_FILE = join('lib', 'build.json');

/** Size and both times of a file: any write changes its ctime, which no program can set back. */
function stampOf(path: string): string {
  const info = statSync(path);
  return `${info.size}:${info.mtimeMs}:${info.ctimeMs}`;
}

/** npm rewrites node_modules/.package-lock.json on every install: a changed dependency changes it. */
function dependencyStamp(root: string): string {
  const locks = [join(root, 'node_modules', '.package-lock.json'), join(dirname(root), '.package-lock.json')];
  const lock = locks.find((path) => existsSync(path));
  return lock ? stampOf(lock) : '';
}

/** Two 32-bit FNV-1a hashes of the key: a socket's file name. */
export function shortHash(text: string): string {
  const fnv = (seed: number) => {
    let hash = seed;
    for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 16777619) >>> 0;
    return hash.toString(16).padStart(8, '0');
  };
  return fnv(0x811c9dc5) + fnv(0x9e3779b9);
}

/** The id of the compiled lib/ under `root`, or null when it is missing or not one. */
export function buildId(root: string): string | null {
  try {
    const { id } = JSON.parse(readFileSync(join(root, BUILD_FILE), 'utf8')) as { id?: unknown };
    return typeof id === 'string' && /^[0-9a-f]{32}$/.test(id) ? id : null;
  } catch {
    return null;
  }
}

/**
 * The identity of the code under `root` (the package folder: a checkout or an install), or null when no
 * server can run it (no compiled lib/).
 */
export function codeIdentity(root: string, env: NodeJS.ProcessEnv = process.env): CodeIdentity | null {
  try {
    const code = buildId(root);
    if (!code) return null;
    const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
    const key = JSON.stringify({
      root,
      code,
      version,
      build: stampOf(join(root, BUILD_FILE)),
      dependencies: dependencyStamp(root),
      node: process.version,
      exec: process.execPath,
      snapshots: env['MEMLANE_SNAPSHOT_DIR'] ?? '',
    });
    return { key, id: shortHash(key) };
  } catch {
    return null;
  }
}

/**
 * Whether `older` is the key of an earlier build of the same installation: the same package folder,
 * Node and snapshot folder, other code. Its server is stopped by the new one, so edits to a checkout
 * do not leave one idle server per edit.
 */
export function supersedes(key: string, older: string): boolean {
  try {
    const place = (text: string) => {
      const { root, node, exec, snapshots } = JSON.parse(text) as Record<string, unknown>;
      return JSON.stringify([root, node, exec, snapshots]);
    };
    return key !== older && place(key) === place(older);
  } catch {
    return false;
  }
}

/** The part of a key that names the compiled code: lib/'s build id. */
export function codeOf(key: string): string {
  try {
    return String((JSON.parse(key) as { code: unknown }).code);
  } catch {
    return key;
  }
}
