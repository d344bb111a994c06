// `memlane init DIR` writes a starter site and loses nothing: it refuses a non-empty folder unless
// told --force, and even then replaces no file.
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { olderThan, starterFiles, starterNodeFloor } from '../../src/cli/init-command.ts';
import { runCli, tempDir } from './run-cli.ts';

describe('memlane init', () => {
  it('writes a Starlight site with memlane(), a lesson with two diagrams and a note, and a README', async () => {
    const dir = join(tempDir(), 'My Course');
    const result = await runCli(['init', dir]);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout.toString(), /npm install && npm run dev/);
    const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    assert.equal(manifest.name, 'my-course');
    assert.deepEqual(Object.keys(manifest.dependencies), ['@astrojs/starlight', 'astro', 'memlane']);
    assert.match(readFileSync(join(dir, 'astro.config.mjs'), 'utf8'), /import memlane from 'memlane';[^]*memlane\(\),\s*starlight\(/);
    const lesson = readFileSync(join(dir, 'src/content/docs/lessons/names-and-lists.md'), 'utf8');
    assert.equal(lesson.match(/```python memory/g)?.length, 2);
    assert.match(lesson, /# @note /);
    assert.match(readFileSync(join(dir, 'README.md'), 'utf8'), /npm install && npm run dev/);
    assert.ok(existsSync(join(dir, '.gitignore')));
  });

  it('--plain writes an Astro + MDX site without Starlight', async () => {
    const dir = join(tempDir(), 'plain');
    assert.equal((await runCli(['init', dir, '--plain'])).code, 0);
    const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    assert.deepEqual(Object.keys(manifest.dependencies), ['@astrojs/mdx', 'astro', 'memlane']);
    assert.match(readFileSync(join(dir, 'src/pages/index.mdx'), 'utf8'), /^---\nlayout: \.\.\/layouts\/Lesson\.astro\n/);
    assert.doesNotMatch(readFileSync(join(dir, 'astro.config.mjs'), 'utf8'), /starlight/);
  });

  it('refuses a folder that is not empty, and with --force still replaces no file', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'README.md'), 'mine\n');
    const refused = await runCli(['init', dir]);
    assert.equal(refused.code, 2);
    assert.match(refused.stderr, /is not empty \(README\.md\)\nhint: name a new or empty folder, or add --force/);
    const forced = await runCli(['init', dir, '--force']);
    assert.equal(forced.code, 2);
    assert.match(forced.stderr, /already has README\.md\nhint: move it away/);
    assert.equal(readFileSync(join(dir, 'README.md'), 'utf8'), 'mine\n');
    assert.ok(!existsSync(join(dir, 'package.json')), 'nothing written when a file would be replaced');
  });

  it("gives a starter made on a Node older than its Astro's the npm package node (Node 24) as a dev dependency, and no other starter", () => {
    const manifest = (nodeVersion: string) => JSON.parse(starterFiles('/tmp/course', 'starlight', nodeVersion).get('package.json')!);
    const repo = JSON.parse(readFileSync(join(import.meta.dirname, '../../package.json'), 'utf8'));
    const old = manifest('20.20.2');
    assert.deepEqual(old.devDependencies, { node: `^${repo.devDependencies.node}` });
    assert.match(old.devDependencies.node, /^\^24\./);
    assert.deepEqual(old.allowScripts, { node: true });
    for (const current of ['22.23.5', '24.22.3', '26.0.0']) assert.equal(manifest(current).devDependencies, undefined, current);
    assert.ok(olderThan('22.12.0', '22.23.4') && olderThan('v22.23.3', '22.23.4') && !olderThan('22.23.4', '22.23.4') && !olderThan('23.0.0', '22.23.4'));
  });

  it("knows the Node floor of the Astro its starters install", () => {
    const astro = JSON.parse(readFileSync(join(import.meta.dirname, '../../node_modules/astro/package.json'), 'utf8'));
    assert.equal(astro.engines.node, `>=${starterNodeFloor}`);
  });

  it('asks for the folder when none is given', async () => {
    const result = await runCli(['init']);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /name the folder to write the site into, e\.g\. memlane init my-course/);
  });
});
