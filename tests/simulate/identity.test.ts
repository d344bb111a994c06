// Identity in the trace is CPython identity, stable across steps, and tracing changes no lifetime.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createSimulator, type Simulator } from '../../src/simulate/index.ts';
import type { Trace } from '../../src/trace/types.ts';
import { assertValid, heapAt, stepAtLine, valueOf } from './trace-facts.ts';

let simulator: Simulator;
const run = async (source: string, options = {}): Promise<Trace> => {
  const trace = assertValid(await simulator.trace(source, options));
  return trace;
};

describe('identity', () => {
  before(async () => {
    simulator = await createSimulator();
  });
  after(() => simulator.close());

  test('names share a ref exactly when CPython says `is`', async () => {
    const source = [
      'a = 5',
      'b = 5',
      'c = 300',
      'd = int("300")',
      's = "hello"',
      't = "hello"',
      'u = "".join(["hel", "lo"])',
      'n = None',
      'm = None',
      'l1 = []',
      'l2 = []',
      'l3 = l1',
      'pairs = [(x, y) for x, y in [("a","b"),("a","c"),("a","d"),("a","s"),("a","t"),("a","u"),("c","d"),' +
        '("l1","l2"),("l1","l3"),("n","m"),("s","t"),("s","u")]]',
      'print(" ".join(str(globals()[x] is globals()[y]) for x, y in pairs))',
    ].join('\n');
    const trace = await run(source);
    assert.equal(trace.error, null);
    const answers = trace.stdout
      .trim()
      .split(' ')
      .map((word) => word === 'True');
    const pairs = [
      ['a', 'b'],
      ['a', 'c'],
      ['a', 'd'],
      ['a', 's'],
      ['a', 't'],
      ['a', 'u'],
      ['c', 'd'],
      ['l1', 'l2'],
      ['l1', 'l3'],
      ['n', 'm'],
      ['s', 't'],
      ['s', 'u'],
    ];
    assert.equal(answers.length, pairs.length);
    pairs.forEach(([x, y], i) => {
      const same = valueOf(trace, x!).id === valueOf(trace, y!).id;
      assert.equal(same, answers[i], `${x} is ${y}: CPython says ${answers[i]}, the trace says ${same}`);
    });
    // The facts that make this test meaningful: some pairs share, some do not.
    assert.ok(answers.includes(true) && answers.includes(false));
  });

  test('an object keeps its id from step to step while it changes', async () => {
    const trace = await run('items = []\nfor i in range(5):\n    items.append(i)\nlast = items\n');
    const ids = new Set<string>();
    for (let step = stepAtLine(trace, 2); step <= trace.steps.length; step++) ids.add(valueOf(trace, 'items', step).id);
    assert.equal(ids.size, 1);
    const final = valueOf(trace, 'items');
    assert.equal((final.object.items as unknown[]).length, 5);
    assert.equal(valueOf(trace, 'last').id, final.id);
    // The list was sent again only on the steps where it changed.
    const sent = trace.steps.filter((step) => final.id in step.heap).length;
    assert.equal(sent, 6);
  });

  test('a new object at a reused address gets a new id', async () => {
    const source = [
      'class Box:',
      '    pass',
      'box = [0]',
      'first = id(box)',
      'del box',
      'box = [1]',
      'list_reused = id(box) == first',
      'thing = Box()',
      'second = id(thing)',
      'del thing',
      'thing = Box()',
      'box_reused = id(thing) == second',
      'print(list_reused, box_reused)',
    ].join('\n');
    const trace = await run(source);
    assert.equal(trace.error, null);
    const before1 = valueOf(trace, 'box', stepAtLine(trace, 4)).id;
    const after1 = valueOf(trace, 'box', stepAtLine(trace, 7)).id;
    const before2 = valueOf(trace, 'thing', stepAtLine(trace, 9)).id;
    const after2 = valueOf(trace, 'thing', stepAtLine(trace, 12)).id;
    assert.notEqual(before1, after1);
    assert.notEqual(before2, after2);
    // CPython did reuse at least one address here, so the test exercises id reuse.
    assert.match(trace.stdout, /True/);
    const goneAtDel = trace.steps[stepAtLine(trace, 6) - 1]!.gone ?? [];
    assert.ok(goneAtDel.includes(before1), 'the dead list is gone when its name is deleted');
  });

  test('an object that dies and is replaced at its address within one step is listed as gone', async () => {
    // An instance, so the tracer's weakref tells the two apart (a list could not be told apart).
    // Line 5 frees a Box and makes one, with no step between; it is tried until CPython's
    // allocator hands the same block back, as it usually does at once (how soon depends on the heap).
    const source =
      'class Box:\n    pass\nbox = Box()\nfor attempt in range(200):\n' +
      '    first = id(box); del box; box = Box(); reused = id(box) == first\n    if reused:\n' +
      '        break\nend = 1\n';
    const trace = await run(source, { maxSteps: 5_000 });
    assert.equal(trace.error, null, JSON.stringify(trace.error));
    assert.equal(valueOf(trace, 'reused').object.repr, 'True', 'CPython reused the address: the case under test');
    const lastTry =
      trace.steps.length - [...trace.steps].reverse().findIndex((step) => step.event === 'line' && step.line === 5);
    const old = valueOf(trace, 'box', lastTry).id;
    const replacement = valueOf(trace, 'box', lastTry + 1).id;
    assert.notEqual(old, replacement);
    assert.ok((trace.steps[lastTry]!.gone ?? []).includes(old));
    assert.equal(heapAt(trace).has(old), false);
  });

  test('tracing keeps nothing alive: refcounts, referrers and weakref callbacks are untouched', async () => {
    const source = [
      'import sys, gc, weakref',
      'class Node:',
      '    pass',
      'data = []',
      'count = sys.getrefcount(data)',
      'holders = len(gc.get_referrers(data))',
      'log = []',
      'node = Node()',
      'watch = weakref.ref(node, lambda ref: log.append("callback"))',
      'del node',
      'after_del = list(log)',
      'print(count, holders, after_del, watch() is None)',
    ].join('\n');
    const trace = await run(source);
    assert.equal(trace.error, null);
    // CPython 3.14: a name-bound list counts 2 (the name and getrefcount's argument);
    // only the module namespace refers to it; the callback runs at `del`, not later.
    assert.equal(trace.stdout, "2 1 ['callback'] True\n");
  });

  test('objects kept alive only by a cycle stay, flagged unreachable, until the collector frees them', async () => {
    const source = [
      'import gc',
      'class Peer:',
      '    pass',
      'left = Peer()',
      'right = Peer()',
      'left.other = right',
      'right.other = left',
      'del left',
      'del right',
      'pause = 1',
      'freed = gc.collect()',
      'done = True',
    ].join('\n');
    const trace = await run(source);
    assert.equal(trace.error, null);
    const left = valueOf(trace, 'left', stepAtLine(trace, 8)).id;
    const right = valueOf(trace, 'right', stepAtLine(trace, 8)).id;
    const afterDel = heapAt(trace, stepAtLine(trace, 10));
    assert.equal(afterDel.get(left)?.unreachable, true);
    assert.equal(afterDel.get(right)?.unreachable, true);
    assert.equal(heapAt(trace, stepAtLine(trace, 11)).get(left)?.unreachable, true);
    const afterCollect = heapAt(trace, stepAtLine(trace, 12));
    assert.equal(afterCollect.has(left), false);
    assert.equal(afterCollect.has(right), false);
    const goneAt = trace.steps[stepAtLine(trace, 12) - 1]!.gone ?? [];
    assert.ok(goneAt.includes(left) && goneAt.includes(right));
  });

  test(
    'a cycle held from outside through one member is not unreachable; ' + 'an instance __dict__ does not count',
    async () => {
      const source = [
        'import gc',
        'class Peer:',
        '    pass',
        'a = Peer()',
        'b = Peer()',
        'a.other = b',
        'b.other = a',
        'seen = vars(a)',
        'keeper = [[a]]',
        'del a',
        'del b',
        'del seen',
        'pause = 1',
        'keeper.clear()',
        'pause = 2',
        'gc.collect()',
        'pause = 3',
      ].join('\n');
      const trace = await run(source);
      assert.equal(trace.error, null);
      const a = valueOf(trace, 'a', stepAtLine(trace, 10)).id;
      const b = valueOf(trace, 'b', stepAtLine(trace, 10)).id;
      // Still held through keeper: shown, reachable.
      const held = heapAt(trace, stepAtLine(trace, 13));
      assert.ok(held.has(a) && held.has(b));
      assert.notEqual(held.get(a)!.unreachable, true);
      // keeper emptied: only the cycle (and a's materialised __dict__) keeps them.
      const cyclic = heapAt(trace, stepAtLine(trace, 15));
      assert.equal(cyclic.get(a)?.unreachable, true);
      assert.equal(cyclic.get(b)?.unreachable, true);
      const collected = heapAt(trace, stepAtLine(trace, 17));
      assert.ok(!collected.has(a) && !collected.has(b));
    },
  );

  test('the collector frees exactly the garbage it frees without tracing', async () => {
    // Untraced, CPython 3.14 in Pyodide prints 600 here: 300 two-node cycles, nothing else.
    const source = [
      'import gc',
      'class Node:',
      '    pass',
      'gc.collect()',
      'for i in range(300):',
      '    a = Node()',
      '    b = Node()',
      '    a.b = b',
      '    b.a = a',
      'del a, b',
      'freed = gc.collect()',
      'print(freed, gc.collect())',
    ].join('\n');
    const trace = await run(source, { maxSteps: 5000, timeoutMs: 120_000 });
    assert.equal(trace.error, null);
    assert.equal(trace.stdout, '600 0\n');
  });

  test('an object freed by reference counting is simply gone, never unreachable', async () => {
    const trace = await run('a = [1, 2]\nb = {"k": a}\ndel a\ndel b\nx = 0\n');
    for (const step of trace.steps) {
      for (const obj of Object.values(step.heap)) assert.notEqual(obj.unreachable, true);
    }
    assert.ok((trace.steps[stepAtLine(trace, 5) - 1]!.gone ?? []).length >= 2);
  });

  test('closures show the cells from __closure__ and the frame that made them', async () => {
    const source = [
      'def make_adder(step):',
      '    def add(value):',
      '        return value + step',
      '    return add',
      'plus_two = make_adder(2)',
      'plus_five = make_adder(5)',
      'same_cell = plus_two.__closure__[0] is plus_five.__closure__[0]',
    ].join('\n');
    const trace = await run(source);
    const two = valueOf(trace, 'plus_two').object;
    const five = valueOf(trace, 'plus_five').object;
    const heap = heapAt(trace);
    assert.equal(two.kind, 'function');
    assert.equal(two.qualname, 'make_adder.<locals>.add');
    assert.equal(two.signature, '(value)');
    const [cellName, cellRef] = (two.closure as [string, { ref: string }][])[0]!;
    assert.equal(cellName, 'step');
    const cell = heap.get(cellRef!.ref)!;
    assert.equal(cell.type, 'cell');
    assert.equal(cell.kind, 'cell');
    const contents = (cell.attrs as [string, { ref: string }][])[0]!;
    assert.equal(contents[0], 'cell_contents');
    assert.equal(heap.get(contents[1].ref)!.repr, '2');
    const fiveCell = (five.closure as [string, { ref: string }][])[0]![1].ref;
    assert.notEqual(fiveCell, cellRef!.ref);
    assert.equal(valueOf(trace, 'same_cell').object.repr, 'False');
    // madeIn names the make_adder call that ran the def: two calls, two frames.
    const callFrames = trace.steps
      .filter((s) => s.event === 'call' && s.stack.at(-1)!.name === 'make_adder')
      .map((s) => s.stack.at(-1)!.id);
    assert.equal(callFrames.length, 2);
    assert.notEqual(callFrames[0], callFrames[1]);
    assert.equal(two.madeIn, callFrames[0]);
    assert.equal(five.madeIn, callFrames[1]);
    assert.equal(valueOf(trace, 'make_adder').object.madeIn, trace.steps[0]!.stack[0]!.id);
  });

  test('an empty cell is shown as empty', async () => {
    const trace = await run(
      'def outer():\n    def inner():\n        return later\n    f = inner\n    later = 1\n    return f\n' +
        'result = outer()\n',
    );
    const atDef = stepAtLine(trace, 5);
    const inner = valueOf(trace, 'f', atDef).object;
    const cell = heapAt(trace, atDef).get((inner.closure as [string, { ref: string }][])[0]![1].ref)!;
    assert.equal(cell.empty, true);
  });

  test('generator frames: created, running on the stack, suspended with their locals, finished', async () => {
    const source = [
      'def count(n):',
      '    while n > 0:',
      '        yield n',
      '        n -= 1',
      'gen = count(2)',
      'a = next(gen)',
      'b = next(gen)',
      'rest = list(gen)',
    ].join('\n');
    const trace = await run(source);
    const created = valueOf(trace, 'gen', stepAtLine(trace, 6)).object;
    assert.equal(created.kind, 'generator');
    assert.equal(created.state, 'created');
    const running = trace.steps.find((s) => s.stack.length === 2)!;
    const genFrame = running.stack[1]!;
    assert.equal(genFrame.generator, true);
    assert.equal(genFrame.id, created.frame, 'the generator object names the frame it runs in');
    const suspended = valueOf(trace, 'gen', stepAtLine(trace, 7)).object;
    assert.equal(suspended.state, 'suspended');
    assert.equal(suspended.line, 3);
    assert.deepEqual(
      (suspended.locals as [string, unknown][]).map(([n]) => n),
      ['n'],
    );
    const frameIds = new Set(trace.steps.flatMap((s) => s.stack.slice(1).map((f) => f.id)));
    assert.deepEqual([...frameIds], [created.frame], 'every resumption runs in the same frame');
    const finished = valueOf(trace, 'gen').object;
    assert.equal(finished.state, 'finished');
    assert.equal(Array.isArray(valueOf(trace, 'rest').object.items), true);
  });

  test('only user frames are recorded: library code and generated methods are skipped', async () => {
    const source = [
      'import copy',
      'from dataclasses import dataclass',
      '@dataclass',
      'class Pair:',
      '    left: list',
      '    right: list',
      'class Tracked:',
      '    def __deepcopy__(self, memo):',
      '        return Tracked()',
      'p = Pair([1], [2])',
      'twin = copy.deepcopy([p, Tracked()])',
      'order = sorted([3, 1, 2], key=lambda v: -v)',
    ].join('\n');
    const trace = await run(source);
    assert.equal(trace.error, null);
    const names = new Set(trace.steps.flatMap((s) => s.stack.map((f) => f.name)));
    assert.deepEqual([...names].sort(), ['<lambda>', '<module>', 'Pair', 'Tracked', '__deepcopy__'].sort());
    const deep = trace.steps.find((s) => s.stack.at(-1)!.name === '__deepcopy__')!;
    assert.deepEqual(
      deep.stack.map((f) => f.name),
      ['<module>', '__deepcopy__'],
      'copy.deepcopy frames in between are left out',
    );
  });

  test('imported modules are hidden unless asked for', async () => {
    const source =
      'import math\nfrom math import sqrt\nradius = 2\nmods = [math]\ndef area(r):\n    import math\n' +
      '    return math.pi * r * r\narea(1)\n';
    const hidden = await run(source);
    assert.deepEqual(
      hidden.steps.at(-1)!.stack[0]!.locals.map(([n]) => n),
      ['sqrt', 'radius', 'mods', 'area'],
    );
    const inArea = hidden.steps.find((s) => s.event === 'return' && s.stack.length === 2)!;
    assert.deepEqual(
      inArea.stack[1]!.locals.map(([n]) => n),
      ['r'],
    );
    const shown = await run(source, { showModules: true });
    assert.deepEqual(
      shown.steps.at(-1)!.stack[0]!.locals.map(([n]) => n),
      ['math', 'sqrt', 'radius', 'mods', 'area'],
    );
    assert.equal(valueOf(shown, 'math').object.repr, "<module 'math' (built-in)>");
    assert.equal(Array.isArray(valueOf(hidden, 'mods').object.items), true);
  });

  test('locals are listed in the order they were bound', async () => {
    const source =
      'def f(flag):\n    if flag:\n        later = 1\n    first = 2\n    later = 3\n' +
      '    return first + later\nf(False)\n';
    const trace = await run(source);
    const atReturn = trace.steps.find((s) => s.event === 'return' && s.stack.at(-1)!.name === 'f')!;
    assert.deepEqual(
      atReturn.stack.at(-1)!.locals.map(([n]) => n),
      ['flag', 'first', 'later'],
    );
    assert.equal(
      heapAt(trace, trace.steps.indexOf(atReturn) + 1).get((atReturn.returnValue as { ref: string }).ref)!.repr,
      '5',
    );
  });

  test('two calls of one function get two frame ids; exceptions are seen in every frame they pass', async () => {
    const source =
      'def parse(t):\n    return int(t)\ndef load(vs):\n    return [parse(v) for v in vs]\ntry:\n' +
      '    load(["1", "x"])\nexcept ValueError:\n    pass\n';
    const trace = await run(source);
    const parseFrames = new Set(
      trace.steps.filter((s) => s.stack.at(-1)!.name === 'parse').map((s) => s.stack.at(-1)!.id),
    );
    assert.equal(parseFrames.size, 2);
    const seenIn = trace.steps.filter((s) => s.event === 'exception').map((s) => s.stack.at(-1)!.name);
    assert.deepEqual(seenIn, ['parse', 'load', '<module>']);
    const exceptionStep = trace.steps.find((s) => s.event === 'exception')!;
    assert.deepEqual(exceptionStep.exception, {
      type: 'ValueError',
      message: "invalid literal for int() with base 10: 'x'",
    });
    // A frame an exception leaves has no return value.
    const unwound = trace.steps.filter((s) => s.event === 'return' && s.stack.at(-1)!.name === 'parse');
    assert.ok('returnValue' in unwound[0]!);
    assert.ok(!('returnValue' in unwound[1]!));
  });

  test('classes, instances, slots and bound methods', async () => {
    const source = [
      'class Base:',
      '    kind = "base"',
      'class Point(Base):',
      '    __slots__ = ("x", "y")',
      '    def __init__(self, x, y=0):',
      '        self.x = x',
      '        self.y = y',
      '    def norm(self):',
      '        return self.x',
      'class Bag:',
      '    def __init__(self):',
      '        self.items = []',
      '        self.size = 0',
      'p = Point(3)',
      'bag = Bag()',
      'm = p.norm',
    ].join('\n');
    const trace = await run(source);
    const point = valueOf(trace, 'Point').object;
    assert.equal(point.kind, 'class');
    assert.equal(point.name, 'Point');
    assert.deepEqual(point.bases, ['Base']);
    // What the class body defined (dunders included), in CPython's order, then the slot descriptors.
    assert.deepEqual(
      (point.attrs as unknown as [string][]).map(([n]) => n),
      ['__slots__', '__init__', 'norm', 'x', 'y'],
    );
    const norm = heapAt(trace).get((point.attrs as [string, { ref: string }][])[2]![1].ref)!;
    assert.equal(norm.signature, '(self)');
    assert.equal(norm.kind, 'function');
    assert.equal(
      heapAt(trace).get((point.attrs as [string, { ref: string }][])[3]![1].ref)!.repr,
      "<member 'x' of 'Point' objects>",
    );
    const p = valueOf(trace, 'p').object;
    assert.equal(p.kind, 'instance');
    assert.equal(p.type, 'Point');
    assert.deepEqual(
      (p.attrs as unknown as [string][]).map(([n]) => n),
      ['x', 'y'],
    );
    const bag = valueOf(trace, 'bag').object;
    assert.deepEqual(
      (bag.attrs as [string][]).map(([n]) => n),
      ['items', 'size'],
    );
    const method = valueOf(trace, 'm');
    assert.equal(method.object.kind, 'method');
    assert.deepEqual(
      (method.object.attrs as [string, { ref: string }][]).map(([n, r]) => [n, r.ref]),
      [
        ['__self__', valueOf(trace, 'p').id],
        ['__func__', (point.attrs as [string, { ref: string }][])[2]![1].ref],
      ],
    );
  });

  test('function signatures and defaults', async () => {
    const trace = await run('def f(a, b=[], /, c=None, *rest, d, e=2, **extra):\n    pass\n');
    const f = valueOf(trace, 'f').object;
    assert.equal(f.signature, '(a, b=[], /, c=None, *rest, d, e=2, **extra)');
    assert.equal((f.defaults as unknown[]).length, 3);
  });

  test('long containers keep their first and last 20 items; long reprs are cut at 120 characters', async () => {
    const trace = await run(
      'big = list(range(100))\nd = {i: i for i in range(50)}\ns = set(range(45))\ntext = "x" * 500\n' +
        'big_int = 7 ** 200\n',
    );
    const big = valueOf(trace, 'big').object;
    assert.equal((big.items as unknown[]).length, 40);
    assert.equal(big.length, 100);
    assert.deepEqual(big.elided, { at: 20, count: 60 });
    const heap = heapAt(trace);
    const items = big.items as { ref: string }[];
    assert.equal(heap.get(items[19]!.ref)!.repr, '19');
    assert.equal(heap.get(items[20]!.ref)!.repr, '80');
    const d = valueOf(trace, 'd').object;
    assert.equal((d.entries as unknown[]).length, 40);
    assert.equal(d.length, 50);
    assert.equal(valueOf(trace, 's').object.length, 45);
    const text = valueOf(trace, 'text').object;
    assert.equal((text.repr as string).length, 120);
    assert.equal(text.reprLength, 502);
    assert.equal(valueOf(trace, 'big_int').object.reprLength, String(7n ** 200n).length);
  });

  test('odd objects never break the run: hostile __getattribute__, huge ints, subclasses of builtins', async () => {
    const source = [
      'class Sneaky:',
      '    def __getattribute__(self, name):',
      '        raise RuntimeError("no peeking")',
      'class Names(list):',
      '    pass',
      's = Sneaky()',
      'n = Names([1, 2])',
      'huge = 10 ** 5000',
      'done = True',
    ].join('\n');
    const trace = await run(source);
    assert.equal(trace.error, null, JSON.stringify(trace.error));
    assert.equal(valueOf(trace, 's').object.kind, 'instance');
    assert.equal((valueOf(trace, 'n').object.items as unknown[]).length, 2);
    assert.equal(valueOf(trace, 'huge').object.repr, '<int of 16610 bits>');
    assert.equal(trace.tracerFaults, undefined);
  });

  test('stdout is recorded as offsets into the whole output', async () => {
    const trace = await run('print("one")\nprint("two")\nx = 1\n');
    assert.equal(trace.stdout, 'one\ntwo\n');
    assert.equal(trace.steps[stepAtLine(trace, 2) - 1]!.stdout, 4);
    assert.equal(trace.steps[stepAtLine(trace, 3) - 1]!.stdout, 8);
  });
});
