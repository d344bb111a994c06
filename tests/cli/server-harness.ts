// Render-server tests' helpers: a private socket folder per test, the CLI run with the server on or
// off, waiting (with wide margins, never timing) for a server to come up or go, and stopping them all.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { codeIdentity } from '../../src/cli/server/code-identity.ts';
import { socketPath } from '../../src/cli/server/socket-folder.ts';
import { repoRoot, runCli, type CliResult } from './run-cli.ts';

/** A folder of its own for a test's sockets: short, so the socket path stays under the Unix limit. */
export const socketFolder = () => mkdtempSync(join(tmpdir(), 'mls-'));

export const withServer = (dir: string, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv => ({
  ...process.env,
  MEMLANE_SERVER: '1',
  MEMLANE_SERVER_DIR: dir,
  ...extra,
});
export const withoutServer = (dir: string): NodeJS.ProcessEnv => ({
  ...process.env,
  MEMLANE_SERVER: '0',
  MEMLANE_SERVER_DIR: dir,
});

/** The socket a client of this checkout uses in `dir` (lib/ must be built: run the CLI once first). */
export function expectedSocket(dir: string, env: NodeJS.ProcessEnv = {}): string {
  const identity = codeIdentity(repoRoot, { ...process.env, ...env });
  if (!identity) throw new Error('lib/ is not built: no code identity');
  return socketPath(dir, identity.id)!;
}

export interface Status {
  code: number | null;
  /** The servers of the code the client runs (with `env`). */
  pids: number[];
  served: number[];
  text: string;
}

export async function serverStatus(dir: string, env: NodeJS.ProcessEnv = {}): Promise<Status> {
  const result = await runCli(['server', 'status'], { env: withServer(dir, env) });
  // Servers of this code only ("running for other code" is another key's).
  const mine = [...result.stdout.toString().matchAll(/running, pid (\d+), up [^,]+, (\d+) requests answered/g)];
  const pids = mine.map((m) => Number(m[1]));
  const served = mine.map((m) => Number(m[2]));
  return { code: result.code, pids, served, text: result.stdout.toString() + result.stderr };
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls until `ready` holds; a minute at most, so a slow machine passes and a broken server fails. */
export async function eventually<T>(
  what: string,
  probe: () => Promise<T | undefined> | T | undefined,
  limitMs = 90_000,
): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() - started > limitMs) throw new Error(`gave up waiting for ${what}`);
    await pause(200);
  }
}

/** Waits for this code's server in `dir` to answer status; returns its status. */
export const serverUp = (dir: string, env: NodeJS.ProcessEnv = {}) =>
  eventually('the render server to start', async () => {
    const status = await serverStatus(dir, env);
    return status.code === 0 ? status : undefined;
  });

export const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** `memlane server stop --all` in each folder: the after-hook of every test file that starts servers. */
export async function stopServers(dirs: string[]): Promise<void> {
  for (const dir of dirs) await runCli(['server', 'stop', '--all'], { env: withServer(dir) });
}

/**
 * The environment of a client whose spawns are logged to `log` (tests/cli/spawn-log.cjs): a server start is seen for
 * certain, with no waiting.
 */
export const withSpawnLog = (env: NodeJS.ProcessEnv, log: string): NodeJS.ProcessEnv => ({
  ...env,
  NODE_OPTIONS: `${env['NODE_OPTIONS'] ?? ''} --require ${join(repoRoot, 'tests/cli/spawn-log.cjs')}`.trim(),
  MEMLANE_SPAWN_LOG: log,
});

/** How many `memlane server run` processes the logged clients started. */
export const serverStarts = (log: string): number =>
  readFileSync(log, 'utf8')
    .split('\n')
    .filter((line) => line && (JSON.parse(line) as string[]).slice(-2).join(' ') === 'server run').length;

/** Starts `memlane server run` directly (as a client would, detached), for tests of the start itself. */
export function startServerProcess(dir: string): Promise<number | null> {
  const child = spawn(process.execPath, [join(repoRoot, 'scripts/memlane.mjs'), 'server', 'run'], {
    env: withServer(dir),
    stdio: 'ignore',
  });
  return new Promise((resolve) => child.on('exit', (code) => resolve(code)));
}

/** A stand-in at the socket's path that accepts and then does what `behave` says with each connection. */
export function fakeServer(path: string, behave: (socket: Socket) => void): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = createServer(behave);
    server.once('error', reject);
    server.listen(path, () => resolve(server));
  });
}

export const sameRun = (a: CliResult, b: CliResult) => ({
  code: a.code === b.code,
  stdout: a.stdout.equals(b.stdout),
  stderr: a.stderr === b.stderr,
});
