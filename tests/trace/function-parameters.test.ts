// A function's parameters: taken from the trace's `parameters` field, read from the signature of
// older traces, and drawn by layout as a header with each default as … and a row per default.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { objectContent, type ValueView } from '../../src/layout/object-content.ts';
import { parameterListText, parametersOf } from '../../src/trace/function-parameters.ts';
import type { FunctionObject, Parameter } from '../../src/trace/types.ts';

const fn = (fields: Partial<FunctionObject>): FunctionObject => ({
  type: 'function',
  kind: 'function',
  name: 'f',
  attrs: [],
  ...fields,
});
const view: ValueView = { inlineText: () => undefined, inlineOf: () => undefined, scalarRepr: () => undefined };

const everyKind: Parameter[] = [
  { name: 'a', kind: 'positional-only' },
  { name: 'b', kind: 'positional-only', default: true },
  { name: 'c', kind: 'positional-or-keyword', default: true },
  { name: 'args', kind: 'var-positional' },
  { name: 'd', kind: 'keyword-only' },
  { name: 'e', kind: 'keyword-only', default: true },
  { name: 'kw', kind: 'var-keyword' },
];

describe('function parameters', () => {
  test('the field is used as the tracer wrote it', () => {
    assert.deepEqual(
      parametersOf(fn({ signature: "(a, b=[], /, c=1, *args, d, e='x', **kw)", parameters: everyKind })),
      everyKind,
    );
  });

  test('a trace without the field has them read from its signature, the same', () => {
    assert.deepEqual(parametersOf(fn({ signature: "(a, b=[], /, c=1, *args, d, e='x', **kw)" })), everyKind);
    assert.deepEqual(parametersOf(fn({ signature: '(x, *, y=None)' })), [
      { name: 'x', kind: 'positional-or-keyword' },
      { name: 'y', kind: 'keyword-only', default: true },
    ]);
    assert.deepEqual(parametersOf(fn({ signature: '()' })), []);
    assert.equal(
      parametersOf(fn({ signature: '(...)' })),
      undefined,
      "the tracer's placeholder is not a parameter list",
    );
    assert.equal(parametersOf(fn({})), undefined);
  });

  test('the header shows each default as …, with the / and * markers where Python writes them', () => {
    assert.equal(parameterListText(everyKind), '(a, b=…, /, c=…, *args, d, e=…, **kw)');
    assert.equal(
      parameterListText([
        { name: 'x', kind: 'positional-or-keyword' },
        { name: 'y', kind: 'keyword-only', default: true },
      ]),
      '(x, *, y=…)',
    );
    assert.equal(parameterListText([]), '()');
  });

  test('layout names each default row after its parameter, even when a default has a comma in its repr', () => {
    const joiner = fn({
      name: 'join',
      signature: "(words, sep=', ', *, end=')')",
      parameters: [
        { name: 'words', kind: 'positional-or-keyword' },
        { name: 'sep', kind: 'positional-or-keyword', default: true },
        { name: 'end', kind: 'keyword-only', default: true },
      ],
      defaults: [{ ref: 'o2' }, { ref: 'o3' }],
    });
    const content = objectContent(joiner, view);
    assert.equal(content.title, 'function join(words, sep=…, *, end=…)');
    assert.deepEqual(
      content.rows.map((row) => row.label),
      ['default sep', 'default end'],
    );
  });

  test("a function the tracer could not describe keeps the tracer's words", () => {
    assert.equal(objectContent(fn({ signature: '(...)' }), view).title, 'function f(...)');
    assert.equal(objectContent(fn({}), view).title, 'function f(…)');
  });
});
