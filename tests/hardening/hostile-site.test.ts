// The hostile corpus through a site build (one per test run): every snippet that ends by itself becomes
// a diagram (expected failures declared with raises=), everything it prints or holds comes out escaped,
// and a snippet that fails without raises= stops the build naming the page and line.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { visit } from 'unist-util-visit';
import { buildSite, repoRoot } from '../site/site-harness.ts';
import { drawnHostileCorpus, hostileCorpusSite, hostileFence } from './hostile-corpus.ts';

let outDir: string;
before(async () => {
  outDir = await hostileCorpusSite();
});

describe('hostile snippets through a site build', () => {
  test('the site builds with one diagram per snippet that runs', () => {
    const html = readFileSync(join(outDir, 'index.html'), 'utf8');
    const tree = fromHtml(html);
    const figures: string[] = [];
    visit(tree, 'element', (node: Element) => {
      if (node.tagName === 'figure' && String(node.properties.className ?? '').includes('memlane'))
        figures.push(String(node.properties.id));
    });
    assert.equal(figures.length, drawnHostileCorpus.length, `figures: ${figures.join(', ')}`);
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
    assert.ok(
      html.includes('&#x3C;script>alert(1)&#x3C;/script>') || html.includes('&lt;script&gt;alert(1)&lt;/script&gt;'),
      'the markup value is shown as text',
    );
  });

  test(
    'a syntax error on the last line of a snippet fails the build with the page, ' + 'the line and the error',
    async () => {
      const intro = 'Some words before the snippet.\n';
      // The smallest site of its own (plain Astro, one page), not the corpus's shared one.
      const root = join(repoRoot, 'tests/fixtures/sites/hostile-failing');
      mkdirSync(join(root, 'src/pages'), { recursive: true });
      writeFileSync(
        join(root, 'src/pages/index.md'),
        ['---', 'title: Failing', '---', '', intro, hostileFence('syntax_last_line.py', null)].join('\n'),
      );
      const failedOut = mkdtempSync(join(tmpdir(), 'memlane-hostile-failing-'));
      const failed = await buildSite(root, failedOut).finally(() =>
        rmSync(join(root, 'src'), { recursive: true, force: true }),
      );
      assert.notEqual(failed.status, 0, 'the build must fail');
      // Front matter (3 lines), a blank line, the intro and its blank line, the fence line: the
      // snippet's first line is line 8 of the page, so its line 3 is line 10.
      assert.match(failed.output, /src\/pages\/index\.md:10/);
      assert.match(failed.output, /SyntaxError/);
      assert.match(failed.output, /never closed/);
    },
  );
});
