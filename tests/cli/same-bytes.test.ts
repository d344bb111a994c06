// The same input gives the same bytes in this process and in a fresh one: string hashing is seeded with
// a fixed value (set and dict orders repeat) and reprs carry no memory addresses.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { Trace } from '../../src/trace/types.ts';
import { fixture, runCli, tempDir, type CliResult } from './run-cli.ts';
import { runMain } from './run-main.ts';

const snippet = fixture('hash-orders.py');

async function traceBytes(files: string[], run: (args: string[]) => Promise<CliResult> = runMain): Promise<string[]> {
  const result = await run(['trace', ...files]);
  assert.equal(result.code, 0, result.stderr);
  return result.stdout.toString('utf8').trim().split('\n');
}

describe('same input, same bytes', () => {
  it('traces a set-, dict- and weakref-heavy snippet alike in a fresh process, whatever ran before it', async () => {
    const [alone, again, [, afterOthers]] = await Promise.all([
      traceBytes([snippet]),
      // The bin in a process of its own: its interpreter starts afresh.
      traceBytes([snippet], (args) => runCli(args, { env: { ...process.env, MEMLANE_SERVER: '0' } })),
      // Run after another snippet in one interpreter, its objects sit at other addresses.
      traceBytes([fixture('aliasing.py'), snippet]),
    ]);
    assert.equal(alone.length, 1);
    assert.equal(again[0], alone[0], 'a fresh process printed another trace');
    assert.equal(afterOthers, alone[0], 'the trace depends on what ran before it');
    const trace = JSON.parse(alone[0]!) as Trace;
    const reprs = trace.steps
      .flatMap((step) => Object.values(step.heap))
      .map((object) => object['repr'])
      .filter((r) => typeof r === 'string');
    assert.ok(
      reprs.includes("<weakref; to 'Node'>") && reprs.includes('<weakref; dead>'),
      `weakref reprs: ${reprs.filter((r) => /weakref/.test(String(r))).join(', ')}`,
    );
    assert.ok(!reprs.some((r) => /0x[0-9a-f]/i.test(String(r))), 'no repr shows an address');
    assert.doesNotMatch(
      trace.stdout,
      /\{'red', 'green', 'blue', 'violet', 'amber'\}/,
      'a set of str prints in hash order, not insertion order',
    );
  });

  it('renders every step of it to identical SVG files on two runs', async () => {
    const dirs = [tempDir(), tempDir()];
    const results = await Promise.all(dirs.map((dir) => runMain(['render', snippet, '--all-steps', '--out-dir', dir])));
    for (const result of results) assert.equal(result.code, 0, result.stderr);
    const trace = JSON.parse((await traceBytes([snippet]))[0]!) as Trace;
    const names = readdirSync(dirs[0]!).sort();
    assert.equal(names.length, trace.steps.length);
    assert.deepEqual(readdirSync(dirs[1]!).sort(), names);
    for (const name of names) {
      const [first, second] = dirs.map((dir) => readFileSync(join(dir, name), 'utf8'));
      assert.equal(second, first, `${name} differs between two runs`);
    }
  });
});
