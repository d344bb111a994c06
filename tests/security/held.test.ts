// What held before the sandbox was rebuilt, kept held: Python alone cannot open host files, sockets or processes,
// and nothing a snippet writes reaches the host. (Node's permission model on its own: child-realm.test.ts;
// the browser's worker: tests/site/playground.test.ts; escaping into SVG and pages: tests/render and
// tests/hardening.)
import assert from 'node:assert/strict';
import { existsSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, test } from 'node:test';
import { lines, sandboxForTests } from './sandbox-harness.ts';

const sandbox = sandboxForTests();
const run = (source: string, options = {}) => sandbox.run(source, options);

describe('Python alone reaches nothing of the host', () => {
  test('host files can be neither read nor written', async () => {
    const hostFile = resolve('package.json');
    // /tmp itself (not the run's temporary folder): a folder that exists in the sandbox's own file system too.
    const marker = join('/tmp', `memlane-sandbox-${process.pid}-${Date.now()}.txt`);
    const source = [
      'import os',
      `print(os.path.exists(${JSON.stringify(hostFile)}))`,
      'try:',
      `    open(${JSON.stringify(hostFile)}).read()`,
      '    print("read")',
      'except OSError as error:',
      '    print(type(error).__name__)',
      `with open(${JSON.stringify(marker)}, "w") as f:`,
      '    f.write("escaped")',
      'print(sorted(os.listdir("/")))',
    ].join('\n');
    const trace = await run(source);
    assert.equal(trace.error, null, JSON.stringify(trace.error));
    const [exists, read, root] = lines(trace.stdout);
    assert.equal(exists, 'False');
    assert.equal(read, 'FileNotFoundError');
    assert.equal(existsSync(marker), false, 'a file written by the snippet must not appear on the host');
    // Only Emscripten's in-memory file system: no host directory is mounted.
    assert.equal(root, "['dev', 'home', 'lib', 'proc', 'tmp']");
    rmSync(marker, { force: true });
  });

  test('host commands cannot run', async () => {
    const marker = join(tmpdir(), `memlane-command-${process.pid}-${Date.now()}`);
    const source = [
      'import os, subprocess',
      'attempts = [',
      `    lambda: os.system("touch ${marker}"),`,
      `    lambda: subprocess.run(["touch", ${JSON.stringify(marker)}]),`,
      `    lambda: os.popen("touch ${marker}"),`,
      '    lambda: os.fork(),',
      ']',
      'for attempt in attempts:',
      '    try:',
      '        attempt()',
      '        print("ran")',
      '    except OSError as error:',
      '        print(type(error).__name__)',
    ].join('\n');
    const trace = await run(source);
    assert.equal(trace.error, null, JSON.stringify(trace.error));
    assert.deepEqual(lines(trace.stdout), ['PermissionError', 'OSError', 'OSError', 'PermissionError']);
    assert.equal(existsSync(marker), false);
  });

  test('the network is out of reach', async () => {
    let connections = 0;
    const server = createServer((_req, res) => res.end('reached'));
    server.on('connection', () => connections++);
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    const { port } = server.address() as AddressInfo;
    try {
      const source = [
        'import socket, urllib.request',
        'try:',
        `    print(urllib.request.urlopen("http://127.0.0.1:${port}/", timeout=2).read())`,
        'except Exception as error:',
        '    print("urlopen failed")',
        'try:',
        `    socket.create_connection(("127.0.0.1", ${port}), timeout=2)`,
        '    print("connected")',
        'except Exception as error:',
        '    print("socket failed")',
        'try:',
        '    server = socket.socket()',
        '    server.bind(("127.0.0.1", 0))',
        '    server.listen()',
        '    print("listening")',
        'except OSError:',
        '    print("listen failed")',
      ].join('\n');
      const trace = await run(source, { maxSteps: 10_000 });
      assert.deepEqual(lines(trace.stdout), ['urlopen failed', 'socket failed', 'listen failed']);
      assert.equal(connections, 0, 'the host server saw no connection at all');
    } finally {
      server.close();
    }
  });
});
