// A snippet that fails in CPython exits 1 with file:line, the Python error, the line with a caret and a
// hint; a step out of range exits 2 and names the valid range. Nothing is written in either case.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fixture, tempDir } from './run-cli.ts';
import { runMain } from './run-main.ts';

describe('memlane render: failing snippets', () => {
  it('reports an uncaught exception with the offending line and suggests --raises', async () => {
    const out = join(tempDir(), 'x.svg');
    const result = await runMain(['render', fixture('raises.py'), '-o', out]);
    assert.equal(result.code, 1);
    assert.match(result.stderr, /raises\.py:3: the Python snippet failed: IndexError: list index out of range/);
    // Python points at `items[5]`, columns 7 to 14.
    assert.match(result.stderr, /\n {2}3 \| print\(items\[5\]\)\n {12}\^{8}\n/);
    assert.match(result.stderr, /hint: if the snippet is meant to end with this exception, add --raises IndexError/);
    assert.equal(existsSync(out), false);
  });

  it('draws a snippet that ends with the exception --raises expects', async () => {
    const out = join(tempDir(), 'x.svg');
    const result = await runMain(['render', fixture('raises.py'), '--raises', 'IndexError', '-o', out]);
    assert.equal(result.code, 0, result.stderr);
    assert.ok(existsSync(out));
  });

  it('fails when the snippet raises another exception than --raises says, or none', async () => {
    const other = await runMain(['render', fixture('raises.py'), '--raises', 'TypeError']);
    assert.equal(other.code, 1);
    assert.match(
      other.stderr,
      /hint: --raises TypeError says the snippet ends with TypeError, but it raised IndexError/,
    );
    const none = await runMain(['render', fixture('aliasing.py'), '--raises', 'TypeError']);
    assert.equal(none.code, 1);
    assert.match(
      none.stderr,
      /aliasing\.py:\d+: --raises TypeError says the snippet ends with TypeError, but it ran to its end/,
    );
  });

  it('reports a syntax error at its line', async () => {
    const result = await runMain(['render', fixture('syntax-error.py')]);
    assert.equal(result.code, 1);
    assert.match(result.stderr, /syntax-error\.py:1: the Python snippet failed: SyntaxError: /);
    assert.match(result.stderr, /1 \| numbers = \[1, 2\n/);
    assert.match(result.stderr, /hint: fix the Python syntax at the caret/);
    assert.equal(result.stdout.length, 0);
  });

  it('stops an endless loop at --max-steps and says how to raise the limit', async () => {
    const result = await runMain(['render', fixture('endless.py'), '--max-steps', '40']);
    assert.equal(result.code, 1);
    assert.match(result.stderr, /endless\.py:\d: the Python snippet failed: StepLimitError: .*40/);
    assert.match(result.stderr, /hint: .*--max-steps N/);
  });

  it('names the valid range for a step out of range', async () => {
    const result = await runMain(['render', fixture('aliasing.py'), '--step', '999']);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /--step 999 is out of range: the snippet runs (\d+) steps \(1\.\.\1\)/);
    assert.match(result.stderr, /hint: use --step last or a number from 1 to \d+/);
    assert.equal(result.stdout.length, 0);
  });
});
