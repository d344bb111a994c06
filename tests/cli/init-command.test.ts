// `memlane init DIR` writes a starter site and loses nothing: it refuses a non-empty folder unless
// told --force, and even then replaces no file.
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
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

  it('asks for the folder when none is given', async () => {
    const result = await runCli(['init']);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /name the folder to write the site into, e\.g\. memlane init my-course/);
  });
});
