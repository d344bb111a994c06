// What the trace says about classes, cycles and finalizers matches what CPython says of them.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createSimulator, type Simulator } from '../../src/simulate/index.ts';
import { foldTrace } from '../../src/trace/fold-trace.ts';
import type { Trace } from '../../src/trace/types.ts';
import { assertValid, fieldsOf, heapAt, stepAtLine, valueOf } from './trace-facts.ts';

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
    assert.equal(
      trace.stdout,
      'True True False True\nTrue\n',
      'CPython: the keys are interned and untracked, the dicts tracked',
    );
    const first = valueOf(trace, 'first', stepAtLine(trace, 5)).id;
    const second = valueOf(trace, 'second', stepAtLine(trace, 6)).id;
    const beforeCollect = heapAt(trace, stepAtLine(trace, 8));
    const flagged = [...beforeCollect]
      .filter(([, object]) => object.unreachable)
      .map(([id]) => id)
      .sort();
    assert.deepEqual(flagged, [first, second].sort(), 'only the two dicts are kept alive by their cycle');
    const strings = [...beforeCollect].filter(([, object]) => object.type === 'str');
    assert.ok(strings.length >= 2 && strings.every(([, object]) => !object.unreachable));
    const gone = trace.steps[stepAtLine(trace, 9) - 1]!.gone ?? [];
    assert.ok(gone.includes(first) && gone.includes(second), 'gc.collect() freed the dicts');
  });

  test('what a cycle holds is flagged only if the collector tracks it', async () => {
    // The string and the list are first seen through the orphaned cycle: both live only through it,
    // but only the list is a container the collector tracks (and frees with the cycle).
    const source = [
      'import gc',
      'class Node:',
      '    pass',
      'a = Node()',
      'b = Node()',
      'a.peer = b; b.peer = a',
      'a.label = "tag-" + str(7); a.items = [1, 2]; tracked = (gc.is_tracked(a.label), ' +
        'gc.is_tracked(a.items)); del a, b',
      'freed = gc.collect()',
      'print(tracked, freed >= 2)',
    ].join('\n');
    const trace = await run(source);
    assert.equal(trace.stdout, '(False, True) True\n');
    const beforeCollect = heapAt(trace, stepAtLine(trace, 8));
    const typesFlagged = [...beforeCollect.values()]
      .filter((object) => object.unreachable)
      .map((object) => object.type)
      .sort();
    assert.deepEqual(typesFlagged, ['Node', 'Node', 'list']);
    const label = [...beforeCollect.values()].find((object) => object.type === 'str' && object.repr === "'tag-7'");
    assert.ok(label, 'the label is drawn, held by the cycle');
    assert.equal(label.unreachable, undefined);
    assert.ok(
      [...heapAt(trace).values()].every((object) => !object.unreachable),
      'nothing stays flagged after the collection',
    );
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
      const attrs = fieldsOf(state.heap.get(a)!).attrs as [string, { ref: string }][];
      const peer = attrs.find(([name]) => name === 'peer')![1].ref;
      assert.equal(peer, b);
    }
    const last = states.at(-1)!;
    assert.ok(!last.heap.has(a) && !last.heap.has(b), 'both are gone once the collector freed them');
    assert.ok([...last.heap.values()].every((object) => !object.unreachable));
    const allGone = trace.steps.flatMap((step) => step.gone ?? []);
    assert.ok(allGone.includes(a) && allGone.includes(b));
  });

  test('a frame and its closures show one shared cell for a cell or free variable', async () => {
    const source = [
      'def counter():',
      '    count = 0',
      '    def bump():',
      '        nonlocal count',
      '        count += 1',
      '        return count',
      '    return bump',
      'tick = counter()',
      'tick()',
      'other = counter()',
      'tick()',
      'print(tick.__closure__[0] is other.__closure__[0], tick(), other())',
    ].join('\n');
    const trace = await run(source);
    assert.equal(trace.stdout, 'False 3 1\n', 'CPython: each call of counter made its own cell');
    const states = foldTrace(trace);
    const closureCell = (state: (typeof states)[number], functionId: string) =>
      (fieldsOf(state.heap.get(functionId)!).closure as [string, { ref: string }][]).find(
        ([name]) => name === 'count',
      )![1].ref;
    // counter's frame at its return: `count` is the cell that bump's closure lists.
    const returning = states.filter(
      (state, i) => trace.steps[i]!.event === 'return' && state.stack.at(-1)!.name === 'counter',
    );
    assert.equal(returning.length, 2);
    const cells = returning.map((state) => {
      const frame = state.stack.at(-1)!;
      const local = (name: string) => frame.locals.find(([n]) => n === name)![1].ref;
      const cell = local('count');
      assert.equal(state.heap.get(cell)!.kind, 'cell');
      assert.equal(closureCell(state, local('bump')), cell);
      return cell;
    });
    assert.notEqual(cells[0], cells[1]);
    // Every bump frame shows `count` as its own closure's cell, the one counter's frame showed.
    const bumps = states.filter((state) => state.stack.at(-1)!.name === 'bump');
    assert.ok(bumps.length >= 6);
    const tick = valueOf(trace, 'tick').id;
    const other = valueOf(trace, 'other').id;
    for (const state of bumps) {
      const count = state.stack.at(-1)!.locals.find(([name]) => name === 'count');
      assert.ok(count, 'the free variable is listed');
      assert.ok([cells[0], cells[1]].includes(count[1].ref));
    }
    const last = states.at(-1)!;
    assert.equal(closureCell(last, tick), cells[0]);
    assert.equal(closureCell(last, other), cells[1]);
    const lastContents = (cell: string) => {
      const contents = (fieldsOf(last.heap.get(cell)!).attrs as [string, { ref: string }][])[0]![1].ref;
      return fieldsOf(last.heap.get(contents)!).repr;
    };
    assert.deepEqual([lastContents(cells[0]!), lastContents(cells[1]!)], ['3', '1']);
  });
});
