// Auto scalars: a str a name held alone (written in its row) that another reference comes to share
// is drawn as one box with an arrow from each reference, the name's row included, and is not "new".
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { includesStep } from '../../src/layout/step-ranges.ts';
import { traceToLayout } from '../../src/layout/trace-to-layout.ts';
import type { Trace } from '../../src/trace/types.ts';

// people = []; name = 'Ada'; people.append(name), up to the last line: as `self.name = name` in an __init__, the
// frame's rows
// stay as they were while the str comes to be shared at step 3.
const frame = (line: number) => [
  {
    id: 'f1',
    name: '<module>',
    line,
    locals: [
      ['people', { ref: 'o2' }],
      ['name', { ref: 'o1' }],
    ] as [string, { ref: string }][],
  },
];
const trace: Trace = {
  format: 'memlane-trace',
  version: 1,
  python: '3.14.2',
  source: "people = []\nname = 'Ada'\npeople.append(name)\ndone = True\n",
  stdout: '',
  error: null,
  steps: [
    { event: 'line', line: 1, stdout: 0, stack: [{ id: 'f1', name: '<module>', line: 1, locals: [] }], heap: {} },
    {
      event: 'line',
      line: 3,
      stdout: 0,
      stack: frame(3),
      heap: { o2: { type: 'list', items: [] }, o1: { type: 'str', repr: "'Ada'" } },
    },
    { event: 'line', line: 4, stdout: 0, stack: frame(4), heap: { o2: { type: 'list', items: [{ ref: 'o1' }] } } },
  ],
};

describe('a scalar that comes to be shared', () => {
  const layout = traceToLayout(trace, { scalars: 'auto' });
  const arrowsTo = (id: string, step: number) =>
    layout.arrows
      .filter((arrow) => arrow.to === id && includesStep(arrow.steps, step))
      .map((arrow) => arrow.from)
      .sort();

  it('is written in the row while one name holds it, then a box both references point at', () => {
    assert.deepEqual(arrowsTo('o1', 2), [], 'step 2: the text in the row');
    assert.deepEqual(arrowsTo('o1', 3), ['f1', 'o2'], 'step 3: an arrow from the name and one from the list');
    // The frame's picture at each step: the name's row writes 'Ada' at step 2, and starts an arrow at step 3.
    const nameRow = (step: number) =>
      layout.frames[0]!.versions.find((version) => includesStep(version.steps, step))!.rows.find(
        (row) => row.label?.text === 'name',
      )!;
    assert.equal(nameRow(2).value?.text, "'Ada'");
    assert.equal(nameRow(3).value, undefined);
    assert.equal(nameRow(3).to, 'o1');
  });

  it('is not marked new when its box first shows: it existed, written in the row', () => {
    assert.deepEqual(
      layout.marks.filter((mark) => mark.target === 'o1' && mark.change === 'new'),
      [],
    );
    assert.ok(
      layout.marks.some((mark) => mark.target === 'o2' && mark.change === 'changed'),
      'the list changed',
    );
  });
});
