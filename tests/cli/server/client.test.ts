// The render server's client, in this process against stand-in servers: an answer is replayed in order
// with its status; a decline, a closed connection (after some output) and silence each hand the run
// back, the last two with one notice and none of the server's output; standard input is read once.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { runOnServer, type ClientIo } from '../../../src/cli/server/client.ts';
import { frame, readFrames, type Message } from '../../../src/cli/server/wire.ts';

const identity = { key: 'the key', id: '0123456789abcdef' };
const servers: Server[] = [];
after(() => servers.forEach((server) => server.close()));

/** A private socket folder with a stand-in server of `identity` that does what `behave` says with each request. */
async function standIn(behave: (socket: Socket, request: Message) => void): Promise<NodeJS.ProcessEnv> {
  const dir = mkdtempSync(join(tmpdir(), 'mlc-'));
  const server = createServer((socket) => {
    socket.on('error', () => {});
    let first = true;
    readFrames(socket, (message) => {
      if (first) behave(socket, message);
      first = false;
      if (message['t'] === 'stdin') socket.emit('stdin', message['d']);
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(join(dir, `render-${identity.id}.sock`), resolve));
  return { MEMLANE_SERVER_DIR: dir };
}

function memoryIo(stdin = ''): ClientIo & { out: string[]; err: string[]; stdinReads: number } {
  const io = {
    cwd: '/the/caller',
    out: [] as string[],
    err: [] as string[],
    stdinReads: 0,
    stdout: { write: (chunk: string | Uint8Array) => io.out.push(Buffer.from(chunk).toString()) },
    stderr: { write: (chunk: string | Uint8Array) => io.err.push(Buffer.from(chunk).toString()) },
    readStdin: async () => {
      io.stdinReads++;
      return Buffer.from(stdin);
    },
  };
  return io;
}

const said = (t: 'out' | 'err', text: string) => frame({ t, d: Buffer.from(text).toString('base64') });

describe('the render server client', () => {
  it('sends the command line, folder and key, then replays the output in order with the exit status', async () => {
    let request: Message | undefined;
    const env = await standIn((socket, message) => {
      request = message;
      socket.end(said('out', 'one ') + said('err', 'note\n') + said('out', 'two\n') + frame({ t: 'exit', code: 3 }));
    });
    const io = memoryIo();
    assert.deepEqual(await runOnServer(identity, ['trace', 'a.py'], io, env), { code: 3 });
    assert.deepEqual(request, { t: 'run', key: 'the key', argv: ['trace', 'a.py'], cwd: '/the/caller' });
    assert.deepEqual([io.out, io.err], [['one ', 'two\n'], ['note\n']]);
  });

  it('hands the run back without a word when the server declines', async () => {
    const env = await standIn((socket) => socket.end(frame({ t: 'decline' })));
    const io = memoryIo();
    assert.deepEqual(await runOnServer(identity, ['trace', 'a.py'], io, env), { fallback: true });
    assert.deepEqual([io.out, io.err], [[], []]);
  });

  it('when the server dies mid-request, prints none of its output, says so once and hands the run back', async () => {
    const env = await standIn((socket) => {
      socket.write(said('out', 'half a diagram'));
      socket.destroy();
    });
    const io = memoryIo();
    assert.deepEqual(await runOnServer(identity, ['render', 'a.py'], io, env), { fallback: true });
    assert.deepEqual(io.out, []);
    assert.deepEqual(io.err, [
      'memlane: the render server closed the connection before it finished; running here instead\n',
    ]);
  });

  it('gives up on a server that accepts and says nothing for MEMLANE_SERVER_TIMEOUT seconds', async () => {
    const env = await standIn(() => {});
    const io = memoryIo();
    const answer = await runOnServer(identity, ['trace', 'a.py'], io, { ...env, MEMLANE_SERVER_TIMEOUT: '0.2' });
    assert.deepEqual(answer, { fallback: true });
    const socket = join(env['MEMLANE_SERVER_DIR']!, `render-${identity.id}.sock`);
    assert.deepEqual(io.err, [
      `memlane: the render server at ${socket} did not answer for 0.2 s; running here instead\n`,
    ]);
    assert.equal(existsSync(socket), false, "the hung server's socket is removed, for the next server");
  });

  it('reads standard input once, when the server asks, and sends it', async () => {
    const env = await standIn((socket) => {
      socket.once('stdin', (d: string) =>
        socket.end(said('out', Buffer.from(d, 'base64').toString()) + frame({ t: 'exit', code: 0 })),
      );
      socket.write(frame({ t: 'stdin?' }));
    });
    const io = memoryIo('a = [1]\n');
    assert.deepEqual(await runOnServer(identity, ['trace', '-'], io, env), { code: 0 });
    assert.deepEqual(io.out, ['a = [1]\n']);
    assert.equal(io.stdinReads, 1);
  });

  it('runs here, silently, when no server listens: a socket file left by a dead one is removed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mlc-'));
    const io = memoryIo();
    assert.deepEqual(await runOnServer(identity, ['trace', 'a.py'], io, { MEMLANE_SERVER_DIR: dir }), {
      fallback: true,
    });
    const socket = join(dir, `render-${identity.id}.sock`);
    writeFileSync(socket, '');
    assert.deepEqual(await runOnServer(identity, ['trace', 'a.py'], io, { MEMLANE_SERVER_DIR: dir }), {
      fallback: true,
    });
    assert.deepEqual(io.err, []);
    assert.equal(existsSync(socket), false);
  });
});
