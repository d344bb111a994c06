// Font preloads: added once to pages with a diagram, with the bundler's final URLs.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { addFontPreloads, builtFontUrls } from '../../src/integration/preload-fonts.ts';

const diagramPage =
  '<html><head><title>x</title></head><body><figure class="memlane not-content" id="a"></figure></body></html>';
const plainPage = '<html><head><title>x</title></head><body><p>words</p></body></html>';
const urls = ['/_astro/Inter-400-abc.X1.woff2', '/_astro/JetBrainsMono-400-def.Y2.woff2'];

describe('font preloads', () => {
  it('go into the head of a page with a diagram, one per font, with crossorigin so the fetch is reused', () => {
    const html = addFontPreloads(diagramPage, urls);
    const links = [
      ...html.matchAll(
        /<link rel="preload" href="([^"]+)" as="font" type="font\/woff2" crossorigin data-memlane-preload>/g,
      ),
    ].map((m) => m[1]);
    assert.deepEqual(links, urls);
    assert.ok(html.indexOf('data-memlane-preload') < html.indexOf('</head>'));
  });

  it('leave pages without diagrams alone, and are never added twice', () => {
    assert.equal(addFontPreloads(plainPage, urls), plainPage);
    const once = addFontPreloads(diagramPage, urls);
    assert.equal(addFontPreloads(once, urls), once);
  });

  it('find the bundled files by the names they were written with', () => {
    const dir = mkdtempSync(join(tmpdir(), 'memlane-preload-'));
    try {
      mkdirSync(join(dir, '_astro'));
      for (const name of ['Inter-400-abc.X1.woff2', 'Inter-600-zzz.Q9.woff2', 'other.css'])
        writeFileSync(join(dir, '_astro', name), '');
      assert.deepEqual(
        builtFontUrls(dir, ['Inter-400-abc.woff2', 'Inter-600-zzz.woff2', 'Missing-1-x.woff2'], '/docs'),
        ['/docs/_astro/Inter-400-abc.X1.woff2', '/docs/_astro/Inter-600-zzz.Q9.woff2'],
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
