// The render server holds against what a hostile input or folder can do: only regular files, up to 1 MiB, are
// read (a FIFO would hold one of libuv's threads); a request past its own limit is answered and let go; a
// client gives up on a server that only says it is alive; status and stop check the socket folder first and
// print nothing a terminal would obey.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { requestLimitMs } from '../../src/cli/server/policy.ts';
import { serve } from '../../src/cli/server/server.ts';
import { frame, readFrames } from '../../src/cli/server/wire.ts';
import { runCli, tempDir } from '../cli/run-cli.ts';
import {
  eventually,
  expectedSocket,
  fakeServer,
  serverUp,
  socketFolder,
  stopServers,
  withoutServer,
  withServer,
} from '../cli/server-harness.ts';

const folders: string[] = [];
const folder = () => {
  const dir = socketFolder();
  folders.push(dir);
  return dir;
};

before(async () => {
  const built = await runCli(['--version'], { env: withoutServer(folder()) });
  assert.equal(built.code, 0, built.stderr);
});
after(() => stopServers(folders));

describe('what the CLI and the server read', () => {
  test('a FIFO is refused at once, with and without the server, and other clients are served meanwhile', async () => {
    const work = tempDir();
    execFileSync('mkfifo', [join(work, 'pipe.py')]);
    writeFileSync(join(work, 'fine.py'), 'a = [1]\n');
    const dir = folder();
    await runCli(['trace', 'fine.py'], { cwd: work, env: withServer(dir) });
    await serverUp(dir);
    for (const env of [withServer(dir), withoutServer(dir)]) {
      const [fifo, fine] = await Promise.all([
        runCli(['trace', 'pipe.py'], { cwd: work, env }),
        runCli(['trace', 'fine.py'], { cwd: work, env }),
      ]);
      assert.equal(fifo.code, 2, fifo.stderr);
      assert.match(fifo.stderr, /cannot read pipe\.py: it is not a regular file/);
      assert.equal(fine.code, 0, fine.stderr);
    }
  });

  test('a file over 1 MiB is refused before it is read whole', async () => {
    const work = tempDir();
    writeFileSync(join(work, 'big.py'), `x = 1\n${'#'.repeat(2 ** 20)}\n`);
    const result = await runCli(['render', 'big.py'], { cwd: work, env: withoutServer(folder()) });
    assert.equal(result.code, 2);
    assert.match(result.stderr, /cannot read big\.py: it is larger than 1 MiB/);
  });
});

describe('a request that does not end', () => {
  test('the server answers it with an error once past its limit, and the connection is let go', async () => {
    const dir = folder();
    const socket = join(dir, 'render-0000000000000000.sock');
    process.env.MEMLANE_SERVER_SLACK = '1';
    const served = serve({ key: 'k', socket, idleMs: 60_000, run: () => new Promise<number>(() => {}) });
    try {
      await eventually('the server to listen', () => (existsSync(socket) ? true : undefined));
      const limit = requestLimitMs(['trace', 'x.py', '--timeout', '100']);
      assert.equal(limit, 2_100 + 1_000);
      const client = connect(socket);
      const heard: { t: string; code?: number; d?: string }[] = [];
      const closed = new Promise<void>((resolve) => client.on('close', () => resolve()));
      readFrames(client, (message) => heard.push(message as (typeof heard)[number]));
      await new Promise<void>((resolve) => client.once('connect', () => resolve()));
      client.write(frame({ t: 'run', key: 'k', argv: ['trace', 'x.py', '--timeout', '100'], cwd: '/' }));
      await closed;
      const exit = heard.find((message) => message.t === 'exit');
      assert.equal(exit?.code, 1);
      const said = heard
        .filter((message) => message.t === 'err')
        .map((message) => Buffer.from(message.d!, 'base64').toString())
        .join('');
      assert.match(said, /the render server gave up on this request after 3 s/);
    } finally {
      delete process.env.MEMLANE_SERVER_SLACK;
      const stopper = connect(socket);
      stopper.write(frame({ t: 'stop' }));
      await served;
    }
  });

  test('a client gives up on a server that only says it is alive, and runs the command itself', async () => {
    const work = tempDir();
    writeFileSync(join(work, 'fine.py'), 'a = [1]\n');
    const dir = folder();
    const server = await fakeServer(expectedSocket(dir), (socket) => {
      const beat = setInterval(() => socket.write(frame({ t: 'alive' })), 200);
      socket.on('close', () => clearInterval(beat));
      socket.on('error', () => {});
    });
    try {
      const result = await runCli(['trace', 'fine.py', '--timeout', '100'], {
        cwd: work,
        env: withServer(dir, { MEMLANE_SERVER_SLACK: '1' }),
      });
      assert.equal(result.code, 0, result.stderr);
      assert.match(result.stderr, /did not finish within 8 s; running here instead/);
      assert.match(result.stdout.toString(), /^\{"format":"memlane-trace"/);
    } finally {
      server.close();
    }
  });
});

describe("status and stop trust no folder but the user's own", () => {
  test('a folder that is a link, or open to others, is neither read nor signalled', async () => {
    const base = tempDir();
    const real = join(base, 'real');
    mkdirSync(real, { mode: 0o700 });
    const link = join(base, 'link');
    symlinkSync(real, link);
    const open = join(base, 'open');
    mkdirSync(open);
    chmodSync(open, 0o777);
    // A socket in each that answers anything (as another user's could): it must not be asked.
    let asked = 0;
    const planted = await Promise.all(
      [real, open].map((dir) =>
        fakeServer(join(dir, 'render-00000000000000aa.sock'), (socket) => {
          asked++;
          socket.end(frame({ t: 'status', pid: 1, key: 'planted', startedAt: 0, served: 0, running: 0, warm: true }));
        }),
      ),
    );
    try {
      for (const dir of [link, open]) {
        const stop = await runCli(['server', 'stop'], { env: withServer(dir) });
        assert.equal(stop.code, 1);
        assert.match(stop.stderr, /nothing in it was read or stopped/);
        const status = await runCli(['server', 'status'], { env: withServer(dir) });
        assert.equal(status.code, 1);
        assert.doesNotMatch(status.stdout.toString(), /memlane server: running/);
      }
      assert.equal(asked, 0, 'no socket in those folders was asked anything');
    } finally {
      for (const server of planted) server.close();
    }
  });

  test("a server's reply reaches the terminal without its control characters", async () => {
    const dir = folder();
    const escape = '\u001b]0;owned\u0007\u001b[31m';
    const server = await fakeServer(join(dir, 'render-00000000000000ff.sock'), (socket) => {
      readFrames(socket, () =>
        socket.end(
          frame({
            t: 'status',
            pid: 12345,
            key: JSON.stringify({ code: escape }),
            startedAt: Date.now(),
            served: 0,
            running: 0,
            warm: true,
          }),
        ),
      );
      socket.on('error', () => {});
    });
    try {
      const status = await runCli(['server', 'status'], { env: withServer(dir) });
      const text = status.stdout.toString();
      assert.match(text, /running for other code, pid 12345/);
      assert.doesNotMatch(text, /[\u0000-\u0008\u000b-\u001f\u007f]/);
    } finally {
      server.close();
    }
  });
});
