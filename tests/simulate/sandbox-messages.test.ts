// The sandbox process is untrusted: only messages of exactly the expected shape are accepted.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseSandboxMessage } from '../../src/simulate/sandbox-messages.ts';

describe('sandbox messages', () => {
  test('the five kinds, with exactly their fields, are accepted', () => {
    const good = [
      { kind: 'ready', python: '3.14.2', startupMs: 1800.5, startedFrom: 'snapshot', snapshotProblem: '' },
      { kind: 'ready', python: '3.14.2', startupMs: 4200, startedFrom: 'full', snapshotProblem: 'it is stale' },
      { kind: 'snapshot', bytes: new Uint8Array(64) },
      { kind: 'failed', message: 'no pyodide' },
      { kind: 'trace', id: 3, json: '{}', memoryBytes: 2 ** 24, memoryLimitHit: false, clean: true },
      { kind: 'fatal', id: 3, interrupted: true, message: 'KeyboardInterrupt' },
    ];
    for (const message of good) assert.deepEqual(parseSandboxMessage(message), message);
  });

  test('anything else is refused', () => {
    const bad: unknown[] = [
      null,
      'ready',
      42,
      [],
      {},
      { kind: 'toString' },
      { kind: '__proto__' },
      { kind: 'ready', python: '3.14.2' },
      { kind: 'ready', python: '<script>', startupMs: 1 },
      { kind: 'ready', python: '3.14.2', startupMs: 1, startedFrom: 'full', snapshotProblem: '', extra: true },
      { kind: 'ready', python: '3.14.2', startupMs: 1, startedFrom: 'disk', snapshotProblem: '' },
      { kind: 'ready', python: '3.14.2', startupMs: 1, startedFrom: 'full', snapshotProblem: 'two\nlines' },
      { kind: 'ready', python: '3.14.2', startupMs: 1, startedFrom: 'full', snapshotProblem: 'x'.repeat(501) },
      { kind: 'snapshot', bytes: new Uint8Array(0) },
      { kind: 'snapshot', bytes: [1, 2, 3] },
      { kind: 'snapshot', bytes: 'AAAA' },
      { kind: 'trace', id: '3', json: '{}', memoryBytes: 1 },
      { kind: 'trace', id: 0, json: '{}', memoryBytes: 1 },
      { kind: 'trace', id: 1.5, json: '{}', memoryBytes: 1 },
      { kind: 'trace', id: 3, json: { steps: [] }, memoryBytes: 1 },
      { kind: 'trace', id: 3, json: '{}', memoryBytes: Number.NaN },
      { kind: 'trace', id: 3, json: '{}', memoryBytes: 1, memoryLimitHit: 'yes', clean: true },
      { kind: 'fatal', id: 3, interrupted: 'yes', message: 'x' },
      { kind: 'run', id: 1, source: 'x = 1', options: {} },
    ];
    for (const message of bad) assert.equal(parseSandboxMessage(message), undefined, JSON.stringify(message));
  });
});
