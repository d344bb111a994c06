import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lineLabel } from '../../src/slides/line-label.ts';
import { foldTrace } from '../../src/trace/fold-trace.ts';
import { loadTrace } from '../fixtures/traces/load.ts';

/** Every label of a recorded trace, with the step it marks: "5 call to area". */
function labels(name: string): string[] {
  const states = foldTrace(loadTrace(name));
  return states.flatMap((_, i) => {
    const label = lineLabel(states, i + 1);
    return label ? [`${i + 1} ${label.alert ? '!' : ''}${label.text}`] : [];
  });
}

describe('lineLabel', () => {
  it('names calls and the values functions return', () => {
    const found = labels('c03_frames');
    assert.equal(found[0], '1 start of program');
    assert.ok(found.some((l) => / call to describe$/.test(l)));
    assert.ok(found.some((l) => / call to area$/.test(l)));
    assert.ok(
      found.some((l) => / area returns 12$/.test(l)),
      found.join(', '),
    );
    assert.ok(
      found.some((l) => / describe returns '3x4=12'$/.test(l)),
      found.join(', '),
    );
    assert.match(found.at(-1)!, / end of program$/);
  });

  it('tells a generator starting, yielding and resuming from a call and a return', () => {
    const found = labels('c11_generator_frame').map((l) => l.replace(/^\d+ /, ''));
    assert.deepEqual(found, [
      'start of program',
      'countdown starts',
      'countdown yields 3',
      'countdown resumes',
      'countdown yields 2',
      'end of program',
    ]);
  });

  it('marks an exception where it is raised and as it leaves each frame, in the alert colour', () => {
    const found = labels('r03_exception').map((l) => l.replace(/^\d+ /, ''));
    const tail = found.slice(found.indexOf('!raises ZeroDivisionError'));
    assert.deepEqual(tail, [
      '!raises ZeroDivisionError',
      '!divide passes ZeroDivisionError on',
      '!raises ZeroDivisionError',
      '!average passes ZeroDivisionError on',
      '!raises ZeroDivisionError',
      '!ZeroDivisionError ends the program',
    ]);
  });

  it('says nothing for a plain line, and refuses a step out of range', () => {
    const states = foldTrace(loadTrace('c01_bind'));
    const plain = states.findIndex((s) => s.step.event === 'line');
    assert.equal(lineLabel(states, plain + 1), undefined);
    assert.throws(() => lineLabel(states, states.length + 1), /step \d+ is out of range/);
  });
});
