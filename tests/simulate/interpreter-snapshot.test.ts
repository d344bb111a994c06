// The interpreter snapshot: a restored interpreter traces exactly like a fresh one; a corrupt,
// truncated, stale or unloadable snapshot falls back to a full start with a one-line notice and is
// replaced; a snapshot is made only by a full start, before any snippet ran.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { createSimulator, type Simulator } from '../../src/simulate/index.ts';
import { snapshotHeader, snapshotPayload, HEADER_BYTES } from '../../src/simulate/snapshot-file.mjs';
import { captureStderr, currentSnapshotKey } from './snapshot-helpers.ts';

const corpus = new URL('../fixtures/corpus/snippets/', import.meta.url);
const snippets = readdirSync(corpus)
  .filter((name) => name.endsWith('.py'))
  .sort();
const key = currentSnapshotKey();
const tempDir = () => mkdtempSync(join(tmpdir(), 'memlane-snapshot-'));
const snapshotFile = (dir: string) => join(dir, 'interpreter.snapshot');

async function traceCorpus(simulator: Simulator): Promise<string[]> {
  const traces: string[] = [];
  for (const name of snippets)
    traces.push(JSON.stringify(await simulator.trace(readFileSync(new URL(name, corpus), 'utf8'), { filename: name })));
  return traces;
}

describe('snapshot file format', () => {
  const payload = randomBytes(10_000);
  const file = Buffer.concat([snapshotHeader(key, payload), payload]);

  test('a whole file made under the key gives back its payload, at an offset Pyodide can read as 32-bit words', () => {
    const checked = snapshotPayload(file, key);
    assert.ok('payload' in checked);
    assert.deepEqual(Buffer.from(checked.payload), payload);
    assert.equal(checked.payload.byteOffset % 4, 0);
    assert.equal(HEADER_BYTES % 4, 0);
  });

  test('garbage, a truncated file, another key and a flipped byte are each refused, with the reason', () => {
    const flipped = Buffer.from(file);
    flipped[HEADER_BYTES + 5_000]! ^= 0x01;
    const cases: [Uint8Array, RegExp][] = [
      [randomBytes(50_000), /not a memlane interpreter snapshot/],
      [file.subarray(0, 100), /truncated \(100 bytes\)/],
      [file.subarray(0, file.length - 1), /truncated \(9999 of 10000 bytes\)/],
      [Buffer.concat([snapshotHeader('another key', payload), payload]), /stale/],
      [flipped, /damaged \(checksum mismatch\)/],
    ];
    for (const [bytes, reason] of cases) {
      const checked = snapshotPayload(bytes, key);
      assert.ok('problem' in checked, `refused: ${reason}`);
      assert.match(checked.problem, reason);
    }
  });
});

describe('interpreter snapshot', () => {
  const dir = tempDir();
  let freshTraces: string[];
  let freshNotices: string[];
  let snapshotBytes: Buffer;

  before(async () => {
    const stderr = captureStderr();
    try {
      const fresh = await createSimulator({ snapshotDir: dir });
      assert.equal(fresh.startedFrom, 'full');
      freshTraces = await traceCorpus(fresh);
      await fresh.close(); // waits for the snapshot file to be written
    } finally {
      freshNotices = stderr.stop();
    }
    snapshotBytes = readFileSync(snapshotFile(dir));
  });

  test('a full start with no snapshot saves one, made before any snippet ran, and says nothing', () => {
    assert.deepEqual(freshNotices, []);
    const checked = snapshotPayload(snapshotBytes, key);
    assert.ok('payload' in checked, 'the saved snapshot is whole and under the current key');
    assert.deepEqual(readdirSync(dir), ['interpreter.snapshot'], 'no temporary file is left');
    // The corpus snippets ran after the snapshot was made: none of their names is in it.
    assert.equal(Buffer.from(checked.payload).indexOf('c24_mutable_default_trap'), -1);
  });

  test('a restored interpreter traces every corpus snippet exactly as a fresh one', async () => {
    const stderr = captureStderr();
    const restored = await createSimulator({ snapshotDir: dir });
    try {
      assert.equal(restored.startedFrom, 'snapshot');
      assert.equal(restored.python, '3.14.2');
      const traces = await traceCorpus(restored);
      assert.equal(traces.length, snippets.length);
      traces.forEach((trace, index) => assert.equal(trace, freshTraces[index], `${snippets[index]} traces the same`));
      // Modules that no lesson imported before the snapshot still import from the standard library.
      const late = await restored.trace(
        'import fractions, statistics\nhalf = fractions.Fraction(1, 2)\nprint(half, statistics.mean([1, 2, 3]))\n',
      );
      assert.equal(late.error, null, JSON.stringify(late.error));
      assert.equal(late.stdout, '1/2 2\n');
    } finally {
      await restored.close();
      assert.deepEqual(stderr.stop(), []);
    }
  });

  test(
    'a garbage, truncated, stale or unloadable snapshot falls back to a full start with a one-line notice ' +
      'and is replaced',
    async () => {
      const payload = snapshotBytes.subarray(HEADER_BYTES);
      const unloadable = randomBytes(64 * 1024);
      const damaged: [string, Uint8Array, RegExp][] = [
        ['garbage', randomBytes(200_000), /it is not a memlane interpreter snapshot/],
        ['truncated', snapshotBytes.subarray(0, snapshotBytes.length >> 1), /it is truncated/],
        ['stale', Buffer.concat([snapshotHeader('made by an older tracer', payload), payload]), /it is stale/],
        // Whole and under the right key, but not a memory image Pyodide accepts.
        [
          'unloadable',
          Buffer.concat([snapshotHeader(key, unloadable), unloadable]),
          /it failed to load \(Snapshot has invalid magic number\)/,
        ],
      ];
      const dirs = damaged.map(([, bytes]) => {
        const caseDir = tempDir();
        writeFileSync(snapshotFile(caseDir), bytes);
        return caseDir;
      });
      const stderr = captureStderr();
      let notices: string[] = [];
      try {
        // One at a time: four full starts at once would crowd out the other test files.
        for (const caseDir of dirs) {
          const simulator = await createSimulator({ snapshotDir: caseDir });
          try {
            assert.equal(simulator.startedFrom, 'full');
            const trace = await simulator.trace(readFileSync(new URL('c04_shallow_deep.py', corpus), 'utf8'), {
              filename: 'c04_shallow_deep.py',
            });
            assert.equal(JSON.stringify(trace), freshTraces[snippets.indexOf('c04_shallow_deep.py')]);
          } finally {
            await simulator.close();
          }
        }
      } finally {
        notices = stderr.stop();
      }
      assert.equal(notices.length, damaged.length, notices.join('\n'));
      damaged.forEach(([name, , reason], index) => {
        const notice = notices.find((line) => line.includes(snapshotFile(dirs[index]!)));
        assert.ok(notice, `a notice for the ${name} snapshot`);
        assert.match(
          notice,
          new RegExp(
            `^memlane: interpreter snapshot \\S+: ${reason.source}.*; started the interpreter in full, and a ` +
              `new snapshot replaces it$`,
          ),
        );
        const replaced = readFileSync(snapshotFile(dirs[index]!));
        assert.ok('payload' in snapshotPayload(replaced, key), `the ${name} snapshot was replaced by a good one`);
        assert.deepEqual(readdirSync(dirs[index]!), ['interpreter.snapshot']);
      });
    },
  );

  test('$MEMLANE_SNAPSHOT_DIR chooses the folder; off turns the snapshot off', async () => {
    const previous = process.env.MEMLANE_SNAPSHOT_DIR;
    try {
      process.env.MEMLANE_SNAPSHOT_DIR = dir;
      const chosen = await createSimulator();
      assert.equal(chosen.startedFrom, 'snapshot');
      await chosen.close();
      process.env.MEMLANE_SNAPSHOT_DIR = 'off';
      const off = await createSimulator();
      assert.equal(off.startedFrom, 'full');
      await off.close();
    } finally {
      if (previous === undefined) delete process.env.MEMLANE_SNAPSHOT_DIR;
      else process.env.MEMLANE_SNAPSHOT_DIR = previous;
    }
    assert.deepEqual(readFileSync(snapshotFile(dir)), snapshotBytes, 'off neither used nor replaced the snapshot');
  });
});
