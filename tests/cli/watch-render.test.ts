// `memlane render --watch`: each save is drawn again by the one interpreter; a bad edit prints its
// error (file, line, caret, hint) and leaves the last good SVG; Ctrl-C, sent to the whole process
// group as a terminal does, ends it with status 0 and leaves no sandbox process behind.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { repoRoot, tempDir } from './run-cli.ts';

/** Generous: the verdict must not depend on how busy the machine is. */
const WAIT_MS = 180_000;

function waitFor(what: string, ready: () => boolean): Promise<void> {
  const deadline = Date.now() + WAIT_MS;
  return new Promise((resolve, reject) => {
    const poll = setInterval(() => {
      if (ready()) {
        clearInterval(poll);
        resolve();
      } else if (Date.now() > deadline) {
        clearInterval(poll);
        reject(new Error(`timed out waiting for ${what}`));
      }
    }, 25);
  });
}

/** Whether any process of the group is alive. */
function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('memlane render --watch', () => {
  it('draws each save, keeps the last good SVG through a bad edit, and stops cleanly on Ctrl-C', {
    timeout: 8 * WAIT_MS,
  }, async () => {
    const dir = tempDir();
    const snippet = join(dir, 'snippet.py');
    const out = join(dir, 'out.svg');
    writeFileSync(snippet, 'numbers = [1, 2]\n');
    const child = spawn(
      process.execPath,
      [join(repoRoot, 'scripts/memlane.mjs'), 'render', snippet, '-o', out, '--watch'],
      {
        cwd: dir,
        detached: true,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    let exitCode: number | null | undefined;
    child.on('exit', (code) => (exitCode = code));
    const written = () =>
      stderr.match(/memlane render: wrote .*out\.svg \(step \d+ of \d+\) in \d+ ms\n/g)?.length ?? 0;
    try {
      await waitFor('the first drawing', () => written() === 1);
      assert.match(stderr, /watching .*snippet\.py, writing .*out\.svg on every save \(Ctrl-C stops\)/);
      const first = readFileSync(out, 'utf8');
      assert.match(first, /<svg/);

      writeFileSync(snippet, 'numbers = [1, 2]\nnumbers.append(33)\n');
      await waitFor('the drawing of the edit', () => written() === 2);
      const second = readFileSync(out, 'utf8');
      assert.notEqual(second, first);
      assert.match(second, />33</);

      const before = stderr.length;
      writeFileSync(snippet, 'numbers = [1, 2\nnumbers.append(33)\n');
      await waitFor('the error of the bad edit', () => /keeps the last good drawing\n/.test(stderr.slice(before)));
      const report = stderr.slice(before);
      assert.match(report, /snippet\.py:\d+: the Python snippet failed: SyntaxError: /);
      assert.match(report, /\n {2}\d+ \| .*\n {6,}\^+/);
      assert.match(report, /hint: /);
      assert.equal(readFileSync(out, 'utf8'), second, 'the last good SVG stays');
      assert.equal(exitCode, undefined, 'still watching after the bad edit');

      writeFileSync(snippet, 'numbers = [1, 2]\nlabel = "fixed"\n');
      await waitFor('the drawing of the fix', () => written() === 3);
      assert.match(readFileSync(out, 'utf8'), /fixed/);

      process.kill(-child.pid!, 'SIGINT');
      await waitFor('the exit after Ctrl-C', () => exitCode !== undefined);
      assert.equal(exitCode, 0, stderr);
      await waitFor('the sandbox to be gone', () => !groupAlive(child.pid!));
      assert.doesNotMatch(stderr, /\n {4}at /, 'no stack trace on the way out');
      assert.ok(existsSync(out));
    } finally {
      if (groupAlive(child.pid!)) process.kill(-child.pid!, 'SIGKILL');
    }
  });

  it('draws a comparison again when either of its files is saved', { timeout: 4 * WAIT_MS }, async () => {
    const dir = tempDir();
    const [left, right] = [join(dir, 'left.py'), join(dir, 'right.py')];
    const out = join(dir, 'pair.svg');
    writeFileSync(left, 'grid = [[0]]\nclone = grid\n');
    writeFileSync(right, 'grid = [[0]]\nclone = [row[:] for row in grid]\n');
    const child = spawn(
      process.execPath,
      [join(repoRoot, 'scripts/memlane.mjs'), 'render', left, right, '-o', out, '--watch'],
      { cwd: dir, detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    let exitCode: number | null | undefined;
    child.on('exit', (code) => (exitCode = code));
    const written = () => stderr.match(/wrote .*pair\.svg \(moment \d+ of \d+\) in \d+ ms\n/g)?.length ?? 0;
    try {
      await waitFor('the first drawing', () => written() === 1);
      assert.match(stderr, /watching .*left\.py, .*right\.py, writing .*pair\.svg on every save/);
      assert.doesNotMatch(readFileSync(out, 'utf8'), />77</);
      writeFileSync(right, 'grid = [[0]]\nclone = [row[:] for row in grid]\nclone[0].append(77)\n');
      await waitFor('the drawing of the edit of the second file', () => written() === 2);
      assert.match(readFileSync(out, 'utf8'), />77</);
      process.kill(-child.pid!, 'SIGINT');
      await waitFor('the exit after Ctrl-C', () => exitCode !== undefined);
      assert.equal(exitCode, 0, stderr);
    } finally {
      if (groupAlive(child.pid!)) process.kill(-child.pid!, 'SIGKILL');
    }
  });
});
