// `memlane server status|stop`: the resident render server that answers `memlane render` and `trace`
// warm. Clients start it by themselves (`memlane server run`, detached, which the launcher runs:
// resident.ts); `status` says what runs, `stop` ends this code's server (other checkouts' and
// installs' are theirs to stop, or `stop --all`'s).
import { fileURLToPath } from 'node:url';
import { printError, printLine, type CliIo } from '../cli-io.ts';
import { UsageError, type Command } from '../command.ts';
import { ask } from './client.ts';
import { codeIdentity, codeOf, supersedes } from './code-identity.ts';
import { DEFAULT_IDLE_S, serverWanted } from './policy.ts';
import type { ServerStatus } from './server.ts';
import {
  inodeOf,
  ownSocket,
  removeStaleSocket,
  socketDir,
  socketFiles,
  socketPath,
  unsafeDir,
} from './socket-folder.ts';
import { printable } from './wire.ts';

/** The package folder: this module is src/cli/server/ in a checkout, lib/cli/server/ compiled. */
const packageRoot = fileURLToPath(new URL('../../../', import.meta.url));

const usage = `Usage: memlane server status|stop [--all]

memlane render and memlane trace start a render server the first time they run; it keeps the
interpreter and the drawing code warm, so the next runs answer several times sooner. It
listens on a socket in a folder only you can reach, answers only for the exact code it was started
from (a change to memlane or its dependencies starts another, which stops it), and leaves after
15 minutes idle.

Commands:
  status      Say whether a server runs for this code, with its pid, key and uptime (exit status 1
              if none), and list your servers of other code (other checkouts and installs).
  stop        Stop the server of this code, and of its earlier builds (each finishes what it is
              running first); servers of other checkouts and installs keep running.
  stop --all  Stop every render server of yours, whatever code it runs.
  run         Serve in the foreground (what the detached server runs).

Environment:
  MEMLANE_SERVER=0          never use nor start a server: every run starts its own interpreter
  MEMLANE_SERVER_IDLE=S     seconds without a request before the server leaves (default ${DEFAULT_IDLE_S})
  MEMLANE_SERVER_DIR=DIR    the folder of the sockets (default memlane-<uid> in the temporary folder)
  MEMLANE_SERVER_TIMEOUT=S  seconds of silence after which a client takes the server for hung (default 30)
  MEMLANE_SERVER_SLACK=S    seconds a request may take beyond its programs' time limits (default 60)`;

function uptime(ms: number): string {
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  return minutes < 60 ? `${minutes} min ${seconds % 60} s` : `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

/**
 * The sockets of this user's servers: none when the folder is not this user's alone (it is checked before
 * anything in it is read or answered), and only files that are this user's sockets.
 */
function ownSockets(dir: string): string[] {
  return unsafeDir(dir) ? [] : socketFiles(dir).filter(ownSocket);
}

/** A server's reply to status, its fields of the right types; null otherwise. */
function statusOf(reply: unknown): ServerStatus | null {
  const status = reply as ServerStatus | null;
  const numbers = status && [status.pid, status.startedAt, status.served, status.running].every(Number.isSafeInteger);
  return numbers && typeof status.key === 'string' && typeof status.warm === 'boolean' ? status : null;
}

/** Whether a server with this key serves this code: the very build, or an earlier build of the same installation. */
function servesThisCode(key: string, identity: { key: string } | null): boolean {
  return identity !== null && (key === identity.key || supersedes(identity.key, key));
}

async function status(io: CliIo): Promise<number> {
  const identity = codeIdentity(packageRoot);
  const dir = socketDir();
  let current = false;
  let others = 0;
  for (const path of ownSockets(dir)) {
    const reply = statusOf(await ask(path, { t: 'status' }));
    if (!reply) continue;
    const mine = reply.key === identity?.key;
    const ours = servesThisCode(reply.key, identity);
    current ||= mine;
    if (!ours) others++;
    printLine(
      io,
      `memlane server: running${mine ? '' : ours ? ' for an earlier build of this code' : ' for other code'}` +
        `, pid ${reply.pid}, up ${uptime(Date.now() - reply.startedAt)}, ${reply.served} requests answered` +
        `${reply.running ? `, ${reply.running} running` : ''}${reply.warm ? '' : ', warming up'}\n  key ` +
        `${path.slice(path.lastIndexOf('render-') + 7, -5)} (code ${printable(codeOf(reply.key))})\n  ` +
        `socket ${printable(path)}`,
    );
  }
  const refused = unsafeDir(dir);
  const why = !serverWanted() ? ' (MEMLANE_SERVER=0: none will start)' : refused ? ` (none can start: ${refused})` : '';
  if (!current)
    printLine(io, `memlane server: none running for this code${printable(why)}; sockets in ${printable(dir)}`);
  if (!current && refused && serverWanted())
    printLine(
      io,
      `hint: the folder must be yours alone (chmod 700 ${printable(dir)}), or set MEMLANE_SERVER_DIR to one that is`,
    );
  if (others)
    printLine(
      io,
      `hint: ${others === 1 ? 'the server' : `the ${others} servers`} of other code (other checkouts or ` +
        `installs) ${others === 1 ? 'is' : 'are'} stopped by memlane server stop --all, not by memlane server stop`,
    );
  return current ? 0 : 1;
}

const exited = (pid: number) => {
  try {
    process.kill(pid, 0);
    return false;
  } catch {
    return true;
  }
};

/** Stops this code's servers, or with `all` every server of this user's, each waited for until it has exited. */
async function stop(io: CliIo, all: boolean): Promise<number> {
  let stopped = 0;
  let others = 0;
  const dir = socketDir();
  const refused = unsafeDir(dir);
  if (refused) {
    printError(io, `memlane server: ${printable(refused)}; nothing in it was read or stopped`);
    return 1;
  }
  const identity = codeIdentity(packageRoot);
  for (const path of ownSockets(dir)) {
    const inode = inodeOf(path);
    if (!all) {
      // Only a server that says it runs this code is stopped; a dead socket is removed only if it is this code's.
      const reply = statusOf(await ask(path, { t: 'status' }));
      if (!reply) {
        if (identity && path === socketPath(dir, identity.id)) removeStaleSocket(path, inode);
        continue;
      }
      if (!servesThisCode(reply.key, identity)) {
        others++;
        continue;
      }
    }
    const reply = (await ask(path, { t: 'stop' })) as { pid?: number } | null;
    if (!reply || !Number.isSafeInteger(reply.pid) || reply.pid! <= 1) {
      removeStaleSocket(path, inode);
      continue;
    }
    // It finishes what it runs, then exits: waited for, up to a minute.
    for (let waited = 0; waited < 60_000 && !exited(reply.pid!); waited += 50)
      await new Promise((resolve) => setTimeout(resolve, 50));
    printLine(io, `memlane server: stopped pid ${reply.pid}`);
    stopped++;
  }
  if (!stopped) printLine(io, `memlane server: none was running${all ? '' : ' for this code'}`);
  if (others)
    printLine(
      io,
      `memlane server: ${others === 1 ? 'a server' : `${others} servers`} of other code (other checkouts or ` +
        `installs) left running; memlane server stop --all stops ${others === 1 ? 'it' : 'them'} too`,
    );
  return 0;
}

export const command: Command = {
  summary: 'show or stop the render server that answers render and trace warm',
  usage,
  async run(args, io) {
    const [action, ...rest] = args;
    const all = action === 'stop' && rest.length === 1 && rest[0] === '--all';
    if (rest.length && !all)
      throw new UsageError(
        `unexpected ${rest.join(' ')}`,
        'memlane server status, memlane server stop, or memlane server stop --all',
      );
    if (action === 'status') return status(io);
    if (action === 'stop') return stop(io, all);
    // The server's own process is the launcher's to start (launcher.ts): it is never a command of a running CLI.
    if (action === 'run') {
      const why = '"server run" serves only from the memlane command\'s own process';
      throw new UsageError(why, 'memlane render starts a server by itself');
    }
    throw new UsageError(
      action ? `unknown action "${action}"` : 'name an action',
      'memlane server status, memlane server stop, or memlane server stop --all',
    );
  },
};
