// The security tests' one way to run a snippet: the real sandbox process, as the build, the CLI and the
// server run it, with a snapshot folder of the run's own.
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before } from 'node:test';
import { createSimulator, type Simulator } from '../../src/simulate/index.ts';
import type { Trace } from '../../src/trace/types.ts';
import { traceProblems } from '../../src/trace/validate-trace.ts';

/** A simulator for the file's tests, started before them and closed after. */
export function sandboxForTests(): {
  run(source: string, options?: Parameters<Simulator['trace']>[1]): Promise<Trace>;
} {
  let simulator: Simulator;
  before(async () => {
    simulator = await createSimulator({ snapshotDir: mkdtempSync(join(tmpdir(), 'memlane-security-')) });
  });
  after(() => simulator.close());
  return {
    async run(source, options = {}) {
      const trace = await simulator.trace(source, { maxSteps: 10_000, ...options });
      assert.deepEqual(traceProblems(trace), [], 'every trace the sandbox sends is valid');
      return trace;
    },
  };
}

/**
 * Source that runs `code` untraced (compiled under another file name) in a namespace of its own, then prints `result`.
 */
export function untraced(code: string, result: string): string {
  return (
    `scope = {}\nexec(compile(${JSON.stringify(code)}, "probe", "exec"), scope)\n` +
    `print(scope[${JSON.stringify(result)}])\n`
  );
}

export const lines = (stdout: string) => stdout.trimEnd().split('\n');
