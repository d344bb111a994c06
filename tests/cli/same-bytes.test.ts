// The same input gives the same bytes in every fresh process: string hashing is seeded with a
// fixed value (set and dict orders repeat) and reprs carry no memory addresses.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { Trace } from '../../src/trace/types.ts';
import { fixture, runCli, tempDir } from './run-cli.ts';

const snippet = fixture('hash-orders.py');

async function traceBytes(files: string[]): Promise<string[]> {
  const result = await runCli(['trace', ...files]);
  assert.equal(result.code, 0, result.stderr);
  return result.stdout.toString('utf8').trim().split('\n');
}

describe('same input, same bytes', () => {
  it('traces a set-, dict- and weakref-heavy snippet identically in fresh processes, whatever ran before it', async () => {
    const [alone, again, [, afterOthers]] = await Promise.all([
      traceBytes([snippet]),
      traceBytes([snippet]),
      // Run after another snippet in one interpreter, its objects sit at other addresses.
      traceBytes([fixture('aliasing.py'), snippet]),
    ]);
    assert.equal(alone.length, 1);
    assert.equal(again[0], alone[0], 'two fresh processes printed different traces');
    assert.equal(afterOthers, alone[0], 'the trace depends on what ran before it');
    const trace = JSON.parse(alone[0]!) as Trace;
    const reprs = trace.steps.flatMap((step) => Object.values(step.heap)).map((object) => object['repr']).filter((r) => typeof r === 'string');
    assert.ok(reprs.includes("<weakref; to 'Node'>") && reprs.includes('<weakref; dead>'), `weakref reprs: ${reprs.filter((r) => /weakref/.test(String(r))).join(', ')}`);
    assert.ok(!reprs.some((r) => /0x[0-9a-f]/i.test(String(r))), 'no repr shows an address');
    assert.doesNotMatch(trace.stdout, /\{'red', 'green', 'blue', 'violet', 'amber'\}/, 'a set of str prints in hash order, not insertion order');
  });

  it('renders every step of it to identical SVG files in fresh processes', async () => {
    const dirs = [tempDir(), tempDir()];
    const results = await Promise.all(dirs.map((dir) => runCli(['render', snippet, '--all-steps', '--out-dir', dir])));
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
