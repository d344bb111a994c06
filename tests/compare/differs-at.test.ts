// What differs at one moment, from hand-made name paths: names that share an object on some sides and
// not on others, paths on some sides only, the marks on every side's picture, and the sentence's words.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { differsAt } from '../../src/compare/differs-at.ts';
import type { NamePath } from '../../src/compare/name-paths.ts';

/** Paths from `words=id<from` entries, in the order namePaths lists them (breadth first). */
const paths = (...entries: string[]): NamePath[] =>
  entries.map((entry) => {
    const [, words, id, from] = /^(.+)=(\w+)<(\w+)$/.exec(entry)!;
    return { words: words!, id: id!, from: from! };
  });

/** Two rows of a grid, and a copy of the grid whose rows are the grid's own or copies of them. */
const shallow = paths('grid=g<f0', 'clone=c<f0', 'grid[0]=r0<g', 'grid[1]=r1<g', 'clone[0]=r0<c', 'clone[1]=r1<c');
const deep = paths('grid=g<f0', 'clone=c<f0', 'grid[0]=r0<g', 'grid[1]=r1<g', 'clone[0]=r2<c', 'clone[1]=r3<c');

describe('differsAt', () => {
  it('marks nothing and says nothing when every side shares the same way', () => {
    const found = differsAt([shallow, shallow], ['a', 'b']);
    assert.deepEqual(found, {
      marks: [
        { objects: [], arrows: [] },
        { objects: [], arrows: [] },
      ],
      sentence: '',
    });
  });

  it('names pairs that share an object on one side only, in one clause when their verdicts agree', () => {
    const found = differsAt([shallow, deep], ['copy.copy', 'copy.deepcopy']);
    assert.equal(
      found.sentence,
      '`clone[0]` is `grid[0]` and `clone[1]` is `grid[1]` on the copy.copy side, not on the copy.deepcopy side.',
    );
    // Every path of a differing pair is marked on both sides: its object and its last arrow.
    assert.deepEqual(found.marks, [
      { objects: ['r0', 'r1'], arrows: ['c>r0', 'c>r1', 'g>r0', 'g>r1'] },
      { objects: ['r0', 'r1', 'r2', 'r3'], arrows: ['c>r2', 'c>r3', 'g>r0', 'g>r1'] },
    ]);
  });

  it('names the sides that share first, in whichever order the sides are written', () => {
    const found = differsAt([deep, shallow], ['copy.deepcopy', 'copy.copy']);
    assert.equal(
      found.sentence,
      '`clone[0]` is `grid[0]` and `clone[1]` is `grid[1]` on the copy.copy side, not on the copy.deepcopy side.',
    );
    assert.deepEqual(found.marks[1], { objects: ['r0', 'r1'], arrows: ['c>r0', 'c>r1', 'g>r0', 'g>r1'] });
  });

  it('says how many objects each side has for a group of three names', () => {
    const repeated = paths('board=b<f0', 'board[0]=r<b', 'board[1]=r<b', 'board[2]=r<b');
    const built = paths('board=b<f0', 'board[0]=r0<b', 'board[1]=r1<b', 'board[2]=r2<b');
    const found = differsAt([repeated, built], ['[row] * 3', 'comprehension']);
    assert.equal(
      found.sentence,
      '`board[0]`, `board[1]` and `board[2]` are one object on the [row] * 3 side, three on the comprehension side.',
    );
    assert.deepEqual(found.marks, [
      { objects: ['r'], arrows: ['b>r'] },
      { objects: ['r0', 'r1', 'r2'], arrows: ['b>r0', 'b>r1', 'b>r2'] },
    ]);
  });

  it('counts the objects of every side of three, fewest first', () => {
    const one = paths('t=t<f0', 't[0]=x<t', 't[1]=x<t', 't[2]=x<t');
    const three = paths('t=t<f0', 't[0]=x<t', 't[1]=y<t', 't[2]=z<t');
    const two = paths('t=t<f0', 't[0]=x<t', 't[1]=x<t', 't[2]=z<t');
    assert.equal(
      differsAt([one, three, two], ['same', 'apart', 'half']).sentence,
      '`t[0]`, `t[1]` and `t[2]` are one object on the same side, two on the half side and three on the apart side.',
    );
    // Two sides that share a pair are named together.
    const pair = paths('a=x<f0', 'b=x<f0');
    const apart = paths('a=x<f0', 'b=y<f0');
    assert.equal(
      differsAt([pair, apart, pair], ['p', 'q', 'r']).sentence,
      '`b` is `a` on the p and r sides, not on the q side.',
    );
  });

  it('names a path in a function frame by its frame, and a path on one side only', () => {
    // Inside the second call of add(): the default list is `first` too, or a new list each call.
    const mutable = paths('first=l<f0', 'add=fn<f0', 'add: acc=l<f1', 'add.__defaults__[0]=l<fn');
    const none = paths('first=l1<f0', 'add=fn<f0', 'add: acc=l2<f1');
    const found = differsAt([mutable, none], ['acc=[]', 'acc=None']);
    assert.equal(
      found.sentence,
      '`acc` in add() is `first` on the acc=[] side, not on the acc=None side; ' +
        '`add.__defaults__[0]` only on the acc=[] side.',
    );
    assert.deepEqual(found.marks, [
      { objects: ['l'], arrows: ['f0>l', 'f1>l', 'fn>l'] },
      { objects: ['l1', 'l2'], arrows: ['f0>l1', 'f1>l2'] },
    ]);
  });

  it('marks a path on some sides only once, not the paths inside it', () => {
    const more = paths('a=x<f0', 'b=y<f0', 'b[0]=z<y', 'b[0].next=w<z');
    const fewer = paths('a=x<f0');
    const found = differsAt([more, fewer], ['left', 'right']);
    assert.equal(found.sentence, '`b` only on the left side.');
    assert.deepEqual(found.marks, [
      { objects: ['y'], arrows: ['f0>y'] },
      { objects: [], arrows: [] },
    ]);
  });

  it('names two differences of each kind and counts the rest', () => {
    const left = paths('a=x<f0', 'b=x<f0', 'c=y<f0', 'd=y<f0', 'e=z<f0', 'f=z<f0', 'p=p<f0', 'q=q<f0', 'r=r<f0');
    const right = paths('a=x1<f0', 'b=x2<f0', 'c=y1<f0', 'd=y2<f0', 'e=z1<f0', 'f=z2<f0');
    assert.equal(
      differsAt([left, right], ['L', 'R']).sentence,
      '`b` is `a` and `d` is `c` on the L side, not on the R side; `p` only on the L side; `q` only on the L side; ' +
        '2 more differences.',
    );
    const oneMore = paths('a=x<f0', 'b=x<f0', 'c=y<f0', 'd=y<f0', 'e=z<f0', 'f=z<f0');
    assert.match(differsAt([oneMore, right], ['L', 'R']).sentence, /; 1 more difference\.$/);
  });

  it('lists marks sorted and without repeats, whatever order the paths come in', () => {
    const left = paths('z=o9<f0', 'a=o1<f0', 'y=o9<f0', 'b=o1<f0');
    const right = paths('z=o9<f0', 'a=o1<f0', 'y=o8<f0', 'b=o2<f0');
    const { marks } = differsAt([left, right], ['L', 'R']);
    for (const side of marks) {
      for (const list of [side.objects, side.arrows]) assert.deepEqual(list, [...new Set(list)].sort());
    }
    assert.deepEqual(marks[0], { objects: ['o1', 'o9'], arrows: ['f0>o1', 'f0>o9'] });
  });
});
