// The worker is found next to the simulator's sources, or where the caller says it is.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { describe, test } from 'node:test';
import { createSimulator, findWorkerPath } from '../../src/simulate/index.ts';

describe('simulator worker location', () => {
  test('found by default, next to code-to-trace.ts', () => {
    const path = findWorkerPath();
    assert.ok(path.endsWith('src/simulate/sandbox-host.mjs'));
    assert.ok(existsSync(path));
  });

  test('an explicit path that does not exist is a clear error', async () => {
    await assert.rejects(
      createSimulator({ workerPath: '/nowhere/sandbox-host.mjs' }),
      /\/nowhere\/sandbox-host\.mjs does not exist/,
    );
  });
});
