import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  caretExcerpt,
  defaultDiagramOptions,
  extractNotes,
  fenceSpelling,
  flagSpelling,
  outcomeProblems,
  problemText,
} from '../../src/core/index.ts';
import { SnippetError } from '../../src/integration/snippet-error.ts';
import type { Trace, TraceError } from '../../src/trace/types.ts';

const failed = (error: TraceError): Trace => ({
  format: 'memlane-trace',
  version: 1,
  python: '3.14.2',
  source: '',
  stdout: '',
  error,
  steps: [],
});

describe('snippet problems', () => {
  it('put a caret under the column when Python gives one, else under the statement', () => {
    assert.equal(caretExcerpt(12, 'def f(:', 7), `  12 | def f(:\n${' '.repeat(2 + 5 + 6)}^`);
    assert.equal(caretExcerpt(3, '    y = x / 0'), `  3 |     y = x / 0\n${' '.repeat(2 + 4 + 4)}^^^^^^^^^`);
  });

  it(
    'underline exactly the columns Python points at: start to end (end exclusive), tabs widened, characters ' +
      'counted as Python does',
    () => {
      const under = (excerpt: string) => excerpt.split('\n')[1]!.slice(2 + '4 | '.length);
      assert.equal(under(caretExcerpt(4, 'total = count + cuont', 17, 22)), `${' '.repeat(16)}^^^^^`);
      assert.equal(
        under(caretExcerpt(4, '\ty = 1 / 0', 6, 11)),
        `${' '.repeat(4 + 4)}^^^^^`,
        'a tab before the range is shown as four spaces',
      );
      assert.equal(
        under(caretExcerpt(4, 's = "🐍"; n = s + 1', 14, 19)),
        `${' '.repeat(14)}^^^^^`,
        'an astral character is one column to Python, two UTF-16 units to JavaScript',
      );
      assert.equal(
        under(caretExcerpt(4, 'def f(x)', 9, 10)),
        `${' '.repeat(8)}^`,
        'a caret just past the end of the line',
      );
      assert.equal(
        under(caretExcerpt(4, 'x = 1', 40, 41)),
        '^^^^^',
        'a column outside the line underlines the statement',
      );
    },
  );

  it('take the columns of a Python error from the trace, and none for a limit, which stops a whole line', () => {
    const snippet = extractNotes('count = 3\ntotal = count + cuont');
    const [name] = outcomeProblems(
      failed({ type: 'NameError', message: "name 'cuont' is not defined", line: 2, column: 17, endColumn: 22 }),
      defaultDiagramOptions,
      snippet,
      fenceSpelling,
    );
    assert.deepEqual([name!.column, name!.endColumn, name!.pythonError], [17, 22, 'NameError']);
    assert.match(problemText(name!, 'content/a.md', 10), /\n {2}11 \| total = count \+ cuont\n {23}\^{5}\nhint: /);
    const [limit] = outcomeProblems(
      failed({ type: 'StepLimitError', message: 'stopped', line: 2, column: 9, endColumn: 14 }),
      defaultDiagramOptions,
      snippet,
      fenceSpelling,
    );
    assert.deepEqual([limit!.column, limit!.endColumn], [undefined, undefined]);
  });

  it('name the page line of the failing code line, across stripped note lines', () => {
    // Line 3 as written is a note of its own; the code line `y = x / 0` is line 3 of the code run.
    const snippet = extractNotes('x = 1\nz = 2\n# @note divides\ny = x / 0');
    const [problem] = outcomeProblems(
      failed({ type: 'ZeroDivisionError', message: 'division by zero', line: 3 }),
      defaultDiagramOptions,
      snippet,
      fenceSpelling,
    );
    const error = new SnippetError(problem!, { file: 'content/a.md', firstLine: 20 });
    assert.equal(error.loc.line, 23);
    assert.match(
      error.message,
      new RegExp(
        String.raw`^content\/a\.md:23: the Python snippet failed: ZeroDivisionError: division by zero\n {2}23 \| y ` +
          String.raw`= x \/ 0\n\s+\^{9}\nhint: .*raises=ZeroDivisionError`,
      ),
    );
  });

  it("explain limits and a different exception than raises expected, in each surface's spelling", () => {
    const snippet = extractNotes('while True:\n    pass');
    const limit = failed({ type: 'StepLimitError', message: 'stopped after 1000 steps', line: 2 });
    assert.match(outcomeProblems(limit, defaultDiagramOptions, snippet, fenceSpelling)[0]!.hint, /max-steps=N/);
    assert.match(outcomeProblems(limit, defaultDiagramOptions, snippet, flagSpelling)[0]!.hint, /--max-steps N/);
    const other = failed({ type: 'KeyError', message: "'a'", line: 1 });
    const expecting = { ...defaultDiagramOptions, raises: 'TypeError' };
    assert.match(
      outcomeProblems(other, expecting, snippet, fenceSpelling)[0]!.hint,
      /raises=TypeError says the snippet ends with TypeError, but it raised KeyError/,
    );
    assert.match(
      problemText(outcomeProblems(other, expecting, snippet, flagSpelling)[0]!, 'a.py'),
      /^a\.py:1: .*\n {2}1 \| while True:\n.*\nhint: --raises TypeError says/,
    );
  });
});
