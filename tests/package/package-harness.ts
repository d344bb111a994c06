// The package as a user gets it: `npm pack` of this repo, installed with npm into folders outside
// it (packages from npm's cache, or the registry for what the cache lacks), run with the folder's own binaries.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join, resolve } from 'node:path';

export const repoRoot = resolve(import.meta.dirname, '../..');

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * The environment of a user's shell: without the npm_* variables `npm test` sets (npm_config_local_prefix
 * would point a nested npm at this repo) and the repo's own binaries on PATH, with this Node first on
 * PATH (or `nodeBin`'s), and with Astro's telemetry off.
 */
export function userEnvironment(nodeBin = dirname(process.execPath)): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^npm_/i.test(name)));
  const path = (env.PATH ?? '')
    .split(delimiter)
    .filter((dir) => dir && !resolve(dir).startsWith(join(repoRoot, 'node_modules')));
  return {
    ...env,
    PATH: [nodeBin, ...path].join(delimiter),
    ASTRO_TELEMETRY_DISABLED: '1',
    NO_COLOR: '1',
    FORCE_COLOR: '0',
    CI: '1',
  };
}

/** `nodeBin`, if given, is the folder of another Node to put first on the user's PATH. */
export function run(
  command: string,
  args: string[],
  cwd: string,
  env: NodeJS.ProcessEnv = {},
  nodeBin?: string,
): Promise<Run> {
  return new Promise((done, fail) => {
    const child = spawn(command, args, {
      cwd,
      env: { ...userEnvironment(nodeBin), ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

/** Fails with everything the command printed, so a CI log says why. */
export async function runOk(
  command: string,
  args: string[],
  cwd: string,
  env: NodeJS.ProcessEnv = {},
  nodeBin?: string,
): Promise<Run> {
  const result = await run(command, args, cwd, env, nodeBin);
  if (result.code !== 0) {
    throw new Error(
      `${command} ${args.join(' ')} (in ${cwd}) exited with ${result.code}\n${result.stdout.slice(-4000)}\n` +
        `${result.stderr.slice(-4000)}`,
    );
  }
  return result;
}

export function scratchFolder(): string {
  return mkdtempSync(join(tmpdir(), 'memlane-package-'));
}

/** `npm pack` of the repo (its prepack compiles lib/ with declarations); returns the tarball's path. */
export async function packRepo(into: string): Promise<string> {
  await runOk('npm', ['pack', '--pack-destination', into, '--silent'], repoRoot);
  const tarball = readdirSync(into).find((name) => /^memlane-.*\.tgz$/.test(name));
  if (!tarball) throw new Error(`npm pack wrote no memlane-*.tgz into ${into}`);
  return join(into, tarball);
}

/**
 * Installs the tarball into `folder` with the dependencies its package.json names. npm takes every
 * package it has cached (`npm ci` of this repo cached them all) and asks the registry for the rest
 * and for the package lists it lacks, as it would for a user; its own retries cover a flaky network.
 */
export function installTarball(folder: string, tarball: string): Promise<Run> {
  return runOk('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error', tarball], folder);
}

/** A binary of the folder's own node_modules/.bin (memlane, astro), run as npx would. */
export function binary(folder: string, name: string): string {
  return join(folder, 'node_modules', '.bin', name);
}

/**
 * Node `major` from the npm registry (the node-<platform>-<arch> packages hold the binary, as the
 * `node` package installs it), into `folder`; returns the folder of its `node` binary.
 */
export async function installNode(major: number, folder: string): Promise<string> {
  const platform = process.platform === 'win32' ? 'win' : process.platform;
  const name = `${platform === 'darwin' && process.arch === 'arm64' ? 'node-bin' : 'node'}-${platform}-${process.arch}`;
  mkdirSync(folder, { recursive: true });
  await runOk(
    'npm',
    ['install', '--prefix', folder, '--no-save', '--no-audit', '--no-fund', '--loglevel=error', `${name}@${major}`],
    folder,
  );
  return join(folder, 'node_modules', name, 'bin');
}
