// The package as a speaker installs it for the command alone: the tarball in an empty folder, its
// packages and bytes counted (Astro, an optional peer, should not be among them).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface AloneInstall {
  folder: string;
  packages: number;
  /** Bytes of the installed files (not of the disk blocks they take). */
  bytes: number;
  astro: boolean;
}

function folderBytes(dir: string): number {
  return readdirSync(dir).reduce((sum, name) => {
    const info = statSync(join(dir, name), { throwIfNoEntry: false });
    if (!info || info.isSymbolicLink()) return sum;
    return sum + (info.isDirectory() ? folderBytes(join(dir, name)) : info.size);
  }, 0);
}

/** Installs the tarball into a new folder with npm (from its cache where it can) and measures it. */
export function installAlone(tarball: string, npmArgs: string[] = []): AloneInstall {
  const folder = mkdtempSync(join(tmpdir(), 'memlane-alone-'));
  writeFileSync(join(folder, 'package.json'), '{ "name": "cli-only", "private": true }\n');
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', ...npmArgs, tarball], {
    cwd: folder,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const lock = JSON.parse(readFileSync(join(folder, 'node_modules', '.package-lock.json'), 'utf8')) as {
    packages: Record<string, unknown>;
  };
  const installed = Object.keys(lock.packages).filter((path) => path.startsWith('node_modules/'));
  return {
    folder,
    packages: installed.length,
    bytes: folderBytes(join(folder, 'node_modules')),
    astro: installed.includes('node_modules/astro'),
  };
}
