// Which names a line binds and where its comment starts, read without a parser.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { bindsName, commentStart, withoutStrings } from '../../src/core/python-line.ts';

describe('bindsName', () => {
  const binds: [string, string][] = [
    ['b = b + [3]', 'b'],
    ['a, b = b, a', 'a'],
    ['a, b = b, a', 'b'],
    ['x = y = []', 'y'],
    ['total += n', 'total'],
    ['for item in items:', 'item'],
    ['for i, (k, v) in enumerate(d.items()):', 'v'],
    ['with open(p) as handle:', 'handle'],
    ['except KeyError as error:', 'error'],
    ['import copy', 'copy'],
    ['from copy import deepcopy, copy', 'deepcopy'],
    ['def greet(name):', 'greet'],
    ['class Node:', 'Node'],
    ['if (n := len(xs)) > 2:', 'n'],
    ['count: int = 0', 'count'],
    ['(first, *rest) = values', 'rest'],
  ];
  for (const [line, name] of binds) test(`\`${line}\` binds ${name}`, () => assert.equal(bindsName(line, name), true));
  const not: [string, string][] = [
    ['b.append(3)', 'b'],
    ['b[0] = 3', 'b'],
    ['grid[i] = row', 'i'],
    ['node.next = other', 'next'],
    ['node.next = other', 'node'],
    ['print(a == b)', 'a'],
    ['f(x=1)', 'x'],
    ['s = "b = 1"', 'b'],
    ['total += n', 'n'],
    ['x = y', 'y'],
    ['for item in items:', 'items'],
  ];
  for (const [line, name] of not)
    test(`\`${line}\` does not bind ${name}`, () => assert.equal(bindsName(line, name), false));
});

describe('commentStart and withoutStrings', () => {
  test('a # inside a string starts no comment', () => {
    assert.equal(commentStart('s = "#1"  # @predict s'), 10);
    assert.equal(commentStart("s = '#'"), -1);
  });
  test('string contents are blanked, the comment dropped, positions kept', () => {
    assert.equal(withoutStrings('print(a, "c d")  # b'), `print(a, ${' '.repeat(5)})  `);
  });
});
