// Layer three of the sandbox: the processes that run snippets (the build, the CLI, the render server) cannot be
// opened from outside by SIGUSR1 while they trace. By default Node opens its inspector on that signal.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { connect } from 'node:net';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { repoRoot, runCli } from '../cli/run-cli.ts';
import { eventually, expectedSocket, socketFolder, withoutServer, withServer } from '../cli/server-harness.ts';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Whether anything listens on Node's default inspector port. */
function inspectorListening(): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(9229, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

async function signalled(child: ChildProcess, output: () => string): Promise<void> {
  process.kill(child.pid!, 'SIGUSR1');
  await pause(500);
  assert.equal(child.exitCode, null, 'the process still runs');
  assert.doesNotMatch(output(), /Debugger listening/);
  assert.equal(await inspectorListening(), false, 'no inspector port is open');
}

describe('SIGUSR1 does not open a process that traces', () => {
  before(async () => {
    // The CLI bundle is built (and its sources' stamps recorded) before any server's identity is computed.
    const built = await runCli(['--version'], { env: withoutServer(socketFolder()) });
    assert.equal(built.code, 0, built.stderr);
  });

  test('a process holding a simulator (the build and the CLI hold one the same way)', async () => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(import.meta.dirname, 'fixtures', 'hold-simulator.ts')],
      {
        cwd: repoRoot,
        stdio: ['pipe', 'pipe', 'pipe'],
      },
    );
    let output = '';
    child.stdout!.on('data', (chunk) => (output += chunk));
    child.stderr!.on('data', (chunk) => (output += chunk));
    try {
      await eventually('the simulator to start', () => (output.includes('holding') ? true : undefined));
      await signalled(child, () => output);
    } finally {
      child.stdin!.end();
      child.kill('SIGKILL');
    }
  });

  test('the render server', async () => {
    const dir = socketFolder();
    const env = withServer(dir);
    const child = spawn(process.execPath, [join(repoRoot, 'scripts', 'memlane.mjs'), 'server', 'run'], {
      cwd: repoRoot,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout!.on('data', (chunk) => (output += chunk));
    child.stderr!.on('data', (chunk) => (output += chunk));
    try {
      const socket = expectedSocket(dir);
      await eventually('the server to listen', async () => {
        const { existsSync } = await import('node:fs');
        return existsSync(socket) ? true : undefined;
      });
      await signalled(child, () => output);
    } finally {
      child.kill('SIGKILL');
    }
  });
});
