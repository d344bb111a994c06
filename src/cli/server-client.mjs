// The thin client of the resident render server: sends the command line and folder to the server of
// this code, replays what it prints and exits with its status; when there is no server, or it is
// dead, hung or crashes mid-request, says so (if it was not merely absent) and lets the caller run
// the command itself. Plain JavaScript on Node built-ins: it runs before any of the CLI is loaded.
import { createConnection } from 'node:net';
import { envSeconds, frame, inodeOf, readFrames, removeStaleSocket, requestLimitMs, socketDir, socketPath, unsafeDir } from './server-socket.mjs';

/** A server that does not accept within this long is taken for hung. */
const CONNECT_MS = 1_000;
/** A running request's server says it is alive every second; this much silence means it is hung. */
const DEFAULT_SILENCE_S = 30;
/** After the request's own limit, how long the server has to send its own verdict before the client gives up. */
const VERDICT_GRACE_MS = 5_000;

/** Connects to a Unix socket; resolves null when nothing listens there (no file, or a dead one). */
function connect(path, timeoutMs) {
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
    socket.once('error', (error) => {
      clearTimeout(timer);
      if (error.code === 'ENOENT' || error.code === 'ECONNREFUSED') resolve(null);
      else reject(error);
    });
  });
}

/** The server's socket for this code, or null (with no notice) when the folder or path cannot be used. */
export function clientSocket(identity, env = process.env) {
  const dir = socketDir(env);
  return unsafeDir(dir) ? null : socketPath(dir, identity.id);
}

/**
 * Runs `argv` on the server. Resolves `{ code }` once it answered (its output already written
 * here), or `{ fallback: true, stdin }` when the caller must run it itself: `stdin` is what was
 * read of standard input for the server, to be handed to that run.
 */
export async function runOnServer(identity, argv, env = process.env) {
  const path = clientSocket(identity, env);
  if (!path) return { fallback: true };
  const inode = inodeOf(path);
  let socket;
  try {
    socket = await connect(path, CONNECT_MS);
  } catch (error) {
    removeStaleSocket(path, inode);
    process.stderr.write(`memlane: the render server at ${path} ${error.message}; running here instead\n`);
    return { fallback: true };
  }
  if (!socket) {
    // A socket file nobody listens on is a server that died: it is removed, for the next server.
    removeStaleSocket(path, inode);
    return { fallback: true };
  }
  const silenceMs = envSeconds(env.MEMLANE_SERVER_TIMEOUT, DEFAULT_SILENCE_S) * 1000;
  const limitMs = requestLimitMs(argv, env) + VERDICT_GRACE_MS;
  return new Promise((resolve) => {
    /** Output is kept, in order, until the exit status arrives: a run that fails over prints nothing twice. */
    const output = [];
    let stdin;
    let settled = false;
    let silence;
    // Heartbeats alone say the server lives, not that it will ever answer: past the request's own limit, give up.
    const deadline = setTimeout(() => finish({ fallback: true, stdin }, `at ${path} did not finish within ${Math.round(limitMs / 1000)} s`), limitMs);
    const finish = (result, notice) => {
      if (settled) return;
      settled = true;
      clearTimeout(silence);
      clearTimeout(deadline);
      socket.destroy();
      if (notice) process.stderr.write(`memlane: the render server ${notice}; running here instead\n`);
      resolve(result);
    };
    const heard = () => {
      clearTimeout(silence);
      silence = setTimeout(() => {
        removeStaleSocket(path, inode);
        finish({ fallback: true, stdin }, `at ${path} did not answer for ${silenceMs / 1000} s`);
      }, silenceMs);
    };
    heard();
    readFrames(socket, (message) => {
      heard();
      if (message.t === 'out' || message.t === 'err') output.push([message.t, Buffer.from(message.d, 'base64')]);
      else if (message.t === 'stdin?') sendStdin();
      else if (message.t === 'decline') finish({ fallback: true, stdin });
      else if (message.t === 'exit' && Number.isInteger(message.code)) {
        for (const [stream, bytes] of output) (stream === 'out' ? process.stdout : process.stderr).write(bytes);
        finish({ code: message.code });
      }
    });
    socket.on('error', () => {});
    socket.on('close', () => finish({ fallback: true, stdin }, 'closed the connection before it finished'));
    async function sendStdin() {
      stdin = await readStdinUpTo(MAX_STDIN_BYTES);
      if (!settled) socket.write(frame({ t: 'stdin', d: stdin.toString('base64') }));
    }
    socket.write(frame({ t: 'run', key: identity.key, argv, cwd: process.cwd() }));
  });
}

/** A little more than a snippet may be (MAX_SOURCE_BYTES): the reader says it is too big. */
export const MAX_STDIN_BYTES = 2 ** 20 + 1;

/** Standard input, up to `limit` bytes: a snippet is short, and what comes after is not read. */
export async function readStdinUpTo(limit) {
  const chunks = [];
  let length = 0;
  for await (const chunk of process.stdin) {
    chunks.push(chunk);
    length += chunk.length;
    if (length >= limit) break;
  }
  return Buffer.concat(chunks).subarray(0, limit);
}

/** One question to a server (status, stop) and its one reply; null when none answers in time. */
export async function ask(path, message, timeoutMs = 5_000) {
  const socket = await connect(path, Math.min(timeoutMs, CONNECT_MS * 2)).catch(() => null);
  if (!socket) return null;
  return new Promise((resolve) => {
    const timer = setTimeout(() => socket.destroy(), timeoutMs);
    let reply = null;
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
export async function startServer(binPath) {
  const { spawn } = await import('node:child_process');
  // A larger young generation: each drawing makes many short-lived DOM objects, and fewer scavenges answer sooner.
  const child = spawn(process.execPath, ['--max-semi-space-size=32', binPath, 'server', 'run'], { cwd: '/', detached: true, stdio: 'ignore', env: process.env });
  child.on('error', () => {});
  child.unref();
}
