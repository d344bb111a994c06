// The one tokenizer: its runs are the code exactly, each run of the kind its colour is looked up by.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { pythonTokens } from '../../src/highlight/python-tokens.ts';

/** `kind:text` per run, space trimmed and space-only runs left out. */
const kinds = (code: string) =>
  pythonTokens(code).map((runs) =>
    runs.filter(({ text }) => text.trim()).map(({ kind, text }) => `${kind}:${text.trim()}`),
  );

describe('pythonTokens', () => {
  it('splits code into lines of runs that put together are the code', () => {
    const code = 'def f(a, *b):\n\treturn a  # é\n\n"""x\ny"""\n';
    const lines = pythonTokens(code);
    assert.equal(lines.map((runs) => runs.map((run) => run.text).join('')).join('\n'), code);
    assert.equal(lines.length, code.split('\n').length);
  });

  it('tells apart the kinds the colour table has, one run per change of kind', () => {
    const code = 'class Point(Base):  # note\n    def area(self, r=None):\n        return self.k * r.f(1.5, "s", True)';
    assert.deepEqual(kinds(code), [
      ['keyword:class', 'className:Point', 'text:(Base):', 'comment:# note'],
      ['keyword:def', 'function:area', 'text:(self, r', 'operator:=', 'constant:None', 'text:):'],
      [
        'keyword:return',
        'text:self.',
        'property:k',
        'operator:*',
        'text:r.',
        'function:f',
        'text:(',
        'number:1.5',
        'text:,',
        'string:"s"',
        'text:,',
        'constant:True',
        'text:)',
      ],
    ]);
  });

  it('colours calls, operator keywords, f-strings and star parameters', () => {
    assert.deepEqual(kinds('print(f"{x}", a is not b)\nasync def g(*a): yield -1'), [
      [
        'function:print',
        'text:(',
        'string:f"',
        'text:{x}',
        'string:"',
        'text:, a',
        'keyword:is',
        'keyword:not',
        'text:b)',
      ],
      [
        'keyword:async',
        'keyword:def',
        'function:g',
        'text:(',
        'keyword:*',
        'text:a):',
        'keyword:yield',
        'operator:-',
        'number:1',
      ],
    ]);
  });
});
