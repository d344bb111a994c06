// The hostile corpus through a site build: every snippet that ends by itself becomes a diagram
// (expected failures declared with raises=), everything it prints or holds comes out escaped,
// and a snippet that fails without raises= stops the build naming the page and line.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { visit } from 'unist-util-visit';
import { buildSite, repoRoot, type BuildResult } from '../site/site-harness.ts';
import { hostileCorpus, hostileSource } from './hostile-corpus.ts';

const root = join(repoRoot, 'tests/fixtures/sites/hostile-corpus');
const page = join(root, 'content/index.md');
const outDir = mkdtempSync(join(tmpdir(), 'memlane-hostile-corpus-'));

/** Snippets with no steps to draw (they never started) or that need the uninterruptible time limit. */
const notDrawable = new Set(['SyntaxError', 'TimeLimitError']);
const drawn = hostileCorpus.filter(([, expected]) => !notDrawable.has(expected.error ?? ''));

function fence(file: string, raises: string | null): string {
  const options = [`id=${file.replace(/\.py$/, '').replace(/[^a-z0-9]+/g, '-')}`, `title="${file}"`];
  if (raises) options.push(`raises=${raises}`);
  return ['```python memory ' + options.join(' '), hostileSource(file).replace(/\n$/, ''), '```', ''].join('\n');
}

function writePage(blocks: string[]): void {
  mkdirSync(join(root, 'content'), { recursive: true });
  writeFileSync(page, ['---', 'title: Hostile corpus', '---', '', ...blocks].join('\n'));
}

let built: BuildResult;
before(async () => {
  writePage(drawn.map(([file, expected]) => fence(file, expected.error)));
  built = await buildSite(root, outDir);
});
after(() => {
  rmSync(outDir, { recursive: true, force: true });
  rmSync(join(root, 'content'), { recursive: true, force: true });
});

describe('hostile snippets through a site build', () => {
  test('the site builds with one diagram per snippet that runs', () => {
    assert.equal(built.status, 0, built.output.slice(-3000));
    const html = readFileSync(join(outDir, 'index.html'), 'utf8');
    const tree = fromHtml(html);
    const figures: string[] = [];
    visit(tree, 'element', (node: Element) => {
      if (node.tagName === 'figure' && String(node.properties.className ?? '').includes('memlane')) figures.push(String(node.properties.id));
    });
    assert.equal(figures.length, drawn.length, `figures: ${figures.join(', ')}`);
  });

  test('nothing a snippet holds or prints becomes markup: no script or event attribute from the corpus', () => {
    const tree = fromHtml(readFileSync(join(outDir, 'index.html'), 'utf8'));
    visit(tree, 'element', (node: Element) => {
      if (node.tagName === 'img') assert.notEqual(node.properties.src, 'x', 'the <img src=x> value became an element');
      for (const name of Object.keys(node.properties)) {
        if (/^on/i.test(name)) assert.fail(`<${node.tagName}> has an event attribute ${name}`);
      }
      if (node.tagName === 'script') {
        const text = node.children.map((c) => ('value' in c ? c.value : '')).join('');
        assert.ok(!text.includes('alert(1)'), 'a script element carries the snippet value');
      }
    });
    const html = readFileSync(join(outDir, 'index.html'), 'utf8');
    assert.ok(html.includes('&#x3C;script>alert(1)&#x3C;/script>') || html.includes('&lt;script&gt;alert(1)&lt;/script&gt;'), 'the markup value is shown as text');
  });

  test('a syntax error on the last line of a snippet fails the build with the page, the line and the error', async () => {
    const intro = 'Some words before the snippet.\n';
    writePage([intro, fence('syntax_last_line.py', null)]);
    const failed = await buildSite(root, mkdtempSync(join(tmpdir(), 'memlane-hostile-failing-')));
    assert.notEqual(failed.status, 0, 'the build must fail');
    // Front matter (3 lines), a blank line, the intro and its blank line, the fence line: the
    // snippet's first line is line 8 of the page, so its line 3 is line 10.
    assert.match(failed.output, /content\/index\.md:10/);
    assert.match(failed.output, /SyntaxError/);
    assert.match(failed.output, /never closed/);
  });
});
