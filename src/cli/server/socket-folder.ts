// The render server's socket folder: private to the user (mode 0700, checked before any use), one
// socket per code identity named render-<id>.sock, and stale sockets removed by inode.
import { lstatSync, mkdirSync, readdirSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The folder of this user's sockets: $MEMLANE_SERVER_DIR, else memlane-<uid> in the temporary folder. */
export function socketDir(env: NodeJS.ProcessEnv = process.env): string {
  return env['MEMLANE_SERVER_DIR'] || join(tmpdir(), `memlane-${process.getuid?.() ?? 'user'}`);
}

/**
 * Creates the folder (mode 0700) if it is missing; returns why it must not be used (not a folder,
 * another user's, open to others), or null when only this user can reach its sockets.
 */
export function unsafeDir(dir: string): string | null {
  try {
    mkdirSync(dir, { mode: 0o700 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') return `cannot create ${dir}: ${(error as Error).message}`;
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
export function socketPath(dir: string, id: string): string | null {
  const path = join(dir, `render-${id}.sock`);
  return Buffer.byteLength(path) <= SOCKET_PATH_BYTES ? path : null;
}

/** Every socket file in the folder, whatever code its server runs. */
export function socketFiles(dir: string): string[] {
  try {
    return readdirSync(dir)
      .filter((name) => SOCKET_NAME.test(name))
      .sort()
      .map((name) => join(dir, name));
  } catch {
    return [];
  }
}

/** Whether the path is a socket of this user's (not a link, a file or another user's). */
export function ownSocket(path: string): boolean {
  try {
    const info = lstatSync(path);
    return info.isSocket() && (!process.getuid || info.uid === process.getuid());
  } catch {
    return false;
  }
}

export function inodeOf(path: string): number | undefined {
  try {
    return lstatSync(path).ino;
  } catch {
    return undefined;
  }
}

/** Removes the socket file seen with this inode, unless another server has meanwhile put its own there. */
export function removeStaleSocket(path: string, inode: number | undefined): void {
  try {
    if (inode !== undefined && lstatSync(path).ino === inode) unlinkSync(path);
  } catch {
    // Already gone.
  }
}
