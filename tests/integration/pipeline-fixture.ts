// What the plugin tests share: pipeline settings without a cache, a temporary folder of pages removed
// (with the interpreter closed) after the file, and the MDX page that mixes a fence with <MemoryDiagram>.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after } from 'node:test';
import { closeSimulator, type PipelineSettings } from '../../src/integration/snippet-to-diagram.ts';

export const settings: PipelineSettings = {
  cacheDir: false,
  defaults: {},
  timeoutMs: 10_000,
  fingerprint: 'test',
  playground: 'playground/',
  live: { liveUrl: '/_memlane/live/', playground: '/playground/', timeoutMs: 10_000 },
};

/** A folder for this test file's pages; it and the interpreter go when the file's tests end. */
export function pagesFolder(prefix: string): { root: string; write(name: string, text: string): string } {
  const root = mkdtempSync(join(tmpdir(), prefix));
  after(async () => {
    await closeSimulator();
    rmSync(root, { recursive: true, force: true });
  });
  return {
    root,
    write(name, text) {
      writeFileSync(join(root, name), text);
      return join(root, name);
    },
  };
}

/** An MDX page with an expression, a fence whose code holds braces, and a <MemoryDiagram> over lines 13-16. */
export const copiesMdx = [
  '---',
  'title: Copies',
  '---',
  '',
  'Text with {1 + 1}.',
  '',
  '```python memory',
  "d = {'k': '{x}'}",
  '```',
  '',
  '<MemoryDiagram',
  '  title="On its own line"',
  '  code={`x = 1`}',
  '/>',
  '',
];
