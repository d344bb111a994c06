import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { extractNotes } from '../../src/integration/extract-notes.ts';
import { caretExcerpt, unexpectedTraceError } from '../../src/integration/snippet-error.ts';

describe('snippet build errors', () => {
  it('put a caret under the column when Python gives one, else under the statement', () => {
    assert.equal(caretExcerpt(12, 'def f(:', 7), `  12 | def f(:\n${' '.repeat(2 + 5 + 6)}^`);
    assert.equal(caretExcerpt(3, '    y = x / 0'), `  3 |     y = x / 0\n${' '.repeat(2 + 4 + 4)}^^^^^^^^^`);
  });

  it('name the page line of the failing code line, across stripped note lines', () => {
    // Line 3 as written is a note of its own; the code line `y = x / 0` is line 3 of the code run.
    const snippet = extractNotes('x = 1\nz = 2\n# @note divides\ny = x / 0');
    const error = unexpectedTraceError({ type: 'ZeroDivisionError', message: 'division by zero', line: 3 }, snippet, { file: 'content/a.md', firstLine: 20 }, null);
    assert.equal(error.loc.line, 23);
    assert.match(error.message, /^content\/a\.md:23: the Python snippet failed: ZeroDivisionError: division by zero\n  23 \| y = x \/ 0\n\s+\^{9}\nhint: .*raises=ZeroDivisionError/);
  });

  it('explain limits and a different exception than raises= expected', () => {
    const snippet = extractNotes('while True:\n    pass');
    const limit = unexpectedTraceError({ type: 'StepLimitError', message: 'stopped after 1000 steps', line: 2 }, snippet, { file: 'p.md', firstLine: 5 }, null);
    assert.match(limit.hint, /max-steps=N/);
    const other = unexpectedTraceError({ type: 'KeyError', message: "'a'", line: 1 }, snippet, { file: 'p.md', firstLine: 5 }, 'TypeError');
    assert.match(other.hint, /raises=TypeError, but the snippet raised KeyError/);
  });
});
