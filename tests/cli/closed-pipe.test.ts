// A reader that goes away early (`memlane server status | head -0`) ends the command quietly: no
// crash on the next write, no stack trace, the command's own exit status.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { repoRoot, tempDir } from './run-cli.ts';

describe('memlane writing into a closed pipe', () => {
  it('stops quietly when its reader has gone before the first line', async () => {
    // `server status` writes line by line, so each write after the first meets the closed pipe.
    // A socket folder of its own, so the answer is always "none running" (status 1).
    const env = { ...process.env, MEMLANE_SERVER: '0', TMPDIR: tempDir() };
    const child = spawn(process.execPath, [join(repoRoot, 'scripts/memlane.mjs'), 'server', 'status'], {
      cwd: repoRoot,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    assert.doesNotMatch(stderr, /EPIPE|Unhandled|at /);
    assert.equal(code, 1);
  });
});
