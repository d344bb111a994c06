// Processes that race to write the interpreter snapshot never leave a broken file: a reader sees
// the old file or a new one, whole, and no temporary file is left behind.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, test } from 'node:test';
import { snapshotPayload } from '../../src/simulate/snapshot-file.mjs';
import { currentSnapshotKey } from './snapshot-helpers.ts';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const writer = fileURLToPath(new URL('./fixtures/write-snapshots.ts', import.meta.url));

function exited(
  args: string[],
  env: NodeJS.ProcessEnv = process.env,
): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', ...args], {
      cwd: repoRoot,
      env,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

describe('racing snapshot writers', () => {
  test(
    'two processes writing the same file 20 times each: ' + 'every read finds a whole snapshot from one of them',
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'memlane-race-'));
      const file = join(dir, 'interpreter.snapshot');
      const writers = Promise.all([7, 9].map((fill) => exited([writer, file, 'race', String(fill), '20'])));
      let finished = false;
      void writers.then(() => (finished = true));
      let reads = 0;
      while (!finished) {
        if (existsSync(file)) {
          const checked = snapshotPayload(readFileSync(file), 'race');
          assert.ok('payload' in checked, `read ${reads}: ${'problem' in checked ? checked.problem : ''}`);
          assert.ok(
            checked.payload.every((byte) => byte === checked.payload[0]) && [7, 9].includes(checked.payload[0]!),
            'the payload of one writer, not a mix',
          );
          reads++;
        }
        await new Promise((resolve) => setTimeout(resolve, 1));
      }
      for (const { code, stderr } of await writers) assert.equal(code, 0, stderr);
      assert.ok(reads > 0, 'the file was read while the writers raced');
      assert.ok('payload' in snapshotPayload(readFileSync(file), 'race'));
      assert.deepEqual(readdirSync(dir), ['interpreter.snapshot'], 'no temporary file is left');
    },
  );

  test('two `memlane trace` runs that both start in full both succeed and leave one good snapshot', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'memlane-race-cli-'));
    const snippet = join(dir, 'snippet.py');
    writeFileSync(snippet, 'numbers = [1, 2]\nalias = numbers\n');
    const env = { ...process.env, MEMLANE_SNAPSHOT_DIR: dir };
    const runs = await Promise.all([0, 1].map(() => exited(['scripts/memlane.mjs', 'trace', snippet], env)));
    for (const { code, stderr } of runs) assert.equal(code, 0, stderr);
    assert.ok('payload' in snapshotPayload(readFileSync(join(dir, 'interpreter.snapshot')), currentSnapshotKey()));
    assert.deepEqual(readdirSync(dir).sort(), ['interpreter.snapshot', 'snippet.py']);
  });
});
