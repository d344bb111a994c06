// The publish checks catch what they are for: an import of an undeclared package, a private or
// bin-less manifest, an Astro peer npm would install for the CLI alone.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { importedPackage, manifestProblems, undeclaredImports, type Manifest } from '../../scripts/package-checks.ts';

function packageFolder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'memlane-checks-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

const manifest: Manifest = {
  name: 'memlane',
  version: '0.1.0',
  dependencies: { shiki: '3.23.0' },
  peerDependencies: { astro: '^7.0.0' },
  peerDependenciesMeta: { astro: { optional: true } },
};

describe('package checks', () => {
  it('names the package of a bare specifier, and none for relative, builtin or virtual ones', () => {
    assert.equal(importedPackage('@codemirror/view'), '@codemirror/view');
    assert.equal(importedPackage('@astrojs/starlight/components/Search.astro'), '@astrojs/starlight');
    assert.equal(importedPackage('shiki/core'), 'shiki');
    for (const local of [
      './a.js',
      '../b.js',
      'node:fs',
      'fs',
      'fs/promises',
      'astro:content',
      'virtual:memlane/options',
    ])
      assert.equal(importedPackage(local), undefined, local);
  });

  it('finds every shipped file that imports a package the manifest does not declare', () => {
    const dir = packageFolder({
      'lib/a.js':
        "import { codeToHtml } from 'shiki';\nimport { readFile } from 'node:fs/promises';\n" +
        "export { x } from './b.js';\n",
      'lib/b.js':
        "const view = await import('@codemirror/view');\nimport 'zod';\n" +
        'const label = { "data-from": clean(arrow.from), "x": 1 };\n',
      'components/C.astro':
        "---\nimport type { Tree } from '@lezer/common';\nimport Search from " +
        "'@astrojs/starlight/components/Search.astro';\nimport memlane from 'memlane';\n---\n",
      'templates/starlight/astro.config.mjs': "import starlight from '@astrojs/starlight';\n",
      'lib/a.d.ts': "import type { Z } from 'typescript';\n",
    });
    assert.deepEqual(undeclaredImports(dir, manifest), [
      'components/C.astro imports "@astrojs/starlight/components/Search.astro", but package.json does not ' +
        'list @astrojs/starlight in dependencies or peerDependencies',
      'lib/b.js imports "@codemirror/view", but package.json does not list @codemirror/view in dependencies ' +
        'or peerDependencies',
      'lib/b.js imports "zod", but package.json does not list zod in dependencies or peerDependencies',
    ]);
  });

  it(
    'refuses a private manifest, a missing or shebang-less bin, ' + 'and a peer npm would install for the CLI alone',
    () => {
      const dir = packageFolder({ 'scripts/memlane.mjs': "console.log('no shebang')\n" });
      assert.deepEqual(
        manifestProblems(dir, {
          ...manifest,
          private: true,
          bin: { memlane: 'scripts/memlane.mjs', other: 'gone.js' },
          peerDependenciesMeta: {},
        }),
        [
          'package.json says "private": true, so npm publish refuses it',
          'bin memlane: scripts/memlane.mjs does not start with #!/usr/bin/env node',
          'bin other: gone.js is not in the package',
          'peer dependency astro is not optional: npm installs it even for the CLI alone',
        ],
      );
      writeFileSync(join(dir, 'scripts/memlane.mjs'), '#!/usr/bin/env node\n');
      assert.deepEqual(manifestProblems(dir, { ...manifest, bin: { memlane: 'scripts/memlane.mjs' } }), []);
    },
  );
});
