// The host checks every reply before it draws it: a sandbox that lies (its process taken over, say) gets its
// reply refused when it is malformed, out of order or too big, and a fresh sandbox for the next run. The real
// parent runs a forging sandbox script (fixtures/forging-host.mjs) copied beside the interpreter's files.
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { createSimulator, type Simulator } from '../../src/simulate/index.ts';
import { repoRoot } from '../cli/run-cli.ts';

// Inside node_modules, so that Pyodide resolves from the copy as from src/simulate.
const copy = join(repoRoot, 'node_modules', '.cache', `memlane-forging-${process.pid}`);

describe('a sandbox that lies', () => {
  let simulator: Simulator;
  before(async () => {
    mkdirSync(copy, { recursive: true });
    cpSync(join(repoRoot, 'src', 'simulate'), join(copy, 'simulate'), { recursive: true });
    cpSync(join(import.meta.dirname, 'fixtures', 'forging-host.mjs'), join(copy, 'simulate', 'sandbox-host.mjs'));
    simulator = await createSimulator({ workerPath: join(copy, 'simulate', 'sandbox-host.mjs'), snapshotDir: false });
  });
  after(async () => {
    await simulator?.close();
    rmSync(copy, { recursive: true, force: true });
  });

  const honestPid = async () => {
    const trace = await simulator.trace('an honest trace');
    assert.equal(trace.error, null);
    return Number(trace.steps[0]!.heap['o1']?.repr);
  };

  for (const [forgery, why] of [
    ['not JSON', /not JSON/],
    ['too big', /MiB, more than the 40 MiB a trace may be/],
    ['a gone object comes back', /brings back o1, which left the diagram before/],
    ['freed but not gone', /freed names o1, which is not in its gone/],
    ['a line the source does not have', /line 99 is not a line of the source/],
    ['the trace of other code', /the trace of some other code/],
  ] as const) {
    test(`${forgery}: the reply is refused, and the next run has a new sandbox`, async () => {
      const before = await honestPid();
      const trace = await simulator.trace(forgery);
      assert.equal(trace.error?.type, 'SimulatorError');
      assert.match(trace.error!.message, /the sandbox sent an invalid trace/);
      assert.match(trace.error!.message, why);
      assert.equal(trace.steps.length, 0);
      assert.notEqual(await honestPid(), before);
    });
  }

  test('a message of the wrong shape ends the sandbox', async () => {
    const before = await honestPid();
    await assert.rejects(simulator.trace('a wrong shape'), /the sandbox sent a message of the wrong shape/);
    assert.notEqual(await honestPid(), before);
  });

  test('a snapshot sent after start-up ends the sandbox', async () => {
    const before = await honestPid();
    await assert.rejects(simulator.trace('a snapshot after start'), /the sandbox sent a snapshot when none was due/);
    assert.notEqual(await honestPid(), before);
  });

  test('a sandbox that says its interpreter is not clean is replaced', async () => {
    const before = await honestPid();
    const trace = await simulator.trace('a trace, then no clean interpreter');
    assert.equal(trace.error, null);
    assert.notEqual(await honestPid(), before);
  });
});
