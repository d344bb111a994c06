// `memlane trace` as a user runs it: trace v1 JSON on stdout, JSON Lines for several files,
// exit 1 with the JSON still printed when the snippet fails, clear errors for bad input.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Trace } from '../../src/trace/types.ts';
import { fixture } from './run-cli.ts';
import { runMain } from './run-main.ts';

describe('memlane trace', () => {
  it('prints one trace v1 document of the program as it ran', async () => {
    const result = await runMain(['trace', fixture('aliasing.py')]);
    assert.equal(result.code, 0, result.stderr);
    const trace = JSON.parse(result.stdout.toString()) as Trace;
    assert.equal(trace.format, 'memlane-trace');
    assert.equal(trace.version, 1);
    assert.equal(trace.python, '3.14.2');
    assert.equal(trace.error, null);
    assert.ok(trace.steps.length >= 4);
    const last = trace.steps.at(-1)!;
    const names = Object.fromEntries(last.stack[0]!.locals.map(([name, ref]) => [name, ref.ref]));
    assert.equal(names.fruits, names.basket, 'two names bound to one list share one ref');
    assert.notEqual(names.fruits, names.count);
  });

  it('prints JSON Lines for several files, and exits 1 with the trace when one fails', async () => {
    const result = await runMain(['trace', fixture('aliasing.py'), fixture('raises.py')]);
    assert.equal(result.code, 1);
    const lines = result.stdout.toString().trim().split('\n');
    assert.equal(lines.length, 2);
    const [ok, failed] = lines.map((line) => JSON.parse(line) as Trace);
    assert.equal(ok!.error, null);
    assert.deepEqual(failed!.error && { type: failed!.error.type, line: failed!.error.line }, {
      type: 'IndexError',
      line: 3,
    });
    assert.ok(failed!.steps.length > 0, 'the partial trace is kept');
    assert.match(result.stderr, /raises\.py:3: IndexError: list index out of range/);
  });

  it('names a missing file and an unknown option', async () => {
    const missing = await runMain(['trace', fixture('nope.py')]);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /cannot read .*nope\.py: no such file/);
    const bad = await runMain(['trace', '--bogus', fixture('aliasing.py')]);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /unknown option --bogus/);
  });
});
