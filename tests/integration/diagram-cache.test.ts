// The disk cache: an unchanged snippet is never traced twice, and a cached build never starts Pyodide.
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { closeSimulator, snippetToDiagram, type PipelineSettings } from '../../src/integration/snippet-to-diagram.ts';

const cacheDir = mkdtempSync(join(tmpdir(), 'memlane-cache-test-'));
const settings: PipelineSettings = {
  cacheDir,
  defaults: {},
  timeoutMs: 10_000,
  fingerprint: 'test',
  playground: 'playground/',
  live: { liveUrl: '/_memlane/live/', playground: '/playground/', timeoutMs: 10_000 },
};
const request = (written: string, rawOptions: Record<string, string> = {}) => ({
  written,
  rawOptions,
  location: { file: 'content/page.md', firstLine: 3 },
  fallbackId: 'diagram-1',
});
const simulatorStarted = () => (globalThis as Record<symbol, unknown>)[Symbol.for('memlane.simulator')] !== undefined;

after(async () => {
  await closeSimulator();
  rmSync(cacheDir, { recursive: true, force: true });
});

describe('the diagram cache', () => {
  it('serves a second render of the same snippet from disk without starting the interpreter', async () => {
    const first = await snippetToDiagram(request('a = [1]\nb = a'), settings);
    assert.ok(simulatorStarted());
    assert.equal(readdirSync(cacheDir).length, 1);
    await closeSimulator();
    assert.equal(simulatorStarted(), false);
    const second = await snippetToDiagram(request('a = [1]\nb = a'), settings);
    assert.equal(second, first);
    assert.equal(simulatorStarted(), false, 'a cache hit must not start Pyodide');
  });

  it('traces again when the code, an option or Memlane itself changes', async () => {
    await snippetToDiagram(request('a = [1]\nb = a', { scalars: 'inline' }), settings);
    await snippetToDiagram(request('a = [2]\nb = a'), settings);
    await snippetToDiagram(request('a = [1]\nb = a'), { ...settings, fingerprint: 'another version' });
    assert.equal(readdirSync(cacheDir).filter((f) => f.endsWith('.html')).length, 4);
  });

  it('never caches a failing snippet', async () => {
    const before = readdirSync(cacheDir).length;
    await assert.rejects(
      snippetToDiagram(request('x = 1 / 0'), settings),
      /content\/page\.md:3: the Python snippet failed: ZeroDivisionError/,
    );
    assert.equal(readdirSync(cacheDir).length, before);
  });
});
