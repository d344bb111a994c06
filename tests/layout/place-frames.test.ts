// The frames' column: frames never on the stack at one step (two tasks' coroutines taking turns)
// share room, so the running frame sits right under the frames it runs on.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { overlapInTime } from '../../src/layout/position/free-space.ts';
import { placeFrames } from '../../src/layout/position/place-frames.ts';
import type { GraphNode } from '../../src/layout/structure-graph.ts';

const frame = (id: string, shown: number[], index: number): GraphNode => ({
  id,
  frame: true,
  type: '',
  geometry: { width: 120, height: 60, headerHeight: 24, divider: 60, versions: [] },
  first: shown[0]!,
  last: shown[shown.length - 1]!,
  shown,
  index,
});

describe('placeFrames', () => {
  it('overlapInTime looks at the steps shown, not only the first and last', () => {
    assert.equal(overlapInTime({ first: 1, last: 5, shown: [1, 3, 5] }, { first: 2, last: 4, shown: [2, 4] }), false);
    assert.equal(overlapInTime({ first: 1, last: 5, shown: [1, 3, 5] }, { first: 2, last: 5, shown: [2, 5] }), true);
    assert.equal(overlapInTime({ first: 1, last: 5 }, { first: 2, last: 4, shown: [2, 4] }), true);
    assert.equal(overlapInTime({ first: 1, last: 2 }, { first: 3, last: 4 }), false);
  });

  it('puts frames that take turns under one frame at one place, and a frame on the stack with them below', () => {
    const loop = frame('loop', [1, 2, 3, 4, 5, 6], 0);
    const taskA = frame('a', [2, 4], 1);
    const taskB = frame('b', [3, 5], 2);
    const helper = frame('helper', [5], 3);
    const below = new Map([
      ['a', new Set(['loop'])],
      ['b', new Set(['loop'])],
      ['helper', new Set(['loop', 'b'])],
    ]);
    const y = placeFrames([loop, taskA, taskB, helper], below, 16);
    assert.equal(y.get('a'), y.get('b'));
    assert.ok(y.get('a')! > y.get('loop')! + 60, 'a task frame sits under the loop');
    assert.ok(y.get('helper')! >= y.get('b')! + 60, 'a frame called from b sits under b');
  });

  it('keeps frames shown at one step apart', () => {
    const outer = frame('outer', [1, 2, 3], 0);
    const first = frame('first', [2, 3], 1);
    const second = frame('second', [3], 2);
    const y = placeFrames([outer, first, second], new Map([['first', new Set(['outer'])]]), 16);
    const [a, b] = [y.get('first')!, y.get('second')!].sort((p, q) => p - q);
    assert.ok(b! >= a! + 60, 'two frames of step 3 do not overlap');
  });
});
