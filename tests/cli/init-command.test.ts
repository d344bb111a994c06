// `memlane init DIR` writes a starter site and loses nothing: it refuses a non-empty folder unless
// told --force, and even then replaces no file.
import assert from 'node:assert/strict';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { olderThan, starterFiles, starterNodeFloor } from '../../src/cli/init-command.ts';
import { memlaneDependency } from '../../src/cli/memlane-dependency.ts';
import { shellNodeVersion } from '../../src/cli/shell-node.ts';
import { tempDir } from './run-cli.ts';
import { runMain } from './run-main.ts';

describe('memlane init', () => {
  it('writes a Starlight site with memlane(), a lesson with two diagrams and a note, and a README', async () => {
    const dir = join(tempDir(), 'My Course');
    const result = await runMain(['init', dir]);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout.toString(), /npm install && npm run dev/);
    const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    assert.equal(manifest.name, 'my-course');
    assert.deepEqual(Object.keys(manifest.dependencies), ['@astrojs/starlight', 'astro', 'memlane']);
    assert.match(
      readFileSync(join(dir, 'astro.config.mjs'), 'utf8'),
      /import memlane from 'memlane';[\s\S]*memlane\(\),\s*starlight\(/,
    );
    const lesson = readFileSync(join(dir, 'src/content/docs/lessons/names-and-lists.md'), 'utf8');
    assert.equal(lesson.match(/```python memory/g)?.length, 2);
    assert.match(lesson, /# @note /);
    assert.match(readFileSync(join(dir, 'README.md'), 'utf8'), /npm install && npm run dev/);
    assert.ok(existsSync(join(dir, '.gitignore')));
  });

  it('--plain writes an Astro + MDX site without Starlight', async () => {
    const dir = join(tempDir(), 'plain');
    assert.equal((await runMain(['init', dir, '--plain'])).code, 0);
    const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    assert.deepEqual(Object.keys(manifest.dependencies), ['@astrojs/mdx', 'astro', 'memlane']);
    assert.match(
      readFileSync(join(dir, 'src/pages/index.mdx'), 'utf8'),
      /^---\nlayout: \.\.\/layouts\/Lesson\.astro\n/,
    );
    assert.doesNotMatch(readFileSync(join(dir, 'astro.config.mjs'), 'utf8'), /starlight/);
  });

  it('refuses a folder that is not empty, and with --force still replaces no file', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'README.md'), 'mine\n');
    const refused = await runMain(['init', dir]);
    assert.equal(refused.code, 2);
    assert.match(refused.stderr, /is not empty \(README\.md\)\nhint: name a new or empty folder, or add --force/);
    const forced = await runMain(['init', dir, '--force']);
    assert.equal(forced.code, 2);
    assert.match(forced.stderr, /already has README\.md\nhint: move it away/);
    assert.equal(readFileSync(join(dir, 'README.md'), 'utf8'), 'mine\n');
    assert.ok(!existsSync(join(dir, 'package.json')), 'nothing written when a file would be replaced');
  });

  it(
    'depends on the tarball memlane was installed from (npx --package, npm install FILE), else on its ' +
      'version range',
    () => {
      const dir = tempDir();
      let prefixes = 0;
      const installed = (request: unknown): string => {
        const prefix = join(dir, `prefix-${(prefixes += 1)}`);
        mkdirSync(join(prefix, 'node_modules', 'memlane'), { recursive: true });
        writeFileSync(join(prefix, 'package.json'), JSON.stringify({ dependencies: { memlane: request } }));
        return join(prefix, 'node_modules', 'memlane');
      };
      mkdirSync(join(dir, 'repo'));
      writeFileSync(join(dir, 'repo', 'memlane-0.1.0.tgz'), '');
      const site = join(dir, 'my-course');
      // npx writes the request relative to its cache folder; npm install FILE relative to the project.
      assert.deepEqual(memlaneDependency(installed(`file:../repo/memlane-0.1.0.tgz`), '0.1.0', site), {
        spec: 'file:../repo/memlane-0.1.0.tgz',
        from: join(dir, 'repo', 'memlane-0.1.0.tgz'),
      });
      assert.equal(
        memlaneDependency(
          installed(`file:${join(dir, 'repo', 'memlane-0.1.0.tgz')}`),
          '0.1.0',
          join(dir, 'repo', 'site'),
        ).spec,
        'file:../memlane-0.1.0.tgz',
      );
      assert.equal(
        memlaneDependency(installed('file:../repo/gone.tgz'), '0.1.0', site).spec,
        '^0.1.0',
        'a file that is gone is no dependency',
      );
      assert.equal(memlaneDependency(installed('^0.1.0'), '0.1.0', site).spec, '^0.1.0');
      assert.equal(
        memlaneDependency(join(dir, 'repo'), '0.1.0', site).spec,
        '^0.1.0',
        'a checkout is not a package folder',
      );
    },
  );

  it("reads the Node of the user's shell, not one a project's node_modules/.bin puts first", () => {
    const dir = tempDir();
    const fakeNode = (folder: string, version: string): string => {
      mkdirSync(folder, { recursive: true });
      writeFileSync(join(folder, 'node'), `#!/bin/sh\necho v${version}\n`);
      chmodSync(join(folder, 'node'), 0o755);
      return folder;
    };
    const project = fakeNode(join(dir, 'memlane', 'node_modules', '.bin'), '24.21.0');
    const machine = fakeNode(join(dir, 'usr', 'bin'), '20.20.2');
    assert.equal(shellNodeVersion({ PATH: [project, machine].join(':') }), '20.20.2');
    assert.equal(shellNodeVersion({ PATH: project }), process.versions.node, 'no shell Node: this one');
  });

  it(
    "gives a starter made on a Node older than its Astro's the npm package node (Node 24) as a dev " +
      'dependency, and no other starter',
    () => {
      const manifest = (nodeVersion: string) =>
        JSON.parse(starterFiles('/tmp/course', 'starlight', nodeVersion).get('package.json')!);
      const repo = JSON.parse(readFileSync(join(import.meta.dirname, '../../package.json'), 'utf8'));
      const old = manifest('20.20.2');
      assert.deepEqual(old.devDependencies, { node: `^${repo.devDependencies.node}` });
      assert.match(old.devDependencies.node, /^\^24\./);
      assert.deepEqual(old.allowScripts, { node: true });
      for (const current of ['22.23.5', '24.22.3', '26.0.0'])
        assert.equal(manifest(current).devDependencies, undefined, current);
      assert.ok(
        olderThan('22.12.0', '22.23.4') &&
          olderThan('v22.23.3', '22.23.4') &&
          !olderThan('22.23.4', '22.23.4') &&
          !olderThan('23.0.0', '22.23.4'),
      );
    },
  );

  it('knows the Node floor of the Astro its starters install', () => {
    const astro = JSON.parse(readFileSync(join(import.meta.dirname, '../../node_modules/astro/package.json'), 'utf8'));
    assert.equal(astro.engines.node, `>=${starterNodeFloor}`);
  });

  it('asks for the folder when none is given', async () => {
    const result = await runMain(['init']);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /name the folder to write the site into, e\.g\. memlane init my-course/);
  });
});
