// `freed` is decided by the simulator and agrees with CPython: the facts each case expects are
// computed in the same interpreter (sys.getrefcount, co_consts, sys._is_immortal, weakrefs), not
// written down; the diagram's words follow the trace.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { traceToLayout } from '../../src/layout/trace-to-layout.ts';
import { createSimulator, type Simulator } from '../../src/simulate/index.ts';
import type { Trace } from '../../src/trace/types.ts';
import { assertValid, stepAtLine, valueOf } from './trace-facts.ts';
import { BOXES } from '../render/render-helpers.ts';

/** What CPython says about the object bound to `name` after `setup`, asked in the interpreter itself. */
interface Holders {
  /** sys.getrefcount(name) equals that of an object held by one module name only. */
  onlyTheName: boolean;
  immortal: boolean;
  /** The object is a constant of the module's code object. */
  constant: boolean;
}

const askHolders = (setup: string, name: string) => `${setup}
import sys as _sys, json as _json
_probe = object()
_code = _sys._getframe().f_code
print(_json.dumps({
    "onlyTheName": _sys.getrefcount(${name}) == _sys.getrefcount(_probe),
    "immortal": _sys._is_immortal(${name}),
    "constant": any(_c is ${name} for _c in _code.co_consts),
}))
`;

describe('freed: what CPython deallocated among the objects that leave the diagram', () => {
  let simulator: Simulator;
  before(async () => {
    simulator = await createSimulator();
  });
  after(() => simulator.close());
  const run = async (source: string) => {
    const trace = assertValid(await simulator.trace(source));
    assert.equal(trace.error, null, `${trace.error?.type}: ${trace.error?.message}`);
    return trace;
  };
  const holders = async (setup: string, name: string): Promise<Holders> =>
    JSON.parse((await run(askHolders(setup, name))).stdout) as Holders;

  /** The step at which `id` leaves the diagram, and whether the trace says it was freed then. */
  const leaving = (trace: Trace, id: string) => {
    const index = trace.steps.findIndex((step) => step.gone?.includes(id));
    assert.ok(index >= 0, `${id} never leaves the diagram`);
    const step = trace.steps[index]!;
    for (const freed of step.freed ?? []) assert.ok(step.gone!.includes(freed), `freed ${freed} is not in gone`);
    return { step: index + 1, freed: step.freed?.includes(id) === true };
  };

  /** Binds `name` by `setup`, then rebinds it: freed exactly when only the name held the object. */
  const cases: { setup: string; name: string; freed: boolean; why: keyof Holders | 'none' }[] = [
    { setup: 'n = 300\nn = n + 1', name: 'n', freed: true, why: 'onlyTheName' },
    { setup: 'parts = ["a", "b"]\njoined = "-".join(parts)', name: 'joined', freed: true, why: 'onlyTheName' },
    { setup: 'number = int("12345")', name: 'number', freed: true, why: 'onlyTheName' },
    { setup: 'pair = tuple([1, 2])', name: 'pair', freed: true, why: 'onlyTheName' },
    { setup: 'greeting = "hi " + str(42)', name: 'greeting', freed: true, why: 'onlyTheName' },
    { setup: 'items = [1, 2, 3]', name: 'items', freed: true, why: 'onlyTheName' },
    { setup: 'table = {"k": [1]}', name: 'table', freed: true, why: 'onlyTheName' },
    { setup: 'big = 300', name: 'big', freed: false, why: 'constant' },
    { setup: 'word = "ab" * 3', name: 'word', freed: false, why: 'constant' },
    { setup: 'huge = 10 ** 20', name: 'huge', freed: false, why: 'constant' },
    { setup: 'point = (1, 2)', name: 'point', freed: false, why: 'constant' },
    { setup: 'flag = True', name: 'flag', freed: false, why: 'immortal' },
    { setup: 'small = 7', name: 'small', freed: false, why: 'immortal' },
    { setup: 'def f():\n    pass\ndata = [1, 2]\nf.stash = data', name: 'data', freed: false, why: 'none' },
    { setup: 'import math\nlabel = "x" * int("3")\nmath.kept = label', name: 'label', freed: false, why: 'none' },
  ];
  for (const { setup, name, freed, why } of cases) {
    test(`${setup.split('\n').at(-1)} ... ${name} = None: ${freed ? 'freed' : 'kept'}`, async () => {
      const facts = await holders(setup, name);
      // The interpreter's own facts say who holds the object; the expectation follows from them.
      assert.equal(facts.onlyTheName && !facts.immortal, freed, `CPython's facts: ${JSON.stringify(facts)}`);
      if (why !== 'none') assert.equal(facts[why], true, `expected ${why}: ${JSON.stringify(facts)}`);
      const lines = setup.split('\n').length;
      const trace = await run(`${setup}\n${name} = None\nend = 0\n`);
      const { id } = valueOf(trace, name, stepAtLine(trace, lines + 1));
      assert.equal(leaving(trace, id).freed, freed);
    });
  }

  test('an instance is freed when its last name goes, as its weakref says', async () => {
    const source =
      'import weakref\nclass Box:\n    pass\nbox = Box()\nwatch = weakref.ref(box)\ndel box\nprint(watch() is None)\n';
    const trace = await run(source);
    assert.equal(trace.stdout, 'True\n');
    const { id } = valueOf(trace, 'box', stepAtLine(trace, 6));
    assert.deepEqual(leaving(trace, id), { step: stepAtLine(trace, 7), freed: true });
  });

  test('a cycle stays until the collector frees it; freed at the step after gc.collect()', async () => {
    const source = `${[
      'import gc, weakref',
      'class Node:',
      '    pass',
      'gc.disable()',
      'node = Node()',
      'node.me = node',
      'ring = [1]',
      'ring.append(ring)',
      'watch = weakref.ref(node)',
      'del node, ring',
      'alive = watch() is not None',
      'gc.collect()',
      'print(alive, watch() is None)',
      'gc.enable()',
    ].join('\n')}\n`;
    const trace = await run(source);
    assert.equal(trace.stdout, 'True True\n', 'CPython kept the cycle until the collection, then freed it');
    const node = valueOf(trace, 'node', stepAtLine(trace, 10)).id;
    const ring = valueOf(trace, 'ring', stepAtLine(trace, 10)).id;
    const afterCollect = stepAtLine(trace, 13);
    assert.deepEqual(leaving(trace, node), { step: afterCollect, freed: true });
    assert.deepEqual(leaving(trace, ring), { step: afterCollect, freed: true });
  });

  test("a function's locals are freed when it returns; a discarded return value is freed", async () => {
    const source =
      'def make():\n    inner = [1, 2]\n    label = "n" + str(2)\n    return [inner]\nmake()\ndone = True\n';
    const trace = await run(source);
    const returning = trace.steps.findIndex((step) => step.event === 'return' && step.returnValue) + 1;
    const inner = valueOf(trace, 'inner', returning).id;
    const label = valueOf(trace, 'label', returning).id;
    const result = (trace.steps[returning - 1]!.returnValue as { ref: string }).ref;
    for (const id of [inner, label, result])
      assert.deepEqual(leaving(trace, id), { step: stepAtLine(trace, 6), freed: true }, id);
  });

  test('the locals of a call an exception ended stay alive in the traceback', async () => {
    const source =
      'import sys\ndef fail():\n    local = [9]\n    raise ValueError("no")\ntry:\n    fail()\n' +
      'except ValueError:\n    held = sys.exc_info()[2].tb_next.tb_frame.f_locals["local"]\n' +
      '    print(held)\n';
    const trace = await run(source);
    assert.equal(trace.stdout, '[9]\n', 'CPython still has the list while the exception is handled');
    const raising = trace.steps.findIndex((step) => step.event === 'exception') + 1;
    const local = valueOf(trace, 'local', raising).id;
    const { step, freed } = leaving(trace, local);
    if (step < stepAtLine(trace, 9)) assert.equal(freed, false);
  });

  test('a generator closed as it is freed (any() stops early) is traced without harm to the interpreter', async () => {
    // Different names give the globals dict another layout: the crash this guards against came and went with them.
    for (const names of [
      ['x', 'c'],
      ['ab', 'c'],
      ['_code', '_c'],
      ['abcde', 'item'],
    ]) {
      const [other, loop] = names as [string, string];
      const trace = await run(
        `big = 300\n${other} = 5\nfound = any(${loop} is big for ${loop} in (1, big, 2))\nprint(found)\n`,
      );
      assert.equal(trace.stdout, 'True\n');
      const frames = new Set(
        trace.steps.flatMap((step) => step.stack.filter((f) => f.name === '<genexpr>').map((f) => f.id)),
      );
      assert.equal(frames.size, 1, 'the generator keeps one frame id while it is closed');
    }
  });

  test('the diagram says "freed" exactly for the ids in freed', async () => {
    const trace = await run('n = 300\nn = n + 1\nn = n + 1\nc = 300\nc = None\nflag = True\nflag = False\nend = 0\n');
    const layout = traceToLayout(trace, BOXES);
    const typeOf = new Map(layout.objects.map((o) => [o.id, o.type]));
    for (const mark of layout.marks.filter((m) => m.change === 'freed')) {
      const freed = trace.steps[mark.step - 1]!.freed?.includes(mark.target) === true;
      assert.equal(mark.label?.text, freed ? `freed ${typeOf.get(mark.target)}` : 'no longer referenced', mark.target);
      assert.equal(mark.dropped === true, !freed);
    }
    const said = layout.marks.filter((m) => m.change === 'freed' && !m.dropped).map((m) => m.target);
    assert.equal(said.length, 1, 'only the int 301 is freed');
    assert.equal(layout.steps[stepAtLine(trace, 4) - 1]?.description.includes(`freed ${said[0]}`), true);
  });
});
