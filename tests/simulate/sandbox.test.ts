// The simulator's sandbox process, started in full and restored from its snapshot alike: it runs snippets with
// clear refusals for what has no place at build time, starts each with fresh names and ids, and leaves nothing
// behind when closed. (What a snippet cannot reach, and how that is proved: tests/security.)
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { createSimulator, type Simulator } from '../../src/simulate/index.ts';
import { assertValid } from './trace-facts.ts';

/** Pids of this process's children that run the sandbox script (Linux /proc). */
function sandboxChildren(): number[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .flatMap((pid) => {
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
        const command = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
        return parent === process.pid && command.includes('sandbox-host.mjs') ? [Number(pid)] : [];
      } catch {
        return []; // the process ended while we looked
      }
    });
}

// Both kinds of start must keep the same rules: a full start, and a restore from its snapshot.
const snapshotDir = mkdtempSync(join(tmpdir(), 'memlane-sandbox-snapshot-'));

for (const start of ['full', 'snapshot'] as const) {
  describe(`sandbox, interpreter ${start === 'full' ? 'started in full' : 'restored from the snapshot'}`, () => {
    let simulator: Simulator;
    before(async () => {
      simulator = await createSimulator({ snapshotDir });
      assert.equal(simulator.startedFrom, start);
    });
    after(() => simulator.close());
    const run = async (source: string, options = {}) => assertValid(await simulator.trace(source, options));

    test('close() leaves no sandbox process behind', async () => {
      const own = await createSimulator();
      const children = sandboxChildren();
      assert.ok(
        children.length >= 2,
        `the test's two simulators each run a sandbox process (found ${children.length})`,
      );
      await own.trace('x = 1\n');
      await own.close();
      const left = sandboxChildren();
      assert.equal(left.length, children.length - 1, 'exactly one sandbox ended');
      await assert.rejects(own.trace('x = 1\n'), /closed/);
    });

    test('input() fails with a clear message', async () => {
      const trace = await run('name = input("Your name? ")\n');
      assert.equal(trace.error?.type, 'RuntimeError');
      assert.match(trace.error!.message, /input\(\) is not available/);
      assert.equal(trace.error!.line, 1);
    });

    test('threads cannot start, as in CPython built without them', async () => {
      const trace = await run('import threading\nt = threading.Thread(target=print)\nt.start()\n');
      assert.equal(trace.error?.type, 'RuntimeError');
      assert.equal(trace.error!.message, "can't start new thread");
    });

    test('each snippet starts with fresh globals and ids', async () => {
      const a = await run('x = [1]\n');
      const b = await run('print("x" in globals())\ny = [2]\n');
      assert.equal(b.stdout, 'False\n');
      assert.equal(a.steps.at(-1)!.stack[0]!.id, 'f1');
      assert.equal(b.steps.at(-1)!.stack[0]!.id, 'f1');
      assert.equal(b.steps.at(-1)!.stack[0]!.locals[0]![1].ref, 'o1');
    });

    test('the tracer is not in sys.modules: a snippet cannot import it by name', async () => {
      const trace = await run('import sys\nprint([n for n in sys.modules if "memlane" in n])\n');
      assert.equal(trace.stdout, '[]\n');
      for (const name of ['_memlane_tracer', '_memlane_tracer.run', 'memlane_tracer']) {
        const attempt = await run(`import ${name}\n`);
        assert.equal(attempt.error?.type, 'ModuleNotFoundError', name);
      }
    });
  });
}
