// The resident render server: keeps one interpreter and the drawing code warm and runs each client's
// `memlane render`/`trace` through the very same main(), in the client's folder, with its output sent
// back. One server per code identity (the socket's name); it leaves when idle, on `memlane server
// stop`, or when its socket file is removed or taken by another server.
import { linkSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createServer, type Server, type Socket } from 'node:net';
import type { CliIo } from '../cli-io.ts';
import { ask } from './client.ts';
import { requestLimitMs, servable } from './policy.ts';
import { inodeOf, removeStaleSocket, socketFiles } from './socket-folder.ts';
import { frame, readFrames, type Message } from './wire.ts';

export type RunCommand = (argv: string[], io: CliIo) => Promise<number>;

export interface ServerSetup {
  /** The full code identity; a request naming another is declined. */
  key: string;
  socket: string;
  /** Leaves after this long without a request. */
  idleMs: number;
  run: RunCommand;
  /** Runs once listening, to load and compile the drawing code before the first request. */
  warmUp?: () => Promise<void>;
  /** Whether a server found beside this one, with that key, serves an older build of the same code (it is stopped). */
  supersedes?: (otherKey: string) => boolean;
}

export interface ServerStatus {
  t: 'status';
  pid: number;
  key: string;
  startedAt: number;
  served: number;
  running: number;
  /** False until the warm-up has loaded the drawing code. */
  warm: boolean;
}

const HEARTBEAT_MS = 1_000;
const SOCKET_CHECK_MS = 2_000;

interface RunRequest {
  t: 'run';
  key: string;
  argv: string[];
  cwd: string;
}

const isRunRequest = (message: Message): message is Message & RunRequest =>
  message['t'] === 'run' &&
  typeof message['key'] === 'string' &&
  typeof message['cwd'] === 'string' &&
  Array.isArray(message['argv']) &&
  message['argv'].every((arg) => typeof arg === 'string');

/**
 * Listens on a socket of its own, then links it to the socket's path, which succeeds for one
 * server only; a file found there that nobody answers on is removed first. Resolves false when
 * another server already serves this code. (Node removes the path a server listened on when it
 * closes: only the private one, so stopping never removes a newer server's socket.)
 */
async function listen(server: Server, path: string): Promise<boolean> {
  const own = join(dirname(path), `t${process.pid}.sock`);
  removeStaleSocket(own, inodeOf(own));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(own, () => {
      server.off('error', reject);
      resolve();
    });
  });
  try {
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        linkSync(own, path);
        return true;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      const inode = inodeOf(path);
      if (await ask(path, { t: 'status' }, 3_000)) return false;
      removeStaleSocket(path, inode);
    }
    return false;
  } finally {
    removeStaleSocket(own, inodeOf(own));
  }
}

/** Serves until stopped; resolves when the server has closed (false: another was already serving). */
export async function serve(setup: ServerSetup): Promise<boolean> {
  const startedAt = Date.now();
  let served = 0;
  let running = 0;
  let stopping = false;
  let warm = false;
  let idle: NodeJS.Timeout | undefined;
  let closed!: () => void;
  const done = new Promise<void>((resolve) => (closed = resolve));

  /** Connections with no request running, declined at once when the server stops. */
  const waiting = new Set<Socket>();
  const server = createServer((socket) => {
    waiting.add(socket);
    let stdinArrived: ((bytes: Buffer) => void) | undefined;
    let stdinLost: ((error: Error) => void) | undefined;
    let answering = false;
    readFrames(socket, (message: Message) => {
      if (message['t'] === 'stdin' && typeof message['d'] === 'string')
        stdinArrived?.(Buffer.from(message['d'], 'base64'));
      else if (message['t'] === 'status')
        socket.end(
          frame({
            t: 'status',
            pid: process.pid,
            key: setup.key,
            startedAt,
            served,
            running,
            warm,
          } satisfies ServerStatus),
        );
      else if (message['t'] === 'stop') {
        socket.end(frame({ t: 'stopping', pid: process.pid }));
        void stop();
      } else if (answering) socket.destroy();
      else if (isRunRequest(message) && !stopping && message.key === setup.key && servable(message.argv)) {
        answering = true;
        waiting.delete(socket);
        const stdin = new Promise<Buffer>((resolve, reject) => {
          stdinArrived = resolve;
          stdinLost = reject;
        });
        stdin.catch(() => {});
        void answer(socket, message, stdin);
      } else if (message['t'] === 'run') socket.end(frame({ t: 'decline' }));
    });
    socket.on('error', () => {});
    socket.on('close', () => {
      waiting.delete(socket);
      // A client that left while its run waits for standard input: the run ends instead of waiting for ever.
      stdinLost?.(new Error('memlane: the client left before sending standard input'));
    });
  });
  if (!(await listen(server, setup.socket))) {
    server.close();
    return false;
  }
  const inode = inodeOf(setup.socket);

  function waitIdle(): void {
    clearTimeout(idle);
    if (running === 0 && !stopping) idle = setTimeout(() => void stop(), setup.idleMs);
  }

  async function answer(socket: Socket, request: RunRequest, stdin: Promise<Buffer>): Promise<void> {
    running++;
    clearTimeout(idle);
    let answered = false;
    const send = (message: object) => {
      if (!answered && !socket.destroyed) socket.write(frame(message));
    };
    const heartbeat = setInterval(() => send({ t: 'alive' }), HEARTBEAT_MS);
    const stream = (t: 'out' | 'err') => ({
      write: (chunk: string | Uint8Array) => send({ t, d: Buffer.from(chunk).toString('base64') }),
    });
    const io: CliIo = {
      cwd: request.cwd,
      stdout: stream('out'),
      stderr: stream('err'),
      readStdin: () => {
        send({ t: 'stdin?' });
        return stdin;
      },
      resident: true,
    };
    // A request past its own limit (its programs' time limits and a minute to draw) is answered with an error,
    // and its connection and place in the count freed; what it still runs ends by the trace's own time limit.
    const limitMs = requestLimitMs(request.argv);
    let overdue: NodeJS.Timeout | undefined;
    const verdict = new Promise<number>((resolve) => {
      overdue = setTimeout(() => {
        io.stderr.write(`memlane: the render server gave up on this request after ${Math.round(limitMs / 1000)} s\n`);
        resolve(1);
      }, limitMs);
    });
    try {
      const code = await Promise.race([setup.run(request.argv, io), verdict]);
      send({ t: 'exit', code });
      answered = true;
      served++;
    } catch {
      // An error main() did not word: the client runs the command itself, which reports it as a run without a server
      // would.
      send({ t: 'decline' });
    } finally {
      clearTimeout(overdue);
      clearInterval(heartbeat);
      socket.end();
      running--;
      waitIdle();
    }
  }

  async function stop(): Promise<void> {
    if (stopping) return;
    stopping = true;
    clearTimeout(idle);
    clearInterval(socketCheck);
    removeStaleSocket(setup.socket, inode);
    server.close(() => closed());
    // A client that connected as the server stopped runs its command itself, without a notice.
    for (const socket of waiting) {
      socket.end(frame({ t: 'decline' }));
      setTimeout(() => socket.destroy(), 1_000).unref();
    }
  }

  // A server whose socket file was removed or replaced can no longer be reached: it leaves.
  const socketCheck = setInterval(() => {
    if (inodeOf(setup.socket) !== inode) void stop();
  }, SOCKET_CHECK_MS);
  socketCheck.unref();

  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void stop());
  waitIdle();
  await stopSuperseded(setup);
  await setup.warmUp?.().catch(() => {});
  warm = true;
  await done;
  return true;
}

/** Stops the servers of older builds of this code found in the socket folder. */
async function stopSuperseded(setup: ServerSetup): Promise<void> {
  if (!setup.supersedes) return;
  for (const path of socketFiles(dirname(setup.socket))) {
    if (path === setup.socket) continue;
    const reply = (await ask(path, { t: 'status' }, 3_000)) as ServerStatus | null;
    if (reply && typeof reply.key === 'string' && setup.supersedes(reply.key)) await ask(path, { t: 'stop' }, 3_000);
  }
}
