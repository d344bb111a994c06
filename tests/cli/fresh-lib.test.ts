// A checkout's lib/ is fresh only while every source and folder has the size and times recorded by its
// build and the build id recorded is lib/'s: an edit, a new, removed or renamed file or another build
// makes it stale.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { libIsFresh, libSources, recordLibSources, stampsOf } from '../../scripts/fresh-lib.mjs';

/** A checkout with two sources, the build recipe and a lib/ whose build was recorded. */
function builtCheckout(): string {
  const root = mkdtempSync(join(tmpdir(), 'mlb-'));
  mkdirSync(join(root, 'src', 'cli'), { recursive: true });
  mkdirSync(join(root, 'scripts'));
  mkdirSync(join(root, 'lib'));
  writeFileSync(join(root, 'src', 'api.ts'), 'export {};\n');
  writeFileSync(join(root, 'src', 'cli', 'main.ts'), 'export {};\n');
  writeFileSync(join(root, 'scripts', 'build-package.ts'), '// the recipe\n');
  writeFileSync(join(root, 'lib', 'build.json'), JSON.stringify({ id: 'one' }));
  const sources = libSources(root);
  recordLibSources(root, sources, stampsOf(root, sources), 'one');
  return root;
}

describe("a checkout's lib/ freshness", () => {
  it('lists every file and folder under src/, and the build recipe', () => {
    const listed = ['scripts/build-package.ts', 'src/', 'src/api.ts', 'src/cli/', 'src/cli/main.ts'];
    assert.deepEqual(libSources(builtCheckout()), listed);
  });

  it('is fresh after its build, and stale after an edit, a new or removed source, or another build', () => {
    const changes: [string, (root: string) => void][] = [
      ['an edit', (root) => writeFileSync(join(root, 'src', 'api.ts'), 'export const edited = 1;\n')],
      ['a new source', (root) => writeFileSync(join(root, 'src', 'new.ts'), '\n')],
      ['a removed source', (root) => rmSync(join(root, 'src', 'cli', 'main.ts'))],
      [
        'a renamed source',
        (root) => renameSync(join(root, 'src', 'cli', 'main.ts'), join(root, 'src', 'cli', 'entry.ts')),
      ],
      ['a new folder', (root) => mkdirSync(join(root, 'src', 'more'))],
      [
        'an edit of the recipe',
        (root) => writeFileSync(join(root, 'scripts', 'build-package.ts'), '// another recipe\n'),
      ],
      ['another build', (root) => writeFileSync(join(root, 'lib', 'build.json'), JSON.stringify({ id: 'two' }))],
      ['no lib/', (root) => rmSync(join(root, 'lib'), { recursive: true })],
    ];
    for (const [what, change] of changes) {
      const root = builtCheckout();
      assert.equal(libIsFresh(root), true);
      change(root);
      assert.equal(libIsFresh(root), false, what);
    }
  });
});
