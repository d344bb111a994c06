// The Node a user's shell runs, which a new site's npm scripts will run on: the first `node` on PATH
// outside any node_modules/.bin (npx and npm scripts put a project's own binaries, Node among them, first).
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { delimiter, join, sep } from 'node:path';

/** The version of the shell's Node (e.g. `20.20.2`), or this process's when none is found or it fails. */
export function shellNodeVersion(env: NodeJS.ProcessEnv = process.env): string {
  const name = process.platform === 'win32' ? 'node.exe' : 'node';
  const folder = (env.PATH ?? '')
    .split(delimiter)
    .find((dir) => dir && !`${dir}${sep}`.includes(`${sep}node_modules${sep}`) && existsSync(join(dir, name)));
  if (!folder) return process.versions.node;
  try {
    return execFileSync(join(folder, name), ['--version'], {
      encoding: 'utf8',
      timeout: 10_000,
      stdio: ['ignore', 'pipe', 'ignore'],
    })
      .trim()
      .replace(/^v/, '');
  } catch {
    return process.versions.node;
  }
}
