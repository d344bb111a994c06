// The thin client of the resident render server: sends the command line and folder to the server of
// this code, replays what it prints and returns its status; when there is no server, or it is dead,
// hung or closes mid-request, says so (if it was not merely absent) and lets the caller run the
// command itself. Node built-ins only: a warm answer loads nothing of the CLI.
import { createConnection, type Socket } from 'node:net';
import type { CliIo } from '../cli-io.ts';
import type { CodeIdentity } from './code-identity.ts';
import { envSeconds, requestLimitMs } from './policy.ts';
import { inodeOf, removeStaleSocket, socketDir, socketPath, unsafeDir } from './socket-folder.ts';
import { frame, readFrames, type Message } from './wire.ts';

/** A server that does not accept within this long is taken for hung. */
const CONNECT_MS = 1_000;
/** A running request's server says it is alive every second; this much silence means it is hung. */
const DEFAULT_SILENCE_S = 30;
/** After the request's own limit, how long the server has to send its own verdict before the client gives up. */
const VERDICT_GRACE_MS = 5_000;

/** What the client needs of the caller: its folder, its streams and its standard input (read once, if asked). */
export type ClientIo = Pick<CliIo, 'cwd' | 'stdout' | 'stderr' | 'readStdin'>;

/** The server's answer (its output already written to the caller's streams), or word to run the command here. */
export type ServerAnswer = { code: number } | { fallback: true };

/** Connects to a Unix socket; resolves null when nothing listens there (no file, or a dead one). */
function connect(path: string, timeoutMs: number): Promise<Socket | null> {
  return new Promise((resolve, reject) => {
    const socket = createConnection(path);
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`did not accept a connection in ${timeoutMs / 1000} s`));
    }, timeoutMs);
    socket.once('connect', () => {
      clearTimeout(timer);
      resolve(socket);
    });
    socket.once('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      if (error.code === 'ENOENT' || error.code === 'ECONNREFUSED') resolve(null);
      else reject(error);
    });
  });
}

/** The server's socket for this code, or null (with no notice) when the folder or path cannot be used. */
export function clientSocket(identity: CodeIdentity, env: NodeJS.ProcessEnv = process.env): string | null {
  const dir = socketDir(env);
  return unsafeDir(dir) ? null : socketPath(dir, identity.id);
}

/**
 * Runs `argv` on the server of `identity`. Output is kept, in order, until the exit status arrives and
 * only then written to `io`: a run that falls back prints nothing twice. Standard input, when the
 * server asks for it, is read through `io.readStdin`, which the caller's own run reads again (one read).
 */
export async function runOnServer(
  identity: CodeIdentity,
  argv: string[],
  io: ClientIo,
  env = process.env,
): Promise<ServerAnswer> {
  const path = clientSocket(identity, env);
  if (!path) return { fallback: true };
  const inode = inodeOf(path);
  let socket;
  try {
    socket = await connect(path, CONNECT_MS);
  } catch (error) {
    removeStaleSocket(path, inode);
    io.stderr.write(`memlane: the render server at ${path} ${(error as Error).message}; running here instead\n`);
    return { fallback: true };
  }
  if (!socket) {
    // A socket file nobody listens on is a server that died: it is removed, for the next server.
    removeStaleSocket(path, inode);
    return { fallback: true };
  }
  const silenceMs = envSeconds(env['MEMLANE_SERVER_TIMEOUT'], DEFAULT_SILENCE_S) * 1000;
  const limitMs = requestLimitMs(argv, env) + VERDICT_GRACE_MS;
  const connected = socket;
  return new Promise((resolve) => {
    const output: ['out' | 'err', Buffer][] = [];
    let settled = false;
    let silence: NodeJS.Timeout | undefined;
    // Heartbeats alone say the server lives, not that it will ever answer: past the request's own limit, give up.
    const deadline = setTimeout(
      () => finish(`at ${path} did not finish within ${Math.round(limitMs / 1000)} s`),
      limitMs,
    );
    const finish = (notice?: string, code?: number) => {
      if (settled) return;
      settled = true;
      clearTimeout(silence);
      clearTimeout(deadline);
      connected.destroy();
      if (code !== undefined) {
        for (const [stream, bytes] of output) (stream === 'out' ? io.stdout : io.stderr).write(bytes);
        resolve({ code });
        return;
      }
      if (notice) io.stderr.write(`memlane: the render server ${notice}; running here instead\n`);
      resolve({ fallback: true });
    };
    const heard = () => {
      clearTimeout(silence);
      silence = setTimeout(() => {
        removeStaleSocket(path, inode);
        finish(`at ${path} did not answer for ${silenceMs / 1000} s`);
      }, silenceMs);
    };
    heard();
    readFrames(connected, (message: Message) => {
      heard();
      const { t, d, code } = message;
      if ((t === 'out' || t === 'err') && typeof d === 'string') output.push([t, Buffer.from(d, 'base64')]);
      else if (t === 'stdin?') void sendStdin();
      else if (t === 'decline') finish();
      else if (t === 'exit' && Number.isInteger(code)) finish(undefined, code as number);
    });
    connected.on('error', () => {});
    connected.on('close', () => finish('closed the connection before it finished'));
    async function sendStdin(): Promise<void> {
      const stdin = await io.readStdin();
      if (!settled) connected.write(frame({ t: 'stdin', d: stdin.toString('base64') }));
    }
    connected.write(frame({ t: 'run', key: identity.key, argv, cwd: io.cwd }));
  });
}

/** One question to a server (status, stop) and its one reply; null when none answers in time. */
export async function ask(path: string, message: object, timeoutMs = 5_000): Promise<Message | null> {
  const socket = await connect(path, Math.min(timeoutMs, CONNECT_MS * 2)).catch(() => null);
  if (!socket) return null;
  return new Promise((resolve) => {
    const timer = setTimeout(() => socket.destroy(), timeoutMs);
    let reply: Message | null = null;
    readFrames(socket, (answer) => {
      reply = answer;
      socket.end();
    });
    socket.on('error', () => {});
    socket.on('close', () => {
      clearTimeout(timer);
      resolve(reply);
    });
    socket.write(frame(message));
  });
}

/**
 * Starts a server for next time, detached: its own session, no terminal, no pipe of the caller's
 * (so a CI step does not wait for it), not keeping this process alive. It exits by itself when
 * idle, and quietly if another has just started.
 */
export async function startServer(binPath: string): Promise<void> {
  const { spawn } = await import('node:child_process');
  // A larger young generation: each drawing makes many short-lived DOM objects, and fewer scavenges answer sooner.
  const args = ['--max-semi-space-size=32', binPath, 'server', 'run'];
  const child = spawn(process.execPath, args, { cwd: '/', detached: true, stdio: 'ignore', env: process.env });
  child.on('error', () => {});
  child.unref();
}
