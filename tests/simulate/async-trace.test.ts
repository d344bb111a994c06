// Coroutines in a trace: the event loop as a frame holding its tasks, each coroutine drawn as a suspended frame
// with its names, the clock virtual, and the limits stopping an endless async loop with its steps kept.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { traceToLayout } from '../../src/layout/trace-to-layout.ts';
import { createSimulator, type Simulator } from '../../src/simulate/index.ts';
import { foldTrace } from '../../src/trace/fold-trace.ts';
import type { Frame, Trace } from '../../src/trace/types.ts';
import { assertValid, fieldsOf, stepAtLine } from './trace-facts.ts';

const corpusSnippet = (name: string) =>
  readFileSync(new URL(`../fixtures/corpus/snippets/${name}`, import.meta.url), 'utf8');
const loopFrameOf = (stack: Frame[]) => stack.find((frame) => frame['loop'] === true);

describe('async code in a trace', () => {
  let simulator: Simulator;
  before(async () => {
    simulator = await createSimulator();
  });
  after(() => simulator.close());
  const run = async (source: string, options = {}): Promise<Trace> =>
    assertValid(await simulator.trace(source, options));

  test('the event loop is a frame between asyncio.run and the running coroutine, holding every task', async () => {
    const trace = await run(corpusSnippet('c29_async_gather_sleeps.py'));
    assert.equal(trace.error, null);
    // The quick fetch prints "done": the slow one waits at its sleep, main at its gather.
    const step = trace.steps[stepAtLine(trace, 8, stepAtLine(trace, 7)) - 1]!;
    assert.deepEqual(
      step.stack.map((frame) => frame.name),
      ['<module>', 'event loop', 'fetch'],
    );
    const loop = loopFrameOf(step.stack)!;
    assert.equal(loop.line, 20, 'the loop runs inside the call of asyncio.run');
    assert.deepEqual(
      loop.locals.map(([name]) => name),
      ['Task-1', 'Task-2', 'Task-3'],
    );
    assert.deepEqual(loop['tasks'], [
      {
        name: 'Task-1',
        state: 'waiting',
        line: 15,
        waitsAt: 'results = await asyncio.gather(fetch("slow", 2), fetch("quick", 1))',
      },
      { name: 'Task-2', state: 'waiting', line: 7, waitsAt: 'await asyncio.sleep(seconds)' },
      { name: 'Task-3', state: 'running' },
    ]);
    assert.equal(loop['clock'], 1, "the clock jumped to the quick sleep's end");
    // The loop frame keeps its id for the whole run, like any frame.
    const ids = new Set(
      trace.steps.flatMap((s) => s.stack.filter((frame) => frame['loop'] === true).map((frame) => frame.id)),
    );
    assert.equal(ids.size, 1);
  });

  test('a waiting task holds its coroutine, drawn as a suspended frame with its names', async () => {
    const trace = await run(corpusSnippet('c29_async_gather_sleeps.py'));
    const index = stepAtLine(trace, 8, stepAtLine(trace, 7));
    const state = foldTrace(trace)[index - 1]!;
    const slowTask = fieldsOf(state.heap.get(loopFrameOf(state.stack)!.locals[1]![1].ref)!);
    assert.equal(slowTask.type, 'Task');
    const attrs = Object.fromEntries(slowTask['attrs'] as [string, { ref: string }][]);
    assert.equal(fieldsOf(state.heap.get(attrs['_state']!.ref)!)['repr'], "'PENDING'");
    const coroutine = fieldsOf(state.heap.get(attrs['_coro']!.ref)!);
    assert.equal(coroutine.type, 'coroutine');
    assert.equal(coroutine['state'], 'suspended');
    assert.equal(coroutine['line'], 7);
    const names = (coroutine['locals'] as [string, { ref: string }][]).map(([name, ref]) => [
      name,
      fieldsOf(state.heap.get(ref.ref)!)['repr'],
    ]);
    assert.deepEqual(names, [
      ['name', "'slow'"],
      ['seconds', '2'],
    ]);
    const layout = traceToLayout(trace);
    const box = layout.objects.find((object) => object.id === attrs['_coro']!.ref)!;
    assert.ok(
      box.versions.some((version) => version.summary.includes('coroutine fetch')),
      'titled as a coroutine',
    );
    assert.match(
      layout.steps[index - 1]!.description,
      new RegExp(
        String.raw`Event loop at 1 s: running Task-3; ready: none; waiting: Task-1 at line 15 \(results = await ` +
          String.raw`asyncio\.gather.*\), Task-2 at line 7 \(await asyncio\.sleep\(seconds\)\)\.`,
      ),
    );
  });

  test(
    'an await that resumes is no exception step: ' + 'StopIteration is how the awaited hands its result back',
    async () => {
      const trace = await run(corpusSnippet('c31_async_queue.py'));
      assert.equal(trace.error, null);
      assert.deepEqual(
        trace.steps.filter((step) => step.event === 'exception').map((step) => step.exception?.type),
        [],
      );
    },
  );

  test('an hour of sleeping passes on the virtual clock, within the default time limit', async () => {
    const source =
      'import asyncio\n\nasync def nap():\n    await asyncio.sleep(3600)\n' +
      '    return asyncio.get_running_loop().time()\n\nprint(asyncio.run(nap()))\n';
    const trace = await run(source);
    assert.equal(trace.error, null);
    assert.equal(trace.stdout, '3600.0\n');
  });

  test('the step limit stops an endless async loop and keeps its steps', async () => {
    const source =
      'import asyncio\n\nasync def tick():\n    n = 0\n    while True:\n        n += 1\n' +
      '        await asyncio.sleep(1)\n\nasyncio.run(tick())\n';
    const trace = await run(source, { maxSteps: 200 });
    assert.equal(trace.error?.type, 'StepLimitError');
    assert.equal(trace.steps.length, 200);
    assert.ok([5, 6, 7].includes(trace.error!.line!), `stopped at line ${trace.error!.line}`);
    assert.ok(
      trace.steps.at(-1)!.stack.some((frame) => frame.name === 'tick'),
      'the last step is inside the coroutine',
    );
  });

  test(
    "a coroutine never awaited is a created coroutine, and CPython's " + 'warning is printed when it is freed',
    async () => {
      const source =
        'import asyncio\n\nasync def greet():\n    print("hello")\n\nasync def main():\n    greet()\n' +
        '    await asyncio.sleep(0)\n\nasyncio.run(main())\n';
      const trace = await run(source);
      assert.equal(trace.error, null);
      assert.doesNotMatch(trace.stdout, /hello/);
      assert.match(trace.stdout, /RuntimeWarning: coroutine 'greet' was never awaited/);
    },
  );
});
