// Snippets whose values look like markup, scripts, quotes, other scripts and whitespace oddities:
// the site builds, shows them as text, runs none of them, and two builds are byte-identical.
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { visit } from 'unist-util-visit';
import { buildSite, launchChromium, openPage, repoRoot, serveSite } from './site-harness.ts';

const root = join(repoRoot, 'tests/fixtures/sites/hostile');
const outDirs = [mkdtempSync(join(tmpdir(), 'memlane-hostile-a-')), mkdtempSync(join(tmpdir(), 'memlane-hostile-b-'))];

function htmlFiles(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  const visit = (sub: string): void => {
    for (const name of readdirSync(sub)) {
      const path = join(sub, name);
      if (statSync(path).isDirectory()) visit(path);
      else if (name.endsWith('.html')) files.set(relative(dir, path), readFileSync(path, 'utf8'));
    }
  };
  visit(dir);
  return files;
}

before(async () => {
  // The fixture runs without the disk cache: both builds really trace every snippet.
  for (const outDir of outDirs) {
    const result = await buildSite(root, outDir);
    assert.equal(result.status, 0, result.output.slice(-3000));
  }
});
after(() => outDirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe('hostile snippets', () => {
  it('two builds of the same content give byte-identical HTML', () => {
    const [a, b] = outDirs.map(htmlFiles);
    assert.ok(a!.size > 0);
    assert.deepEqual([...a!.keys()].sort(), [...b!.keys()].sort());
    for (const [path, html] of a!) assert.ok(html === b!.get(path), `${path} differs between builds`);
  });

  it('escapes every value: parsing the HTML finds no injected element, attribute or script', () => {
    const tree = fromHtml(readFileSync(join(outDirs[0]!, 'index.html'), 'utf8'));
    const injected: string[] = [];
    visit(tree, 'element', (node: Element) => {
      const text = node.children.map((child) => ('value' in child ? child.value : '')).join('');
      if (node.tagName === 'script' && /alert/.test(text)) injected.push('a script from a snippet');
      if (node.tagName === 'img' && node.properties.src === 'x') injected.push('an <img> from a snippet');
      if (node.tagName === 'b') injected.push('a <b> from a note');
      for (const name of Object.keys(node.properties))
        if (/^on/i.test(name)) injected.push(`an ${name} attribute on <${node.tagName}>`);
    });
    assert.deepEqual(injected, []);
  });

  it('shows the values as text in the browser, runs nothing and logs no errors', async () => {
    const server = await serveSite(outDirs[0]!);
    const browser = await launchChromium();
    try {
      const { page, errors } = await openPage(browser);
      const dialogs: string[] = [];
      page.on('dialog', (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      });
      await page.goto(`${server.url}/`);
      const seen = await page.evaluate(() => ({
        injected: document.querySelectorAll('[onerror], img[src="x"], figure script, memlane-diagram b').length,
        output: [...document.querySelectorAll('.memlane-output-text')].map((el) => el.textContent).join('\n'),
        notes: Object.values(
          JSON.parse(document.querySelector('#markup memlane-diagram')!.getAttribute('data-notes')!) as string[],
        ).join(' '),
        title: document.querySelector('#markup .memlane-title')?.textContent,
        svgText: [...document.querySelectorAll('svg.memlane-diagram')].map((svg) => svg.textContent).join(' '),
        code: document.querySelector('#tabs-and-crlf .memlane-code')!.textContent,
      }));
      assert.equal(seen.injected, 0);
      assert.deepEqual(dialogs, []);
      assert.match(seen.output, /<script>alert\('x'\)<\/script> <img src=x onerror="alert\(1\)">/);
      assert.match(seen.output, /fish & chips; a < b > c single ' and double " quotes/);
      assert.match(seen.output, /héllo wörld ✓ 日本語 مرحبا بالعالم 👩‍👩‍👧 🐍/);
      assert.match(seen.notes, /<b>not bold<\/b> & "quoted"/);
      assert.equal(seen.title, `<script>alert('title')</script> & 'quotes'`);
      assert.match(seen.svgText, /fish &/);
      assert.doesNotMatch(seen.code!, /\r/);
      assert.match(seen.code!, /\treturn \[n\] \* 2/);
      assert.deepEqual(errors, []);
    } finally {
      await browser.close();
      await server.close();
    }
  });
});
