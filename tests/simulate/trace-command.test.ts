// `memlane trace`: the CLI prints valid v1 JSON (JSON Lines for several files) with exit 0/1; run in this
// process through main(), as the bin runs it.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import type { Trace } from '../../src/trace/types.ts';
import { runMain } from '../cli/run-main.ts';
import { assertValid } from './trace-facts.ts';

const dir = mkdtempSync(join(tmpdir(), 'memlane-trace-'));
const file = (name: string, text: string | Buffer) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

async function memlane(args: string[], input?: string | Buffer) {
  const result = await runMain(['trace', ...args], input === undefined ? {} : { input });
  return { status: result.code, stdout: result.stdout.toString('utf8'), stderr: result.stderr };
}

describe('memlane trace', async () => {
  test('several files share one interpreter and print JSON Lines; an error makes the exit status 1', async () => {
    const ok = file('ok.py', 'a = [1]\nb = a\nprint(a is b)\n');
    const bad = file('bad.py', 'def f():\n    return 1 / 0\nf()\n');
    const result = await memlane([ok, bad, '--max-steps', '50']);
    assert.equal(result.status, 1, result.stderr);
    const lines = result.stdout.trimEnd().split('\n');
    assert.equal(lines.length, 2);
    const [first, second] = lines.map((line) => assertValid(JSON.parse(line) as Trace));
    assert.equal(first!.stdout, 'True\n');
    assert.equal(first!.error, null);
    assert.deepEqual(second!.error, {
      type: 'ZeroDivisionError',
      message: 'division by zero',
      line: 2,
      column: 12,
      endColumn: 17,
    });
    assert.match(
      result.stderr,
      new RegExp(`${bad.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:2: ZeroDivisionError: division by zero`),
    );
  });

  test('one good file exits 0; - reads stdin; limits come from the options', async () => {
    const result = await memlane(['-', '--max-steps=3'], 'x = 1\ny = 2\nz = 3\nw = 4\n');
    assert.equal(result.status, 1);
    const trace = assertValid(JSON.parse(result.stdout) as Trace);
    assert.equal(trace.steps.length, 3);
    assert.equal(trace.error?.type, 'StepLimitError');
    assert.match(result.stderr, /<stdin>:\d: StepLimitError/);
    const fine = await memlane([file('fine.py', 'import math\nr = math.sqrt(4)\n'), '--show-modules']);
    assert.equal(fine.status, 0, fine.stderr);
    const shown = assertValid(JSON.parse(fine.stdout) as Trace);
    assert.deepEqual(
      shown.steps.at(-1)!.stack[0]!.locals.map(([name]) => name),
      ['math', 'r'],
    );
  });

  test('a missing file or a bad option is a clear error, not a crash', async () => {
    const missing = await memlane([join(dir, 'nope.py')]);
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /cannot read .*nope\.py: no such file/);
    assert.equal(missing.stdout, '');
    const badOption = await memlane([file('x.py', 'x = 1\n'), '--max-steps', 'lots']);
    assert.equal(badOption.status, 2);
    assert.match(badOption.stderr, /--max-steps "lots" is not valid: use a whole number of steps from 1 to 1000000/);
    const none = await memlane([]);
    assert.equal(none.status, 2);
    assert.match(none.stderr, /name at least one Python file/);
  });

  test('a file that is not UTF-8 is refused with its name, line and byte offset', async () => {
    // "é" in Latin-1 (0xE9) on line 2, at byte 17; the good file next to it does not run either.
    const latin1 = file(
      'latin1.py',
      Buffer.concat([Buffer.from('x = "ok"\ny = "caf'), Buffer.from([0xe9]), Buffer.from('"\n')]),
    );
    const result = await memlane([file('good.py', 'a = 1\n'), latin1]);
    assert.equal(result.status, 2);
    assert.equal(result.stdout, '');
    assert.match(result.stderr, /latin1\.py:2: invalid UTF-8 at byte 17 \(line 2\)/);
    assert.match(result.stderr, /hint: save the file as UTF-8/);
    const fromStdin = await memlane(['-'], Buffer.from([0x61, 0x3d, 0x22, 0xff, 0x22, 0x0a]));
    assert.equal(fromStdin.status, 2);
    assert.match(fromStdin.stderr, /<stdin>:1: invalid UTF-8 at byte 3/);
    // U+FFFD written as UTF-8 is valid text, not an error.
    const replacement = await memlane([file('fffd.py', 'mark = "\uFFFD"\n')]);
    assert.equal(replacement.status, 0, replacement.stderr);
  });
});
