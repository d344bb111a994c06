// Heap objects of a trace's JSON read into the typed union by kind: the kind each shape gets, the
// fields kept, the same typed object for the same JSON, the JSON left as it was, and errors that
// name the step, the object and the field.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { traceToLayout } from '../../src/layout/trace-to-layout.ts';
import { foldTrace } from '../../src/trace/fold-trace.ts';
import { readHeapObject, TraceShapeError } from '../../src/trace/read-heap-object.ts';
import { loadTrace } from '../fixtures/traces/load.ts';

const read = (json: unknown) => readHeapObject(json, 'steps[0].heap.o1');

const AT = 'steps\\[0\\]\\.heap\\.o1';
const fails = (json: unknown, message: string) =>
  assert.throws(
    () => read(json),
    (e: Error) => e instanceof TraceShapeError && new RegExp(`${AT}${message}`, 's').test(e.message),
  );

describe('readHeapObject', () => {
  it('gives the kindless shapes of the JSON the kind their fields say', () => {
    assert.deepEqual(read({ type: 'int', repr: '3', immortal: true }), {
      type: 'int',
      immortal: true,
      kind: 'scalar',
      repr: '3',
    });
    assert.deepEqual(read({ type: 'list', items: [{ ref: 'o2' }], length: 41, elided: { at: 20, count: 1 } }), {
      type: 'list',
      kind: 'sequence',
      items: [{ ref: 'o2' }],
      elided: { at: 20, count: 1 },
      length: 41,
    });
    assert.deepEqual(read({ type: 'dict', entries: [[{ ref: 'o2' }, { ref: 'o3' }]] }), {
      type: 'dict',
      kind: 'dict',
      entries: [[{ ref: 'o2' }, { ref: 'o3' }]],
    });
    assert.deepEqual(read({ type: 'SimpleNamespace', attrs: [['x', { ref: 'o2' }]] }), {
      type: 'SimpleNamespace',
      kind: 'namespace',
      attrs: [['x', { ref: 'o2' }]],
    });
  });

  it('keeps the kind the JSON gives and the fields of that kind, and leaves unknown ones out', () => {
    const stack = { type: 'Stack', kind: 'instance', attrs: [], items: [{ ref: 'o2' }], unreachable: true };
    assert.deepEqual(read({ ...stack, futureField: 1 }), stack);
    const generator = { type: 'generator', kind: 'generator', name: 'count', state: 'suspended', frame: 'f2', line: 3 };
    assert.deepEqual(read({ ...generator, locals: [] }), { ...generator, locals: [] });
    const cell = { type: 'cell', kind: 'cell', empty: true, attrs: [] };
    assert.deepEqual(read(cell), cell);
  });

  it('gives the same typed object for the same JSON object, so every fold of a trace shares them', () => {
    const trace = loadTrace('c07_instances');
    const before = JSON.stringify(trace);
    const [first, second] = [foldTrace(trace), foldTrace(trace)];
    for (const [i, state] of first.entries()) {
      for (const [id, object] of state.heap) assert.equal(second[i]!.heap.get(id), object, `step ${i + 1}: ${id}`);
    }
    assert.equal(JSON.stringify(trace), before, 'the JSON is left as it was: the typed objects are new ones');
  });

  it('names the object and the field when a field has the wrong shape', () => {
    const badRef = { type: 'list', items: [{ ref: 'o2' }, { ref: 5 }] };
    fails(badRef, '\\.items\\[1\\] is \\{"ref":5\\}, not \\{"ref": id\\}');
    fails({ type: 'function', kind: 'function', attrs: [], name: 7 }, '\\.name is 7, not a string');
    fails({ type: 'coroutine', kind: 'coroutine' }, '\\.kind is "coroutine", not one of instance');
    fails({ type: 'thing' }, ' has no kind and none of repr, items, entries, attrs');
    fails({ repr: '1' }, ' needs a string type');
    fails([], ' is not an object.*\\nhint: pass the JSON printed by "memlane trace FILE.py"');
  });

  it('lets the layout say where a hand-edited trace is wrong, before drawing anything', () => {
    const trace = loadTrace('c01_bind');
    const [index, step] = [...trace.steps.entries()].find(([, s]) => Object.keys(s.heap).length > 0)!;
    const id = Object.keys(step.heap)[0]!;
    step.heap[id] = { type: 'list', items: 'eggs' };
    const where = `steps\\[${index}\\]\\.heap\\.${id}`;
    assert.throws(() => traceToLayout(trace), new RegExp(`not a trace v1: ${where}\\.items is "eggs", not a list of`));
  });
});
