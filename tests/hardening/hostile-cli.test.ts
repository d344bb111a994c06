// The hostile corpus through `memlane trace`: every snippet ends by itself with the expected result,
// one interpreter runs them all in turn (so a poisoned snippet must not leak into the next), and
// nothing reaches the host.
import assert from 'node:assert/strict';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import type { Trace } from '../../src/trace/types.ts';
import { traceProblems } from '../../src/trace/validate-trace.ts';
import { runCli, type CliResult } from '../cli/run-cli.ts';
import { hostileCorpus, hostileDir, unmatchedHostileFiles } from './hostile-corpus.ts';

let result: CliResult;
let traces: Map<string, Trace>;

before(async () => {
  for (const [, expected] of hostileCorpus) if (expected.hostFile) rmSync(expected.hostFile, { force: true });
  // Only the snippet that is about the time limit gets a short one; the others get a margin so wide
  // that a busy machine cannot turn their step limit into a time limit.
  const timed = hostileCorpus.filter(([, expected]) => expected.error === 'TimeLimitError').map(([file]) => file);
  const untimed = hostileCorpus.map(([file]) => file).filter((file) => !timed.includes(file));
  const runs = await Promise.all([
    runCli(['trace', '--timeout', '300000', ...untimed.map((file) => join(hostileDir, file))]),
    runCli(['trace', '--timeout', '2000', ...timed.map((file) => join(hostileDir, file))]),
  ]);
  result = {
    code: Math.max(...runs.map((run) => run.code ?? 99)),
    stdout: Buffer.concat(runs.map((run) => run.stdout)),
    stderr: runs.map((run) => run.stderr).join(''),
  };
  const lines = runs.flatMap((run) => run.stdout.toString('utf8').trimEnd().split('\n'));
  const files = [...untimed, ...timed];
  assert.equal(lines.length, files.length, `one JSON line per file\n${result.stderr}`);
  traces = new Map(files.map((file, i) => [file, JSON.parse(lines[i]!) as Trace]));
});

describe('hostile snippets through the CLI', () => {
  test('the corpus and its expectations match file for file', () => {
    assert.deepEqual(unmatchedHostileFiles(), []);
  });

  test('the run exits 1 (some snippets fail) and names each failing file and line', () => {
    assert.equal(result.code, 1);
    for (const [file, expected] of hostileCorpus) {
      if (!expected.error) continue;
      const where = expected.line ? `${file}:${expected.line}: ` : `${file}`;
      assert.ok(
        result.stderr.includes(where) && result.stderr.includes(expected.error),
        `stderr names ${where} ${expected.error}\n${result.stderr}`,
      );
    }
  });

  for (const [file, expected] of hostileCorpus) {
    test(`${file} ends with ${expected.error ?? 'no error'}`, () => {
      const trace = traces.get(file)!;
      assert.deepEqual(traceProblems(trace), [], 'the trace is valid v1');
      assert.equal(trace.error?.type ?? null, expected.error, JSON.stringify(trace.error));
      if (expected.line !== undefined) assert.equal(trace.error?.line ?? null, expected.line);
      if (expected.stdout !== undefined) assert.equal(trace.stdout, expected.stdout);
      if (expected.hostFile)
        assert.equal(existsSync(expected.hostFile), false, `${expected.hostFile} must not appear on the host`);
    });
  }

  test('huge values stay bounded in the trace: long containers elided, long strings cut', () => {
    // Format v1 repeats the whole stack at every step, so deep recursion is the largest trace;
    // what must stay bounded is each step, whatever the size of the data.
    for (const [file] of hostileCorpus) {
      for (const [i, step] of traces.get(file)!.steps.entries()) {
        const size = JSON.stringify(step).length;
        assert.ok(size < 40_000, `${file} step ${i + 1}: ${size} characters of JSON`);
      }
    }
    const listTrace = traces.get('big_list.py')!;
    const list = listTrace.steps
      .flatMap((s) => Object.values(s.heap))
      .find((o) => o.type === 'list' && o.length === 100_000);
    assert.ok(list, 'the 10^5-item list is described with its length');
    assert.ok(Array.isArray(list.items) && list.items.length <= 40);
    const text = traces
      .get('long_string.py')!
      .steps.flatMap((s) => Object.values(s.heap))
      .find((o) => o.type === 'str' && o.reprLength);
    assert.ok(text && typeof text.repr === 'string' && text.repr.length <= 200, 'the 10^5-character string is cut');
  });
});
