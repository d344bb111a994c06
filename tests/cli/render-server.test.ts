// The resident render server: a warm answer is byte for byte the run without it (output, messages,
// files, exit status, relative paths, stdin); a server of other code is never used; a dead or crashing
// server costs the client nothing (a hung one: server/client.test.ts); two clients at once, two servers
// at once; status, stop, idle exit; MEMLANE_SERVER=0 makes no socket. Each server has a socket folder of its own.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Socket } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { codeIdentity } from '../../src/cli/server/code-identity.ts';
import { fixture, repoRoot, runCli, tempDir, type CliResult } from './run-cli.ts';
import {
  alive,
  eventually,
  expectedSocket,
  fakeServer,
  sameRun,
  serverStarts,
  serverStatus,
  serverUp,
  socketFolder,
  startServerProcess,
  stopServers,
  withoutServer,
  withServer,
  withSpawnLog,
} from './server-harness.ts';

const folders: string[] = [];
const folder = () => {
  const dir = socketFolder();
  folders.push(dir);
  return dir;
};

/** Command lines whose every observable effect is compared, each run in a fresh working folder. */
const cases: { name: string; args: string[]; input?: string; files?: string[] }[] = [
  { name: 'SVG to a relative path', args: ['render', 'snippet.py', '-o', 'out/d.svg'], files: ['out/d.svg'] },
  { name: 'SVG to stdout, with code', args: ['render', 'snippet.py', '--with-code', '--theme', 'dark'] },
  { name: 'PNG', args: ['render', 'snippet.py', '-o', 'd.png', '--width', '900'], files: ['d.png'] },
  {
    name: 'all steps',
    args: ['render', 'snippet.py', '--all-steps', '--out-dir', 'steps'],
    files: ['steps/step-1.svg', 'steps/step-3.svg'],
  },
  {
    name: 'stdin',
    args: ['render', '-', '-o', 'in.svg', '--hide', 'nobody'],
    input: 'a = [1]\nb = a\n',
    files: ['in.svg'],
  },
  { name: 'trace of two files', args: ['trace', 'snippet.py', 'broken.py'] },
  { name: 'a syntax error (caret, hint, status 1)', args: ['render', 'broken.py', '-o', 'x.svg'] },
  { name: 'a missing file (status 2, the folder named)', args: ['render', 'missing.py'] },
  { name: 'a bad flag (status 2)', args: ['render', 'snippet.py', '--stepp', '2'] },
  { name: 'render --help', args: ['render', '--help'] },
  {
    name: 'a comparison of two files, PNG with code',
    args: ['render', 'shallow.py', 'deep.py', '-o', 'pair.png', '--with-code'],
    files: ['pair.png'],
  },
  { name: 'a comparison with a failing side', args: ['render', 'shallow.py', 'broken.py', '-o', 'x.svg'] },
];

function workFolder(): string {
  const dir = tempDir();
  writeFileSync(join(dir, 'snippet.py'), readFileSync(fixture('aliasing.py')));
  writeFileSync(join(dir, 'broken.py'), readFileSync(fixture('syntax-error.py')));
  writeFileSync(join(dir, 'shallow.py'), readFileSync(fixture('shallow-copy.py')));
  writeFileSync(join(dir, 'deep.py'), readFileSync(fixture('deep-copy.py')));
  return dir;
}

async function runCase(
  entry: (typeof cases)[number],
  env: NodeJS.ProcessEnv,
): Promise<{ result: CliResult; files: Buffer[] }> {
  const cwd = workFolder();
  const result = await runCli(entry.args, { cwd, env, ...(entry.input === undefined ? {} : { input: entry.input }) });
  // The working folder's own path appears in a message (a missing file's hint): named alike for both runs.
  result.stderr = result.stderr.split(cwd).join('<cwd>');
  return { result, files: (entry.files ?? []).map((file) => readFileSync(join(cwd, file))) };
}

before(async () => {
  // lib/ is built (and its sources' stamps recorded) before any identity is computed.
  const built = await runCli(['--version'], { env: withoutServer(folder()) });
  assert.equal(built.code, 0, built.stderr);
});

after(async () => {
  await stopServers(folders);
  for (const dir of folders) rmSync(dir, { recursive: true, force: true });
});

describe('memlane render through the resident server', () => {
  it('answers warm with the same bytes, files and exit status as a run without it', async () => {
    const dir = folder();
    const first = await runCli(['render', fixture('aliasing.py'), '-o', join(tempDir(), 'first.svg')], {
      env: withServer(dir),
    });
    assert.equal(first.code, 0, first.stderr);
    const before = await serverUp(dir);
    for (const entry of cases) {
      const alone = await runCase(entry, withoutServer(dir));
      const served = await runCase(entry, withServer(dir));
      assert.deepEqual(
        sameRun(served.result, alone.result),
        { code: true, stdout: true, stderr: true },
        `${entry.name}: ${served.result.stderr} / ${alone.result.stderr}`,
      );
      assert.equal(served.files.length, alone.files.length);
      served.files.forEach((bytes, i) =>
        assert.ok(bytes.equals(alone.files[i]!), `${entry.name}: ${entry.files![i]} differs`),
      );
    }
    const afterwards = await serverStatus(dir);
    assert.deepEqual(afterwards.pids, before.pids, 'one server answered throughout');
    // Every case but --help went through it; help is read here, asking no server.
    assert.equal(afterwards.served[0]! - before.served[0]!, cases.length - 1, afterwards.text);
  });

  it('answers two clients at once, each its own', async () => {
    const dir = folder();
    await runCli(['trace', fixture('aliasing.py')], { env: withServer(dir) });
    const before = await serverUp(dir);
    const [a, b] = await Promise.all([runCase(cases[0]!, withServer(dir)), runCase(cases[5]!, withServer(dir))]);
    const [aloneA, aloneB] = [
      await runCase(cases[0]!, withoutServer(dir)),
      await runCase(cases[5]!, withoutServer(dir)),
    ];
    assert.ok(a.files[0]!.equals(aloneA.files[0]!) && a.result.stderr === aloneA.result.stderr);
    assert.ok(
      b.result.stdout.equals(aloneB.result.stdout) && b.result.code === 1 && b.result.stderr === aloneB.result.stderr,
    );
    assert.equal((await serverStatus(dir)).served[0]! - before.served[0]!, 2);
  });

  it('is not used by a client whose code differs (another key), and declines a request naming other code', async () => {
    const dir = folder();
    await runCli(['trace', fixture('aliasing.py')], { env: withServer(dir) });
    const running = await serverUp(dir);
    // The same snapshot folder spelled another way: the key (and so the socket) differs, the interpreter not.
    const other = { MEMLANE_SNAPSHOT_DIR: `${join(repoRoot, 'node_modules', '.cache', 'memlane')}/` };
    assert.notEqual(expectedSocket(dir, other), expectedSocket(dir));
    const result = await runCli(['trace', fixture('aliasing.py')], { env: withServer(dir, other) });
    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(
      (await serverStatus(dir)).served,
      running.served,
      'the running server answered a client of other code',
    );
    await serverUp(dir, other);
    // Asked directly with a wrong key, a server declines.
    const { ask } = await import('../../src/cli/server/client.ts');
    const reply = await new Promise<string>((resolve) => {
      void import('node:net').then(({ createConnection }) => {
        const socket = createConnection(expectedSocket(dir));
        socket.setEncoding('utf8').on('data', (text: string) => resolve(text.trim()));
        socket.write(`${JSON.stringify({ t: 'run', key: 'other code', argv: ['trace', '-'], cwd: '/' })}\n`);
      });
    });
    assert.deepEqual(JSON.parse(reply), { t: 'decline' });
    assert.ok(await ask(expectedSocket(dir), { t: 'status' }), 'the server still answers after declining');
  });

  it('stops the server of an older build of the same code when it starts, and no other', async () => {
    const dir = folder();
    const key = JSON.parse(codeIdentity(repoRoot, withServer(dir))!.key) as Record<string, unknown>;
    const asked: Record<string, string[]> = { older: [], elsewhere: [] };
    const pretend = (name: keyof typeof asked, otherKey: object) => (socket: Socket) =>
      socket.setEncoding('utf8').on('data', (text: string) => {
        const message = JSON.parse(text) as { t: string };
        asked[name]!.push(message.t);
        socket.end(
          `${JSON.stringify({
            t: message.t === 'stop' ? 'stopping' : 'status',
            pid: 1,
            key: JSON.stringify(otherKey),
            startedAt: 0,
            served: 0,
            running: 0,
          })}\n`,
        );
      });
    // Sorted first, so it has been asked by the time the older build's server is told to stop.
    const elsewhere = await fakeServer(
      join(dir, 'render-0000000000000000.sock'),
      pretend('elsewhere', { ...key, root: '/another/checkout/', code: 'other' }),
    );
    const older = await fakeServer(
      join(dir, 'render-1111111111111111.sock'),
      pretend('older', { ...key, code: 'an older bundle' }),
    );
    try {
      await runCli(['trace', fixture('aliasing.py')], { env: withServer(dir) });
      await eventually("the older build's server to be told to stop", () =>
        asked.older!.includes('stop') ? true : undefined,
      );
      assert.deepEqual(asked.elsewhere, ['status'], 'a server of another checkout is left alone');
    } finally {
      elsewhere.close();
      older.close();
    }
  });

  it('removes a dead socket file and runs in-process, then a new server takes its place', async () => {
    const dir = folder();
    const socket = expectedSocket(dir);
    // A server killed outright leaves its socket file behind, with nobody listening.
    const dead = spawnSync(process.execPath, [
      '-e',
      `require('net').createServer().listen(${JSON.stringify(socket)}, () => process.kill(process.pid, 'SIGKILL'))`,
    ]);
    assert.equal(dead.signal, 'SIGKILL');
    const deadInode = lstatSync(socket).ino;
    const alone = await runCase(cases[0]!, withoutServer(dir));
    const result = await runCase(cases[0]!, withServer(dir));
    assert.deepEqual(
      sameRun(result.result, alone.result),
      { code: true, stdout: true, stderr: true },
      result.result.stderr,
    );
    assert.ok(result.files[0]!.equals(alone.files[0]!));
    await serverUp(dir);
    assert.notEqual(lstatSync(socket).ino, deadInode, 'the dead socket file is replaced');
  });

  it('falls back in-process when the server dies mid-request, printing everything once', async () => {
    const dir = folder();
    await runCli(['trace', fixture('aliasing.py')], { env: withServer(dir) });
    const {
      pids: [pid],
    } = await serverUp(dir);
    const cwd = workFolder();
    const args = ['render', '-', '-o', 'held.svg'];
    const snippet = 'items = [1, 2]\nalias = items\n';
    // Standard input is held back: the server waits for it, so the request is surely running when the server is killed.
    let release!: (text: string) => void;
    const client = runCli(args, {
      cwd,
      env: withServer(dir),
      input: new Promise<string>((resolve) => (release = resolve)),
    });
    await eventually('the request to be running', async () =>
      (await serverStatus(dir)).text.includes('1 running') ? true : undefined,
    );
    process.kill(pid!, 'SIGKILL');
    await eventually('the server to be gone', () => (alive(pid!) ? undefined : true));
    release(snippet);
    const served = await client;
    assert.equal(served.code, 0, served.stderr);
    const written = readFileSync(join(cwd, 'held.svg'));
    const alone = await runCli(args, { cwd, env: withoutServer(dir), input: snippet });
    const notice = 'memlane: the render server closed the connection before it finished; running here instead\n';
    assert.equal(served.stderr, notice + alone.stderr);
    assert.equal(served.stdout.length, 0);
    assert.ok(
      written.equals(readFileSync(join(cwd, 'held.svg'))),
      'the fallback wrote what a run without a server writes',
    );
  });

  it('ends with one server when two start at once; the other exits quietly', async () => {
    const dir = folder();
    const exits = [startServerProcess(dir), startServerProcess(dir)];
    const first = await Promise.race(exits);
    assert.equal(first, 0, 'the second server exits with status 0');
    const status = await serverUp(dir);
    assert.equal(status.pids.length, 1, status.text);
    await runCli(['server', 'stop'], { env: withServer(dir) });
    assert.deepEqual(await Promise.all(exits), [0, 0]);
  });

  it('server status and server stop: pid, key and uptime; stopped means gone, socket and process', async () => {
    const dir = folder();
    const none = await serverStatus(dir);
    assert.equal(none.code, 1);
    assert.match(none.text, /^memlane server: none running for this code; sockets in /);
    await runCli(['trace', fixture('aliasing.py')], { env: withServer(dir) });
    const running = await serverUp(dir);
    assert.match(
      running.text,
      new RegExp(
        String.raw`^memlane server: running, pid \d+, up \d+ s, \d+ requests answered(, warming up)?\n {2}key ` +
          String.raw`[0-9a-f]{16} \(code [0-9a-f]{32}\)\n {2}socket `,
      ),
    );
    const stopped = await runCli(['server', 'stop'], { env: withServer(dir) });
    assert.equal(stopped.stdout.toString(), `memlane server: stopped pid ${running.pids[0]}\n`);
    assert.equal(alive(running.pids[0]!), false);
    assert.equal(existsSync(expectedSocket(dir)), false);
    assert.equal(
      (await runCli(['server', 'stop'], { env: withServer(dir) })).stdout.toString(),
      'memlane server: none was running for this code\n',
    );
  });

  it('starts no server for help, --version or a bad command line; a render starts one', async () => {
    const dir = folder();
    const log = join(tempDir(), 'spawns.log');
    writeFileSync(log, '');
    const env = withSpawnLog(withServer(dir), log);
    const cwd = workFolder();
    const idle: [string[], number][] = [
      [['render', '--help'], 0],
      [['render', 'snippet.py', '-h'], 0],
      [['trace', '--help'], 0],
      [['help', 'render'], 0],
      [['--version'], 0],
      [['render', 'snippet.py', '--stepp', '2'], 2],
      [['render'], 2],
      [['trace', 'missing.py'], 2],
    ];
    for (const [args, code] of idle) {
      const result = await runCli(args, { cwd, env });
      assert.equal(result.code, code, `${args.join(' ')}: ${result.stderr}`);
      assert.equal(serverStarts(log), 0, `memlane ${args.join(' ')} started a render server`);
    }
    // The log does see a start: the first render starts its server.
    const render = await runCli(['render', 'snippet.py', '-o', 'd.svg'], { cwd, env });
    assert.equal(render.code, 0, render.stderr);
    assert.equal(serverStarts(log), 1);
    await serverUp(dir);
  });

  it(
    'server stop stops the server of this code (and of its earlier builds) only; ' + 'stop --all stops the others too',
    async () => {
      const dir = folder();
      // The same snapshot folder spelled another way: other code, as another checkout's or install's would be.
      const other = { MEMLANE_SNAPSHOT_DIR: `${join(repoRoot, 'node_modules', '.cache', 'memlane')}/` };
      await runCli(['trace', fixture('aliasing.py')], { env: withServer(dir) });
      await runCli(['trace', fixture('aliasing.py')], { env: withServer(dir, other) });
      const {
        pids: [mine],
      } = await serverUp(dir);
      const {
        pids: [theirs],
      } = await serverUp(dir, other);
      // An earlier build of this checkout, stood in for: it stops the process it names when told to.
      const key = JSON.parse(codeIdentity(repoRoot, withServer(dir))!.key) as Record<string, unknown>;
      const earlier = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
      const older = await fakeServer(join(dir, 'render-1111111111111111.sock'), (socket) =>
        socket.setEncoding('utf8').on('data', (text: string) => {
          const message = JSON.parse(text) as { t: string };
          if (message.t === 'stop') earlier.kill();
          socket.end(
            `${JSON.stringify({
              t: message.t === 'stop' ? 'stopping' : 'status',
              pid: earlier.pid,
              key: JSON.stringify({ ...key, code: 'an older bundle' }),
              startedAt: 0,
              served: 0,
              running: 0,
              warm: true,
            })}\n`,
          );
        }),
      );
      try {
        const before = await serverStatus(dir);
        assert.match(before.text, new RegExp(`running for other code, pid ${theirs}`));
        assert.match(before.text, new RegExp(`running for an earlier build of this code, pid ${earlier.pid}`));
        assert.match(
          before.text,
          new RegExp(
            String.raw`hint: the server of other code \(other checkouts or installs\) is stopped by memlane server ` +
              String.raw`stop --all, not by memlane server stop`,
          ),
        );
        const stopped = await runCli(['server', 'stop'], { env: withServer(dir) });
        assert.equal(stopped.code, 0, stopped.stderr);
        assert.deepEqual(
          stopped.stdout.toString().trim().split('\n').sort(),
          [
            'memlane server: a server of other code (other checkouts or installs) left running; memlane server ' +
              'stop --all stops it too',
            `memlane server: stopped pid ${earlier.pid}`,
            `memlane server: stopped pid ${mine}`,
          ].sort(),
        );
        assert.equal(alive(mine!), false);
        assert.equal(alive(earlier.pid!), false);
        assert.equal(alive(theirs!), true, 'the server of other code is left running');
        assert.deepEqual((await serverStatus(dir, other)).pids, [theirs]);
      } finally {
        older.close();
        earlier.kill();
      }
      const all = await runCli(['server', 'stop', '--all'], { env: withServer(dir) });
      assert.equal(all.stdout.toString(), `memlane server: stopped pid ${theirs}\n`);
      assert.equal(alive(theirs!), false);
      assert.equal(
        (await runCli(['server', 'stop', '--all'], { env: withServer(dir) })).stdout.toString(),
        'memlane server: none was running\n',
      );
    },
  );

  it('leaves by itself after MEMLANE_SERVER_IDLE seconds without a request', async () => {
    const dir = folder();
    await runCli(['trace', fixture('aliasing.py')], { env: withServer(dir, { MEMLANE_SERVER_IDLE: '3' }) });
    const {
      pids: [pid],
    } = await serverUp(dir);
    await eventually('the idle server to exit', () => (alive(pid!) ? undefined : true));
    assert.equal(existsSync(expectedSocket(dir)), false);
  });

  it('uses no socket folder that others can reach: runs in-process, starts nothing, and status says why', async () => {
    const dir = folder();
    chmodSync(dir, 0o755);
    const result = await runCli(['trace', fixture('aliasing.py')], { env: withServer(dir) });
    assert.equal(result.code, 0, result.stderr);
    const status = await serverStatus(dir);
    assert.equal(status.code, 1);
    assert.match(
      status.text,
      new RegExp(
        String.raw`none can start: .* can be reached by other users \(mode 755\)\);.*\nhint: the folder must be ` +
          String.raw`yours alone \(chmod 700 `,
      ),
    );
    assert.deepEqual(readdirSync(dir), []);
  });

  const serverless: [string, (dir: string) => NodeJS.ProcessEnv][] = [
    ['with MEMLANE_SERVER=0', withoutServer],
    // CI runs are one-off: unless MEMLANE_SERVER=1 asks for one, none is started there.
    [
      'under CI with MEMLANE_SERVER unset',
      (dir) => {
        const env: NodeJS.ProcessEnv = { ...withServer(dir), CI: 'true' };
        delete env['MEMLANE_SERVER'];
        return env;
      },
    ],
  ];
  for (const [when, env] of serverless) {
    it(`${when} never makes a socket folder nor starts a server`, async () => {
      const parent = folder();
      const dir = join(parent, 'sockets');
      const result = await runCli(['render', fixture('aliasing.py'), '-o', join(tempDir(), 'd.svg')], {
        env: env(dir),
      });
      assert.equal(result.code, 0, result.stderr);
      // A server started by mistake would make the folder within seconds of its start.
      await new Promise((resolve) => setTimeout(resolve, 3_000));
      assert.equal(existsSync(dir), false);
      mkdirSync(dir, { mode: 0o700 });
      assert.equal((await serverStatus(dir, { MEMLANE_SERVER: '0' })).code, 1);
    });
  }
});
