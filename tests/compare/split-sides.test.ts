// A compare fence's body splits into its sides at `# @side` lines: labels, options after them, and the
// problems that stop a comparison (code before the first side, one side, four, a label twice).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hasSides, splitSides } from '../../src/compare/split-sides.ts';

/** The sides of a body that must split, or a failure naming the problems. */
function sidesOf(lines: string[]) {
  const read = splitSides(lines.join('\n'));
  assert.ok(read.ok, `the body should split: ${read.ok ? '' : JSON.stringify(read.problems)}`);
  return read.sides;
}

/** The one problem of a body that must not split. */
function problemOf(lines: string[]) {
  const read = splitSides(lines.join('\n'));
  assert.equal(read.ok, false, 'the body should not split');
  if (read.ok) throw new Error('unreachable');
  assert.equal(read.problems.length, 1);
  return read.problems[0]!;
}

describe('splitSides', () => {
  it('reads each side: its label, its code and the fence-body line of its first code line', () => {
    const sides = sidesOf(['# @side copy.copy', 'a = [[1]]', 'b = a[:]', '# @side copy.deepcopy', 'a = [[1]]']);
    assert.deepEqual(sides, [
      { label: 'copy.copy', meta: '', firstLine: 2, written: 'a = [[1]]\nb = a[:]' },
      { label: 'copy.deepcopy', meta: '', firstLine: 5, written: 'a = [[1]]' },
    ]);
  });

  it('keeps labels with spaces, brackets and symbols, and drops quotes around a label', () => {
    const sides = sidesOf([
      '# @side [row] * 3',
      'x = 1',
      '#@side "three rows"',
      'x = 2',
      '  #  @side a, b = 1',
      'x = 3',
    ]);
    assert.deepEqual(
      sides.map((side) => side.label),
      ['[row] * 3', 'three rows', 'a, b = 1'],
    );
  });

  it('reads trailing words naming a fence option as options, the words before them as the label', () => {
    const sides = sidesOf([
      '# @side int("x") raises=ValueError',
      'int("x")',
      '# @side int("1") scalars=inline',
      'y = 1',
    ]);
    assert.deepEqual(
      sides.map(({ label, meta }) => [label, meta]),
      [
        ['int("x")', 'raises=ValueError'],
        ['int("1")', 'scalars=inline'],
      ],
    );
    const two = sidesOf(['# @side loop max-steps=50 scalars=inline', 'x = 1', '# @side other', 'x = 2']);
    assert.deepEqual([two[0]!.label, two[0]!.meta], ['loop', 'max-steps=50 scalars=inline']);
  });

  it('keeps `name=value` words that name no fence option in the label', () => {
    const sides = sidesOf(['# @side acc=[]', 'acc = []', '# @side acc=None', 'acc = None']);
    assert.deepEqual(
      sides.map(({ label, meta }) => [label, meta]),
      [
        ['acc=[]', ''],
        ['acc=None', ''],
      ],
    );
    // An option word alone is the label: a side needs one.
    assert.deepEqual(
      sidesOf(['# @side raises=ValueError', 'x = 1', '# @side b', 'x = 2'])[0]!.label,
      'raises=ValueError',
    );
  });

  it('allows blank lines and comments before the first side', () => {
    const sides = sidesOf(['', '# two ways to copy', '', '# @side a', 'x = 1', '# @side b', 'x = 2']);
    assert.deepEqual(
      sides.map((side) => [side.label, side.firstLine]),
      [
        ['a', 5],
        ['b', 7],
      ],
    );
  });

  it('stops at code before the first side, on its line, with a hint', () => {
    const found = problemOf(['# intro', 'x = 1', '# @side a', 'y = 1', '# @side b', 'y = 2']);
    assert.equal(found.line, 2);
    assert.match(found.message, /code before the first `# @side` line/);
    assert.equal(found.excerpt, 'x = 1');
    assert.match(found.hint ?? '', /# @side LABEL/);
  });

  it('stops at a comparison of one side, naming its side line', () => {
    const found = problemOf(['', '# @side alone', 'x = 1']);
    assert.equal(found.line, 2);
    assert.match(found.message, /needs a second `# @side`/);
    const none = problemOf(['# only a comment']);
    assert.match(none.message, /has no `# @side` line/);
  });

  it('takes two and three sides, and stops at a fourth on its side line', () => {
    const three = sidesOf(['# @side a', 'x = 1', '# @side b', 'x = 2', '# @side c', 'x = 3']);
    assert.deepEqual(
      three.map((side) => side.written),
      ['x = 1', 'x = 2', 'x = 3'],
    );
    const found = problemOf(['# @side a', 'x = 1', '# @side b', 'x = 2', '# @side c', 'x = 3', '# @side d', 'x = 4']);
    assert.equal(found.line, 7);
    assert.match(found.message, /at most 3 sides/);
  });

  it('stops at a label used twice, on its second side line', () => {
    const found = problemOf(['# @side a', 'x = 1', '# @side b', 'x = 2', '# @side  a ', 'x = 3']);
    assert.equal(found.line, 5);
    assert.match(found.message, /the label "a" is used twice/);
    assert.equal(found.excerpt, '# @side  a ');
  });

  it('stops at a side line without a label', () => {
    const found = problemOf(['# @side a', 'x = 1', '# @side', 'x = 2']);
    assert.equal(found.line, 3);
    assert.match(found.message, /without a label/);
  });

  it('leaves blank lines between one side and the next out of both, and keeps those inside a side', () => {
    const sides = sidesOf(['# @side a', 'x = 1', '', 'y = 2', '', '', '# @side b', '', 'x = 2', '', '']);
    assert.deepEqual(
      sides.map((side) => [side.written, side.firstLine]),
      [
        ['x = 1\n\ny = 2', 2],
        ['\nx = 2', 8],
      ],
    );
  });

  it('reads Windows line ends as Unix ones', () => {
    const read = splitSides('# @side a\r\nx = 1\r\n# @side b\r\nx = 2\r\n');
    assert.ok(read.ok);
    assert.deepEqual(
      read.sides.map((side) => [side.label, side.written]),
      [
        ['a', 'x = 1'],
        ['b', 'x = 2'],
      ],
    );
  });

  it('tells code with a side line (which the playground opens as a comparison) from code without', () => {
    assert.equal(hasSides('x = 1\n  # @side a\n'), true);
    assert.equal(hasSides('x = 1  # @sideways\n# @note side'), false);
  });
});
