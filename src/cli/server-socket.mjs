// The resident render server's address: a private per-user folder, a socket named by the code the
// server runs, and the one-JSON-object-a-line wire format. Plain JavaScript on Node built-ins only:
// the `memlane` bin reads it before it loads any of the CLI, so a warm answer starts nothing else.
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, statSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** Characters one message line may hold: a snippet (at most 1 MiB, as base64) and its command line fit. */
export const MAX_FRAME_CHARS = 4 * 2 ** 20;

/** Milliseconds of the trace time limit the command line asks for (--timeout), or the default. */
function timeLimitMs(argv) {
  const index = argv.findIndex((arg) => arg === '--timeout' || arg.startsWith('--timeout='));
  if (index < 0) return 10_000;
  const value = Number(argv[index].includes('=') ? argv[index].split('=')[1] : argv[index + 1]);
  return Number.isFinite(value) && value > 0 ? Math.min(value, 600_000) : 10_000;
}

/**
 * How long a request may take: its programs' time limits (each file traces in turn) and, to draw them,
 * MEMLANE_SERVER_SLACK seconds (default 60). The server answers a request past it with an error; the
 * client, a little later, gives up on the server.
 */
export function requestLimitMs(argv, env = process.env) {
  const files = Math.max(1, argv.filter((arg) => arg === '-' || arg.endsWith('.py')).length);
  return files * (timeLimitMs(argv) + 2_000) + envSeconds(env.MEMLANE_SERVER_SLACK, 60) * 1000;
}

/** Text from a socket, fit for a terminal: control characters (escape sequences among them) become "?". */
export const printable = (text) => String(text).replace(/[\u0000-\u001f\u007f-\u009f]/g, '?');

/** Whether the path is a socket of this user's (not a link, a file or another user's). */
export function ownSocket(path) {
  try {
    const info = lstatSync(path);
    return info.isSocket() && (!process.getuid || info.uid === process.getuid());
  } catch {
    return false;
  }
}

/**
 * The commands the server answers; `--watch` stays in its own process (it is warm already), and a
 * request for help is read, not repeated, so it neither asks nor starts a server.
 */
export function servable(argv) {
  return (argv[0] === 'render' || argv[0] === 'trace') && !argv.includes('--watch') && !argv.some((arg) => arg === '--help' || arg === '-h');
}

/** Whether a run made here (no server answered) starts one for next time: not after a bad command line (status 2), which is retyped, not run again. */
export const startsServerAfter = (exitCode) => exitCode !== 2;

/** An environment variable's number of seconds, when it is a positive number; else `fallback`. */
export const envSeconds = (value, fallback) => (/^[0-9]+(\.[0-9]+)?$/.test(value ?? '') && Number(value) > 0 ? Number(value) : fallback);

/**
 * Whether a client may use or start a server: MEMLANE_SERVER=1 says yes and 0 no; unset, yes except
 * under CI (one-off runs, where a server left behind helps no one) and where there are no Unix sockets.
 */
export function serverWanted(env = process.env) {
  if (process.platform === 'win32' || env.MEMLANE_SERVER === '0') return false;
  return env.MEMLANE_SERVER === '1' || !env.CI || env.CI === 'false' || env.CI === '0';
}

/** The folder of this user's sockets: $MEMLANE_SERVER_DIR, else memlane-<uid> in the temporary folder. */
export function socketDir(env = process.env) {
  return env.MEMLANE_SERVER_DIR || join(tmpdir(), `memlane-${process.getuid?.() ?? 'user'}`);
}

/**
 * Creates the folder (mode 0700) if it is missing; returns why it must not be used (not a folder,
 * another user's, open to others), or null when only this user can reach its sockets.
 */
export function unsafeDir(dir) {
  try {
    mkdirSync(dir, { mode: 0o700 });
  } catch (error) {
    if (error.code !== 'EEXIST') return `cannot create ${dir}: ${error.message}`;
  }
  const info = lstatSync(dir);
  if (!info.isDirectory()) return `${dir} is not a folder`;
  if (process.getuid && info.uid !== process.getuid()) return `${dir} belongs to another user`;
  if (info.mode & 0o077) return `${dir} can be reached by other users (mode ${(info.mode & 0o777).toString(8)})`;
  return null;
}

/** Unix socket paths are limited to 107 bytes (104 on macOS); a longer one is not used. */
const SOCKET_PATH_BYTES = 100;
export const SOCKET_NAME = /^render-[0-9a-f]{16}\.sock$/;

/** The socket of the server of this code, or null when its path would be too long to bind. */
export function socketPath(dir, id) {
  const path = join(dir, `render-${id}.sock`);
  return Buffer.byteLength(path) <= SOCKET_PATH_BYTES ? path : null;
}

/** Every socket file in the folder, whatever code its server runs. */
export function socketFiles(dir) {
  try {
    return readdirSync(dir).filter((name) => SOCKET_NAME.test(name)).sort().map((name) => join(dir, name));
  } catch {
    return [];
  }
}

/** Removes the socket file seen with this inode, unless another server has meanwhile put its own there. */
export function removeStaleSocket(path, inode) {
  try {
    if (inode !== undefined && lstatSync(path).ino === inode) unlinkSync(path);
  } catch {
    // Already gone.
  }
}

export const inodeOf = (path) => {
  try {
    return lstatSync(path).ino;
  } catch {
    return undefined;
  }
};

/** Size and both times of a file: any write changes its ctime, which no program can set back. */
const stampOf = (path) => {
  const info = statSync(path);
  return `${info.size}:${info.mtimeMs}:${info.ctimeMs}`;
};

function treeStamps(dir) {
  return readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1)).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? treeStamps(path) : [`${entry.name}=${stampOf(path)}`];
  });
}

/**
 * In a checkout: the CLI bundle scripts/cli-bundle.mjs made, when every source it was made from
 * still has the size and times recorded for it (else null: the CLI rebuilds it, in-process).
 */
function checkoutCode(root) {
  const manifest = JSON.parse(readFileSync(join(root, 'build', 'cli', 'current.json'), 'utf8'));
  if (!Array.isArray(manifest.stamps) || manifest.stamps.length !== manifest.inputs.length) return null;
  if (!manifest.inputs.every((input, i) => stampOf(join(root, input)) === manifest.stamps[i])) return null;
  const entry = join(root, 'build', 'cli', manifest.hash, 'main.mjs');
  return existsSync(entry) ? { id: manifest.hash, entry, simulate: join(root, 'src', 'simulate') } : null;
}

/** Installed: the package's version and its compiled CLI's size and times. */
function installedCode(root) {
  const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const entry = join(root, 'lib', 'cli', 'main.js');
  return { id: `${version} ${stampOf(entry)}`, entry, simulate: join(root, 'lib', 'simulate') };
}

/** npm rewrites node_modules/.package-lock.json on every install: a changed dependency changes it. */
function dependencyStamp(root) {
  const lock = [join(root, 'node_modules', '.package-lock.json'), join(dirname(root), '.package-lock.json')].find((path) => existsSync(path));
  return lock ? stampOf(lock) : '';
}

/** Two 32-bit FNV-1a hashes of the key: a socket's file name (the full key is checked on every request). */
function shortHash(text) {
  const fnv = (seed) => {
    let hash = seed;
    for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 16777619) >>> 0;
    return hash.toString(16).padStart(8, '0');
  };
  return fnv(0x811c9dc5) + fnv(0x9e3779b9);
}

/**
 * What names the code a server runs, exactly: where the package is, its CLI (the bundle's hash in a
 * checkout, the version and lib/cli/main.js when installed), the interpreter's files (the sandbox
 * and tracer, read at run time), the dependencies, Node, and the snapshot folder. Null when no
 * server can run this code (a checkout whose bundle is stale or missing); `entry` is the CLI's main.
 */
export function codeIdentity(root, env = process.env) {
  let code;
  try {
    code = existsSync(join(root, 'src', 'cli', 'main.ts')) ? checkoutCode(root) : installedCode(root);
    if (!code) return null;
    const key = JSON.stringify({
      root, code: code.id, interpreter: treeStamps(code.simulate), dependencies: dependencyStamp(root),
      node: process.version, exec: process.execPath, snapshots: env.MEMLANE_SNAPSHOT_DIR ?? '',
    });
    return { key, id: shortHash(key), entry: code.entry };
  } catch {
    return null;
  }
}

/**
 * Whether `older` is the key of an earlier build of the same installation: the same package folder,
 * Node and snapshot folder, other code. Its server is stopped by the new one, so edits to a checkout
 * do not leave one idle server per edit.
 */
export function supersedes(key, older) {
  try {
    const [mine, theirs] = [JSON.parse(key), JSON.parse(older)];
    const place = ({ root, node, exec, snapshots }) => JSON.stringify([root, node, exec, snapshots]);
    return key !== older && place(mine) === place(theirs);
  } catch {
    return false;
  }
}

/** One message a line; bytes travel as base64. */
export const frame = (message) => `${JSON.stringify(message)}\n`;

/** Calls `onMessage` with each whole line's object; a line that is not JSON, or too long, ends the connection. */
export function readFrames(socket, onMessage) {
  let pending = '';
  socket.setEncoding('utf8');
  socket.on('data', (chunk) => {
    pending += chunk;
    if (pending.length > MAX_FRAME_CHARS && pending.indexOf('\n') < 0) {
      socket.destroy();
      return;
    }
    let newline;
    while ((newline = pending.indexOf('\n')) >= 0) {
      const line = pending.slice(0, newline);
      pending = pending.slice(newline + 1);
      let message;
      try {
        message = JSON.parse(line);
      } catch {
        socket.destroy();
        return;
      }
      onMessage(message);
    }
  });
}
