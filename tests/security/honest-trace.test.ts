// An honest trace: a snippet cannot reach the recorder or the frames that run it, so the diagram a page or a
// shared link shows is what CPython did. Every way in that a review found is tried, in the real sandbox.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { lines, sandboxForTests } from './sandbox-harness.ts';

const sandbox = sandboxForTests();

/** Calls probe(name) from every special method the tracer might be tempted to call; a probe that runs with the
 * tracer beneath it cannot look below itself, and says so. */
const HOSTILE = `
import sys, collections, weakref
nested = set()
def probe(name):
    try:
        sys._getframe(1)
    except PermissionError:
        nested.add(name)

class Hostile:
    def __repr__(self): probe("repr"); return "h"
    def __str__(self): probe("str"); return "h"
    def __format__(self, spec): probe("format"); return "h"
    def __eq__(self, other): probe("eq"); return False
    def __hash__(self): probe("hash"); return 1
    def __len__(self): probe("len"); return 0
    def __iter__(self): probe("iter"); return iter(())
    def __bool__(self): probe("bool"); return True
    def __getattribute__(self, name): probe("getattribute"); return object.__getattribute__(self, name)
    def __del__(self): probe("del")

class Meta(type):
    def __hash__(cls): probe("meta hash"); return 1
    def __eq__(cls, other): probe("meta eq"); return False
    def __repr__(cls): probe("meta repr"); return "M"
    @property
    def __dict__(cls): probe("meta dict"); return {}

class WithMeta(metaclass=Meta):
    pass

class Key(str):
    def __hash__(self): probe("key hash"); return 1
    def __eq__(self, other): probe("key eq"); return False
    def startswith(self, *args): probe("key startswith"); return False
    def __len__(self): probe("key len"); return 0

class Listy(list):
    def __len__(self): probe("list len"); return 0
    def __iter__(self): probe("list iter"); return iter(())

class Dicty(dict):
    def items(self): probe("dict items"); return []
    def __len__(self): probe("dict len"); return 0

class Boom(Exception):
    def __str__(self): probe("exception str"); return "boom"

class Slotted:
    __slots__ = ("x",)
    def __init__(self): self.x = Hostile()

def with_default(value=Hostile()):
    return value

things = [Hostile(), WithMeta(), Listy([1, 2]), Dicty(a=1), Slotted(), collections.deque([Hostile()]), WithMeta]
globals()[Key("sneaky")] = Hostile()
marker = weakref.ref(WithMeta())
try:
    raise Boom(1)
except Boom as error:
    caught = error
del things
with_default()
x = 1
print(sorted(nested))
`;

describe('the recorder and the frames that run a snippet are out of its reach', () => {
  test("the tracer never runs a snippet's code (no special method runs with the tracer beneath it)", async () => {
    const trace = await sandbox.run(HOSTILE);
    assert.equal(trace.error, null, JSON.stringify(trace.error));
    assert.equal(trace.stdout, '[]\n');
    assert.ok(trace.steps.length > 40, 'the snippet was traced');
  });

  test('the trace hooks are not handed out', async () => {
    const source = [
      'import sys, threading',
      'print(sys.gettrace(), sys.getprofile(), sys._getframe().f_trace, threading.gettrace())',
      'for call in (lambda: sys.settrace(None), lambda: sys.setprofile(None), lambda: ' +
        'sys.monitoring.register_callback(3, 1, None),',
      '             lambda: sys.monitoring.set_events(3, 0), lambda: sys.monitoring.get_tool(3)):',
      '    try:',
      '        call()',
      '        print("allowed")',
      '    except RuntimeError:',
      '        print("refused")',
      'x = 1',
    ].join('\n');
    const trace = await sandbox.run(source);
    assert.equal(trace.error, null, JSON.stringify(trace.error));
    assert.deepEqual(lines(trace.stdout), [
      'None None None None',
      'refused',
      'refused',
      'refused',
      'refused',
      'refused',
    ]);
    assert.equal(trace.steps.at(-1)!.line, 10, 'the trace goes on to the end');
  });

  test("frames stop at the snippet's own: below its module frame is the runner, and nothing below that", async () => {
    const source = [
      'import sys, inspect',
      'below = sys._getframe().f_back',
      'print(below.f_code.co_filename, below.f_back, sorted(below.f_globals))',
      'try:',
      '    sys._getframe(2)',
      'except ValueError:',
      '    print("no deeper frame")',
      'print(len(inspect.stack()))',
    ].join('\n');
    const trace = await sandbox.run(source);
    assert.equal(trace.error, null, JSON.stringify(trace.error));
    assert.deepEqual(lines(trace.stdout), [
      "<memlane-run> None ['__builtins__', 'code', 'namespace', 'outcome']",
      'no deeper frame',
      '2',
    ]);
  });

  test('a traceback does not lead into the tracer, nor into what stands in for the host', async () => {
    const source = [
      'def walk(error):',
      '    tb = error.__traceback__',
      '    while tb.tb_next:',
      '        tb = tb.tb_next',
      '    try:',
      '        return tb.tb_frame.f_code.co_filename',
      '    except PermissionError:',
      '        return "refused"',
      'try:',
      '    while True:',
      '        pass',
      'except BaseException as error:',
      '    first = walk(error)',
      'print(first)',
    ].join('\n');
    const trace = await sandbox.run(source, { maxSteps: 30 });
    assert.equal(trace.error?.type, 'StepLimitError', 'the limit is raised again at the next line');
    const imports = await sandbox.run(
      'try:\n    import js\nexcept ImportError as error:\n    tb = error.__traceback__\n' +
        '    while tb.tb_next:\n        tb = tb.tb_next\n    frame = tb.tb_frame\n',
    );
    assert.equal(imports.error?.type, 'PermissionError');
    assert.match(imports.error!.message, /reach the frames that run them/);
  });

  test("the collector's lists hold nothing of the tracer's", async () => {
    const source = [
      'import gc, types',
      'found = [o for o in gc.get_objects() if type(o) is types.ModuleType and str(vars(o).get("__name__", ' +
        '"")).startswith("_memlane")]',
      'steps = [o for o in gc.get_objects() if type(o) is list and o and type(o[0]) is str and ' +
        'o[0].startswith(\'{"event"\')]',
      'print(found, steps)',
    ].join('\n');
    const trace = await sandbox.run(`exec(compile(${JSON.stringify(source)}, "probe", "exec"), {})\n`);
    assert.equal(trace.error, null, JSON.stringify(trace.error));
    assert.equal(trace.stdout, '[] []\n');
  });

  test('patching the standard library the tracer uses changes nothing in the trace', async () => {
    const vandal = [
      'import json, json.encoder, weakref, time, gc, re, types',
      'json.encoder.JSONEncoder.iterencode = lambda self, o, _one_shot=False: iter(["{}"])',
      'json.encoder.JSONEncoder.encode = lambda self, o: "{}"',
      'json.dumps = lambda *a, **k: "{}"',
      'time.monotonic = lambda: 0.0',
      'gc.get_objects = lambda *a: []',
      'a = [1, 2]',
      'b = a',
    ].join('\n');
    const patched = await sandbox.run(vandal);
    const plain = await sandbox.run(
      vandal
        .split('\n')
        .map((line, i) => (i > 0 && i < 6 ? 'pass' : line))
        .join('\n'),
    );
    assert.equal(patched.error, null, JSON.stringify(patched.error));
    assert.deepEqual(patched.steps.at(-1)!.stack, plain.steps.at(-1)!.stack);
    assert.equal(patched.steps.length, plain.steps.length);
  });
});
