// asyncio's event loop in the sandbox (tracer/event_loop.py) opens no route to JavaScript: Pyodide's WebLoop
// is neither running nor made, and nothing reachable from the loop, its tasks or their frames is JavaScript.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { lines, sandboxForTests, untraced } from './sandbox-harness.ts';

const sandbox = sandboxForTests();

describe("asyncio's loop reaches no JavaScript", () => {
  test('no loop runs before asyncio.run, and inside one js and pyodide_js cannot be imported', async () => {
    const source = [
      'import asyncio, importlib',
      'try:',
      '    asyncio.get_running_loop()',
      '    print("a loop runs")',
      'except RuntimeError:',
      '    print("no loop runs")',
      'async def probe():',
      '    found = []',
      '    for name in ["js", "pyodide_js", "pyodide.webloop", "_pyodide_core"]:',
      '        try:',
      '            importlib.import_module(name)',
      '            found.append(name + " imported")',
      '        except ImportError:',
      '            found.append(name + " absent")',
      '    return found',
      'for line in asyncio.run(probe()):',
      '    print(line)',
    ].join('\n');
    const trace = await sandbox.run(source);
    assert.equal(trace.error, null, JSON.stringify(trace.error));
    assert.deepEqual(lines(trace.stdout), [
      'no loop runs',
      'js absent',
      'pyodide_js absent',
      'pyodide.webloop absent',
      '_pyodide_core absent',
    ]);
  });

  test(
    'everything reachable from the running loop, its policy, ' + 'tasks and futures is no JavaScript and no WebLoop',
    async () => {
      const walk = `
import asyncio, asyncio.events, collections, gc, types

def is_foreign(value):
    kind = type(value)
    module = (type.__dict__["__module__"].__get__(kind) or "").split(".")[0]
    return (module in ("pyodide", "_pyodide", "_pyodide_core", "js")
            or "WebLoop" in type.__dict__["__name__"].__get__(kind))

def reachable(roots, limit=3000):
    # Breadth first, so what lies nearest the loop is walked before the limit: the loop's own objects first.
    seen, todo, found = set(), collections.deque(roots), []
    while todo and len(seen) < limit:
        value = todo.popleft()
        if id(value) in seen or isinstance(value, types.ModuleType):
            continue
        seen.add(id(value))
        if is_foreign(value):
            found.append(type(value).__name__)
            continue
        if type(value) is types.FunctionType:
            todo.extend(value.__globals__.values())
            todo.extend(cell.cell_contents for cell in value.__closure__ or ())
            todo.extend(value.__defaults__ or ())
        todo.extend(gc.get_referents(value))
    return found, len(seen)

async def main():
    loop = asyncio.get_running_loop()
    future = loop.create_future()
    loop.call_later(1, future.set_result, "done")
    task = asyncio.create_task(asyncio.sleep(2))
    await future
    roots = [loop, type(loop), asyncio.events._get_event_loop_policy(), task, future, asyncio.EventLoop,
             asyncio.new_event_loop, asyncio.run, asyncio.Runner]
    found, walked = reachable(roots)
    await task
    return type(loop).__name__, loop.time(), found, walked >= 1000

result = asyncio.run(main())
`;
      // The collector's answers are filtered for the snippet, which is slow: the walk gets more time.
      const trace = await sandbox.run(untraced(walk, 'result'), { timeoutMs: 120_000 });
      assert.equal(trace.error, null, JSON.stringify(trace.error));
      assert.equal(trace.stdout, "('VirtualClockEventLoop', 2.0, [], True)\n");
    },
  );

  test("a task's frames lead down to the snippet's own and asyncio's, never to the tracer or Pyodide", async () => {
    const source = [
      'import asyncio, sys',
      'async def deep():',
      '    await asyncio.sleep(0)',
      '    frame, files = sys._getframe(), []',
      '    while frame is not None:',
      '        files.append(frame.f_code.co_filename.rsplit("/", 1)[-1])',
      '        frame = frame.f_back',
      '    return files',
      'files = asyncio.run(deep())',
      'print(files[0], files[-1], sorted(set(files[1:-1])))',
    ].join('\n');
    const trace = await sandbox.run(source);
    assert.equal(trace.error, null, JSON.stringify(trace.error));
    assert.equal(
      trace.stdout,
      "<memlane-snippet> <memlane-run> ['<memlane-snippet>', 'base_events.py', 'events.py', 'runners.py']\n",
    );
  });

  test(
    "drawing the loop's tasks runs none of the snippet's code, " + 'not even a task-like object it registered',
    async () => {
      // asyncio.all_tasks asks a registered non-asyncio task for its loop: were the tracer to call it, the call
      // would rest on the tracer's frames, which the guard refuses to hand out.
      const source = [
        'import asyncio, sys',
        'calls = []',
        'class Impostor:',
        '    def get_loop(self):',
        '        try:',
        '            sys._getframe(1)',
        '            calls.append("asyncio")',
        '        except PermissionError:',
        '            calls.append("tracer")',
        '        return asyncio.get_running_loop()',
        '    def done(self):',
        '        return False',
        'impostor = Impostor()',
        'async def main():',
        '    asyncio.tasks._register_task(impostor)',
        '    await asyncio.sleep(0)',
        '    await asyncio.sleep(0)',
        '    asyncio.tasks._unregister_task(impostor)',
        'asyncio.run(main())',
        'print("tracer" in calls)',
      ].join('\n');
      const trace = await sandbox.run(source);
      assert.equal(trace.error, null, JSON.stringify(trace.error));
      assert.equal(trace.stdout, 'False\n');
      assert.ok(
        trace.steps.some((step) => step.stack.some((frame) => frame['loop'] === true)),
        'the loop was drawn',
      );
    },
  );

  test('a loop that waits for what never comes ends with an error that says so, in no real time', async () => {
    const source = [
      'import asyncio',
      'async def main():',
      '    await asyncio.get_running_loop().create_future()',
      'asyncio.run(main())',
    ].join('\n');
    const trace = await sandbox.run(source);
    assert.equal(trace.error?.type, 'RuntimeError');
    assert.match(trace.error?.message ?? '', /nothing left to run.*CPython would wait forever/);
  });
});
