// Layer two of the sandbox: even with JavaScript, the sandbox process can do nothing outside itself. The real
// sandbox script runs with its real flags and a probe preloaded in it (fixtures/child-probe.mjs); once its
// interpreter is ready, the probe runs each attack with only what the locked-down realm offers.
import assert from 'node:assert/strict';
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { findWorkerPath, sandboxArgs } from '../../src/simulate/code-to-trace.ts';

const PROBE = join(import.meta.dirname, 'fixtures', 'child-probe.mjs');

interface ProbeResult {
  attack: string;
  outcome: 'succeeded' | 'refused';
  value: string;
}

describe('the sandbox process, once its interpreter is ready', () => {
  let child: ChildProcess;
  let victim: ChildProcess;
  let victimOutput = '';
  let server: Server;
  let port = 0;
  let connections = 0;
  const waiting = new Map<string, (result: ProbeResult) => void>();

  before(async () => {
    server = createServer((socket) => {
      connections++;
      socket.destroy();
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    port = (server.address() as AddressInfo).port;
    // A process of the same user with no guard of its own: what a signal from the sandbox would reach.
    victim = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: ['ignore', 'ignore', 'pipe'] });
    victim.stderr!.on('data', (chunk) => (victimOutput += chunk));
    const host = findWorkerPath();
    const { execArgv, pyodideDir } = sandboxArgs(host);
    child = fork(host, [pyodideDir, JSON.stringify({ snapshot: null })], {
      execArgv: [...execArgv, `--allow-fs-read=${PROBE}`, '--import', pathToFileURL(PROBE).href],
      env: {},
      serialization: 'advanced',
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    await new Promise<void>((ready, failed) => {
      child.on('message', (message: { kind: string } & Partial<ProbeResult>) => {
        if (message.kind === 'ready') ready();
        else if (message.kind === 'failed') failed(new Error(JSON.stringify(message)));
        else if (message.kind === 'probe-result') waiting.get(message.attack!)?.(message as ProbeResult);
      });
      child.on('exit', (code) => failed(new Error(`the sandbox exited (${code})`)));
    });
  });

  after(() => {
    child?.kill('SIGKILL');
    victim?.kill('SIGKILL');
    server?.close();
  });

  const attempt = (attack: string, argument?: unknown) =>
    new Promise<ProbeResult>((resolve) => {
      waiting.set(attack, resolve);
      child.send({ kind: 'probe', attack, argument });
    });

  test('it can signal no process, nor open an inspector in one', async () => {
    for (const attack of ['signal a process', 'open a process inspector']) {
      const result = await attempt(attack, victim.pid);
      assert.equal(result.outcome, 'refused', `${attack}: ${result.value}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.equal(victim.exitCode, null, 'the other process still runs');
    assert.doesNotMatch(victimOutput, /Debugger listening/);
  });

  test("it reaches none of Node's bindings, modules or add-ons", async () => {
    for (const attack of [
      'reach a binding',
      'reach a linked binding',
      'load a builtin module',
      'load a native add-on',
      'find require',
    ]) {
      const result = await attempt(attack);
      assert.equal(result.outcome, 'refused', `${attack}: ${result.value}`);
    }
  });

  test('it opens no socket', async () => {
    for (const attack of ['fetch from the network', 'open a WebSocket', "open a socket through console's stream"]) {
      const result = await attempt(attack, port);
      assert.equal(result.outcome, 'refused', `${attack}: ${result.value}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.equal(connections, 0, 'the server saw no connection');
  });

  test('it compiles no code from text, so it can write no new attack', async () => {
    for (const attack of [
      'evaluate code',
      'make a function from text',
      'make an async function from text',
      'import a module from text',
    ]) {
      const result = await attempt(attack);
      assert.equal(result.outcome, 'refused', `${attack}: ${result.value}`);
      assert.match(result.value, /Code generation from strings disallowed/);
    }
  });

  test('it changes nothing of the process it runs in that reaches outside, and holds no secret', async () => {
    for (const attack of [
      'change user',
      'write a report file',
      'change folder',
      'read the environment',
      'find a process-like global',
    ]) {
      const result = await attempt(attack);
      assert.equal(result.outcome, 'refused', `${attack}: ${result.value}`);
    }
  });

  test(
    "Node's permission model holds by itself: no host file, process, worker or add-on, with capabilities " +
      'kept from before',
    async () => {
      const work = mkdtempSync(join(tmpdir(), 'memlane-realm-'));
      const hostFile = join(work, 'host.txt');
      writeFileSync(hostFile, 'untouched');
      const marker = join(work, 'created');
      for (const [attack, argument] of [
        ['read a host file with fs kept from before', hostFile],
        ['write a host file with fs kept from before', hostFile],
        ['start a process with child_process kept from before', marker],
        ['start a worker with worker_threads kept from before', undefined],
        ['load an add-on with dlopen kept from before', undefined],
      ] as const) {
        const result = await attempt(attack, argument);
        assert.equal(result.outcome, 'refused', `${attack}: ${result.value}`);
        assert.match(result.value, /Access to this API has been restricted|loading addons is disabled/, attack);
      }
      assert.equal(readFileSync(hostFile, 'utf8'), 'untouched');
      assert.equal(existsSync(marker), false);
    },
  );

  test('and it still traces', async () => {
    const reply = await new Promise<{ kind: string; json?: string }>((resolve) => {
      child.once('message', resolve);
      child.send({
        kind: 'run',
        id: 1,
        source: 'a = [1]\nb = a\n',
        options: { maxSteps: 100, timeoutMs: 10_000, maxOutput: 1000, maxMemoryMb: 64, showModules: false },
      });
    });
    assert.equal(reply.kind, 'trace');
    assert.equal(JSON.parse(reply.json!).error, null);
  });
});
