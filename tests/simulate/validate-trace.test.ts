// The validator accepts real traces and names what is wrong with broken ones.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { assertValidTrace, traceProblems } from '../../src/trace/validate-trace.ts';
import type { Trace } from '../../src/trace/types.ts';
import { resolveOptions } from '../../src/simulate/index.ts';

const valid = (): Trace => ({
  format: 'memlane-trace',
  version: 1,
  python: '3.14.2',
  source: 'a = [1]\n',
  stdout: '',
  error: null,
  steps: [
    { event: 'line', line: 1, stdout: 0, stack: [{ id: 'f1', name: '<module>', line: 1, locals: [] }], heap: {} },
    {
      event: 'return',
      line: 1,
      stdout: 0,
      stack: [{ id: 'f1', name: '<module>', line: 1, locals: [['a', { ref: 'o1' }]] }],
      heap: { o1: { type: 'list', items: [{ ref: 'o2' }] }, o2: { type: 'int', repr: '1' } },
    },
  ],
});

describe('trace validation', () => {
  test('a well-formed trace has no problems', () => {
    assert.deepEqual(traceProblems(valid()), []);
  });

  test('schema violations are reported with their place', () => {
    const wrongEvent = valid();
    (wrongEvent.steps[0] as { event: string }).event = 'jump';
    assert.match(traceProblems(wrongEvent).join('\n'), /\/steps\/0\/event/);
    const noVersion = valid() as Partial<Trace>;
    delete noVersion.version;
    assert.match(traceProblems(noVersion).join('\n'), /version/);
    const longRepr = valid();
    longRepr.steps[1]!.heap.o2 = { type: 'str', repr: 'x'.repeat(121) };
    assert.match(traceProblems(longRepr).join('\n'), /repr/);
  });

  test('dangling refs, bad gone lists and stdout past the end are caught', () => {
    const dangling = valid();
    dangling.steps[1]!.heap = { o1: { type: 'list', items: [{ ref: 'o9' }] } };
    assert.match(traceProblems(dangling).join('\n'), /object o1 refers to o9/);
    const badGone = valid();
    badGone.steps[0]!.gone = ['o5'];
    assert.match(traceProblems(badGone).join('\n'), /gone names o5/);
    const pastEnd = valid();
    pastEnd.steps[1]!.stdout = 3;
    assert.match(traceProblems(pastEnd).join('\n'), /past the end of stdout/);
    assert.throws(() => assertValidTrace(dangling, 'x.json'), /x\.json is not a valid memlane trace v1[\s\S]*hint/);
  });

  test('simulator options are checked once, with the defaults filled in', () => {
    assert.deepEqual(resolveOptions({ maxSteps: 5 }), {
      maxSteps: 5,
      timeoutMs: 10_000,
      maxOutput: 100_000,
      maxMemoryMb: 256,
      showModules: false,
      filename: undefined,
    });
    assert.equal(resolveOptions({ maxSteps: undefined, timeoutMs: 500 }).maxSteps, 1000, 'undefined means the default');
    assert.throws(() => resolveOptions({ timeoutMs: 1.5 }), /timeoutMs must be a whole number \(got 1.5\)/);
    assert.throws(
      () => resolveOptions({ showModules: 'yes' } as never),
      /showModules must be true or false \(got "yes"\)/,
    );
    assert.throws(() => resolveOptions({ maxMemoryMb: 4 }), /maxMemoryMb must be from 16 to 3072 \(got 4\)/);
  });
});
