// Limits end runaway snippets with a clear error and keep the partial trace; nothing hangs.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createSimulator, type Simulator } from '../../src/simulate/index.ts';
import { assertValid, stepAtLine } from './trace-facts.ts';

describe('limits', () => {
  let simulator: Simulator;
  before(async () => {
    simulator = await createSimulator();
  });
  after(() => simulator.close());
  const run = async (source: string, options = {}) => assertValid(await simulator.trace(source, options));

  const stillWorks = async () => {
    const trace = await run('x = [1, 2]\nprint(len(x))\n');
    assert.equal(trace.error, null);
    assert.equal(trace.stdout, '2\n');
  };

  test('the memory limit ends a snippet that allocates without end, keeps its steps, and the next runs', async () => {
    const lower = await run('chunks = [bytearray(10**7) for _ in range(10)]\n', { maxMemoryMb: 32 });
    assert.equal(lower.error?.type, 'MemoryLimitError');
    assert.match(lower.error!.message, /32 MiB/);
    const trace = await run('chunks = []\nwhile True:\n    chunks.append(bytearray(10**8))\n', {
      maxSteps: 1_000_000,
      timeoutMs: 600_000,
    });
    assert.equal(trace.error?.type, 'MemoryLimitError');
    assert.match(trace.error!.message, /256 MiB/);
    assert.equal(trace.error!.line, 3);
    assert.ok(trace.steps.length > 3, 'the partial trace is kept');
    await stillWorks();
  });

  test('the step limit stops an endless loop, 1000 steps by default', async () => {
    const trace = await run('n = 0\nwhile True:\n    n += 1\n');
    assert.equal(trace.steps.length, 1000);
    assert.equal(trace.error?.type, 'StepLimitError');
    assert.match(trace.error!.message, /1000 steps/);
    assert.ok([2, 3].includes(trace.error!.line!), `stopped at line ${trace.error!.line}`);
  });

  test('the step limit is configurable and a bare except cannot swallow it', async () => {
    const source = 'n = 0\nwhile True:\n    try:\n        n += 1\n    except:\n        pass\n';
    const trace = await run(source, { maxSteps: 50 });
    assert.equal(trace.steps.length, 50);
    assert.equal(trace.error?.type, 'StepLimitError');
    assert.match(trace.error!.message, /50 steps/);
    await stillWorks();
  });

  test('the time limit stops a slow snippet and keeps the steps so far', async () => {
    const trace = await run('import time\nwhile True:\n    time.sleep(0.01)\n', {
      maxSteps: 1_000_000,
      timeoutMs: 300,
    });
    assert.equal(trace.error?.type, 'TimeLimitError');
    assert.match(trace.error!.message, /300 ms/);
    assert.ok(trace.steps.length > 3, 'the partial trace is kept');
    assert.ok(trace.error!.line === 2 || trace.error!.line === 3);
    await stillWorks();
  });

  test('a long time.sleep ends at the time limit, steps and output kept', async () => {
    const started = performance.now();
    const trace = await run('import time\nprint("before")\ntime.sleep(60)\nprint("after")\n', { timeoutMs: 400 });
    assert.equal(trace.error?.type, 'TimeLimitError');
    assert.equal(trace.error!.line, 3);
    assert.equal(trace.stdout, 'before\n');
    assert.ok(performance.now() - started < 30_000, 'it did not sleep for a minute');
    const short = await run('import time\ntime.sleep(0.05)\nprint("slept")\n');
    assert.equal(short.stdout, 'slept\n');
  });

  test('the time limit interrupts a long computation that records no steps', async () => {
    const trace = await run('total = 0\ntotal = sum(i * i for i in range(10**9) if i < 0)\n', {
      maxSteps: 1_000_000,
      timeoutMs: 400,
    });
    assert.equal(trace.error?.type, 'TimeLimitError');
    await stillWorks();
  });

  test('C code that never checks for interrupts is ended with its worker; the next snippet runs', async () => {
    const trace = await run('big = sum(range(10**13))\n', { timeoutMs: 300 });
    assert.equal(trace.error?.type, 'TimeLimitError');
    assert.match(trace.error!.message, /300 ms/);
    await stillWorks();
  });

  test('the output cap stops a flood of output and keeps what fits', async () => {
    const trace = await run('while True:\n    print("spam" * 10)\n', { maxOutput: 100 });
    assert.equal(trace.error?.type, 'OutputLimitError');
    assert.match(trace.error!.message, /100 characters/);
    assert.equal(trace.stdout.length, 100);
    assert.equal(trace.error!.line, 2);
    for (const step of trace.steps) assert.ok(step.stdout <= 100);
  });

  test('deep recursion ends in RecursionError and the interpreter stays usable', async () => {
    const source = 'import sys\nsys.setrecursionlimit(60)\ndef down(n):\n    return down(n + 1)\ndown(0)\n';
    const trace = await run(source, { maxSteps: 100_000 });
    assert.equal(trace.error?.type, 'RecursionError');
    assert.match(trace.error!.message, /maximum recursion depth/);
    assert.ok(Math.max(...trace.steps.map((s) => s.stack.length)) >= 50);
    const check = await run('import sys\nprint(sys.getrecursionlimit())\n');
    assert.equal(check.stdout, '1000\n', 'the recursion limit is restored for the next snippet');
  });

  test('deep recursion under the default limits stops at the step limit', async () => {
    // Every step lists the whole stack, so a deep stack makes big steps: keep this one short.
    const trace = await run('def down(n):\n    return down(n + 1)\ndown(0)\n', { maxSteps: 200 });
    assert.equal(trace.steps.length, 200);
    assert.ok(['StepLimitError', 'RecursionError'].includes(trace.error!.type));
    await stillWorks();
  });

  test("huge data: CPython's MemoryError, and containers too big to show are elided", async () => {
    const huge = await run('x = [0] * (10**9)\n');
    assert.equal(huge.error?.type, 'MemoryError');
    // 400 MB really allocated: WebAssembly memory never shrinks, so the interpreter is replaced after.
    const large = await run('x = [0] * (10**8)\nprint(len(x))\n', { maxMemoryMb: 1024 });
    assert.equal(large.stdout, '100000000\n');
    await stillWorks();
    const big = await run('data = list(range(300_000))\ntext = "ab" * 1_000_000\n');
    assert.equal(big.error, null);
    const last = big.steps.at(-1)!;
    const json = JSON.stringify(big);
    assert.ok(json.length < 50_000, `the trace stays small (${json.length} characters)`);
    assert.equal(last.stack[0]!.locals.length, 2);
    await stillWorks();
  });

  test('a huge web of objects is cut at 2000 objects per step, the rest shown as placeholders', async () => {
    const source =
      'web = [[list(map(str, range(i * 1600 + k * 40, i * 1600 + k * 40 + 40))) for k in range(40)] for i in ' +
      'range(3)]\ndone = True\n';
    const trace = await run(source, { maxSteps: 5000 });
    assert.equal(trace.error, null);
    const last = trace.steps.at(-1)!;
    const placeholders = trace.steps
      .flatMap((step) => Object.values(step.heap))
      .filter((obj) => String(obj.repr ?? '').includes('too many objects'));
    assert.ok(placeholders.length > 0);
    assert.ok(Object.keys(trace.steps[stepAtLine(trace, 2) - 1]!.heap).length <= 2100);
    assert.equal(last.stack[0]!.locals.length, 2);
  });

  test('syntax errors give the line and no steps', async () => {
    const trace = await run('x = 1\ndef f(:\n    pass\n');
    assert.equal(trace.error?.type, 'SyntaxError');
    assert.equal(trace.error!.line, 2);
    assert.deepEqual(trace.steps, []);
    const indent = await run('if True:\nprint(1)\n');
    assert.equal(indent.error?.type, 'IndentationError');
    const nul = await run('x = 1\0\n');
    assert.equal(nul.error?.type, 'SyntaxError');
  });

  test('an uncaught exception is the error, at the line that raised it', async () => {
    const trace = await run('def f(d):\n    return d["missing"]\nvalue = f({})\n');
    assert.deepEqual(trace.error, { type: 'KeyError', message: "'missing'", line: 2, column: 12, endColumn: 24 });
    assert.equal(trace.steps.at(-1)!.event, 'return');
  });

  test('sys.exit(0) is a normal end; another status is an error', async () => {
    assert.equal((await run('import sys\nsys.exit(0)\n')).error, null);
    assert.equal((await run('import sys\nsys.exit(3)\n')).error?.type, 'SystemExit');
  });

  test('options are validated with a clear message', async () => {
    await assert.rejects(
      simulator.trace('x = 1', { maxSteps: -1 }),
      /maxSteps must be from 1 to 1000000 \(got -1\)[\s\S]*hint/,
    );
    await assert.rejects(
      simulator.trace('x = 1', { timeout: 5 } as never),
      /unknown option timeout[\s\S]*hint: the options are maxSteps, timeoutMs/,
    );
  });
});
