// What the trace says about classes, cycles and finalizers matches what CPython says of them.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createSimulator, type Simulator } from '../../src/simulate/index.ts';
import { foldTrace } from '../../src/trace/fold-trace.ts';
import type { Trace } from '../../src/trace/types.ts';
import { assertValid, heapAt, stepAtLine, valueOf } from './trace-facts.ts';

let simulator: Simulator;
const run = async (source: string): Promise<Trace> => assertValid(await simulator.trace(source, { maxSteps: 5_000 }));
const names = (attrs: unknown) => (attrs as [string, unknown][]).map(([name]) => name);

describe('heap fidelity', () => {
  before(async () => {
    simulator = await createSimulator();
  });
  after(() => simulator.close());

  test('a class lists what its body defined, dunder methods included, and nothing automatic', async () => {
    const source = [
      'from dataclasses import dataclass',
      'class Ticket:',
      '    """A seat at the show."""',
      '    sold = 0',
      '    def __init__(self, seat):',
      '        self.seat = seat',
      '    def __repr__(self):',
      '        return f"Ticket({self.seat})"',
      '    def show(self):',
      '        return self.seat',
      'class Plain:',
      '    pass',
      '@dataclass',
      'class Point:',
      '    x: int = 0',
      '    def __eq__(self, other):',
      '        return True',
      'ticket = Ticket(7)',
      // CPython's own account of each namespace, to compare with.
      'print(list(vars(Ticket)))',
      'print(list(vars(Plain)))',
      'print(list(vars(Point)))',
    ].join('\n');
    const trace = await run(source);
    assert.equal(trace.error, null, JSON.stringify(trace.error));
    const [ticketKeys, plainKeys, pointKeys] = trace.stdout.trim().split('\n');
    // The facts under test: CPython keeps dunders and automatic entries side by side.
    assert.match(ticketKeys!, /'__module__'.*'__doc__'.*'sold'.*'__init__'.*'__repr__'.*'show'.*'__dict__'/);
    assert.match(plainKeys!, /'__doc__'/);
    assert.match(pointKeys!, /'__eq__'.*'__dataclass_fields__'.*'__init__'/);
    assert.deepEqual(names(valueOf(trace, 'Ticket').object.attrs), ['__doc__', 'sold', '__init__', '__repr__', 'show']);
    assert.deepEqual(names(valueOf(trace, 'Plain').object.attrs), []); // its __doc__ is None
    // The dataclass's generated __init__, __repr__, fields and docstring are not the reader's.
    assert.deepEqual(names(valueOf(trace, 'Point').object.attrs), ['x', '__eq__']);
    const heap = heapAt(trace);
    const init = (valueOf(trace, 'Ticket').object.attrs as [string, { ref: string }][])[2]![1].ref;
    assert.equal(heap.get(init)!.qualname, 'Ticket.__init__');
  });

  test('a cycle of dicts is flagged unreachable, the interned keys it holds are not', async () => {
    const source = [
      'import gc, sys',
      'first = {"name": "a"}',
      'second = {"name": "b", "other": first}',
      'first["other"] = second',
      'print(sys._is_interned("name"), sys._is_interned("other"), gc.is_tracked("name"), gc.is_tracked(first))',
      'del first',
      'del second',
      'freed = gc.collect()',
      'print(freed >= 2)',
    ].join('\n');
    const trace = await run(source);
    assert.equal(trace.stdout, 'True True False True\nTrue\n', 'CPython: the keys are interned and untracked, the dicts tracked');
    const first = valueOf(trace, 'first', stepAtLine(trace, 5)).id;
    const second = valueOf(trace, 'second', stepAtLine(trace, 6)).id;
    const beforeCollect = heapAt(trace, stepAtLine(trace, 8));
    const flagged = [...beforeCollect].filter(([, object]) => object.unreachable).map(([id]) => id).sort();
    assert.deepEqual(flagged, [first, second].sort(), 'only the two dicts are kept alive by their cycle');
    const strings = [...beforeCollect].filter(([, object]) => object.type === 'str');
    assert.ok(strings.length >= 2 && strings.every(([, object]) => !object.unreachable));
    const gone = trace.steps[stepAtLine(trace, 9) - 1]!.gone ?? [];
    assert.ok(gone.includes(first) && gone.includes(second), 'gc.collect() freed the dicts');
  });

  test('objects keep their ids while the collector runs their __del__, and are gone once freed', async () => {
    const source = [
      'import gc',
      'class Node:',
      '    def __init__(self, name):',
      '        self.name = name',
      '        self.peer = None',
      'class Noisy(Node):',
      '    def __del__(self):',
      '        print("bye", self.name, self.peer.name)',
      'a = Noisy("a")',
      'b = Node("b")',
      'a.peer = b',
      'b.peer = a',
      'del a, b',
      'print(gc.collect() >= 2)',
      'done = True',
    ].join('\n');
    const trace = await run(source);
    assert.equal(trace.stdout, 'bye a b\nTrue\n', 'CPython ran the finalizer during the collection');
    const a = valueOf(trace, 'a', stepAtLine(trace, 13)).id;
    const b = valueOf(trace, 'b', stepAtLine(trace, 13)).id;
    const states = foldTrace(trace);
    const inFinalizer = states.filter((state) => state.stack.at(-1)!.name === '__del__');
    assert.ok(inFinalizer.length >= 2);
    for (const state of inFinalizer) {
      const self = state.stack.at(-1)!.locals.find(([name]) => name === 'self')![1].ref;
      assert.equal(self, a, 'the finalizer runs on the object the diagram already showed');
      const peer = (state.heap.get(a)!.attrs as [string, { ref: string }][]).find(([name]) => name === 'peer')![1].ref;
      assert.equal(peer, b);
    }
    const last = states.at(-1)!;
    assert.ok(!last.heap.has(a) && !last.heap.has(b), 'both are gone once the collector freed them');
    assert.ok([...last.heap.values()].every((object) => !object.unreachable));
    const allGone = trace.steps.flatMap((step) => step.gone ?? []);
    assert.ok(allGone.includes(a) && allGone.includes(b));
  });
});
