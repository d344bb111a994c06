// The diagram cache is invalidated by a change anywhere in the code that makes a page's diagram HTML:
// every folder of src/ the page adapter imports, directly or not, is one the fingerprint reads.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { shapingDirs } from '../../src/integration/diagram-cache.ts';

const src = resolve(import.meta.dirname, '../../src');

/** The src/ files `entry` reaches through relative imports (static and dynamic). */
function reachable(entry: string): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    for (const [, spec] of text.matchAll(/(?:from|import\()\s*'(\.{1,2}\/[^']+)'/g)) {
      const target = resolve(dirname(file), spec!);
      if (target.startsWith(src) && /\.(ts|mjs|js)$/.test(target)) visit(target);
    }
  };
  visit(entry);
  return seen;
}

describe('the diagram cache fingerprint', () => {
  it('reads every folder whose code the page adapter runs', () => {
    const folders = new Set(
      [...reachable(resolve(src, 'integration/snippet-to-diagram.ts'))].map(
        (file) => relative(src, file).split('/')[0]!,
      ),
    );
    assert.ok(folders.has('highlight') && folders.has('layout'), [...folders].join(' '));
    for (const folder of folders) {
      assert.ok(shapingDirs.includes(folder), `${folder}/ shapes the HTML but is not fingerprinted`);
    }
  });
});
