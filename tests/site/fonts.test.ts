// Diagram fonts on pages: WOFF2 made from the TTFs the layout measures with, so text draws at the
// measured widths; fetched only by pages that show diagrams.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { faces } from '../../src/node/font-files.ts';
import { openPage, useBuiltSite } from './site-harness.ts';

const site = useBuiltSite();

/** Loads a page and returns the font files it fetched with their sizes. */
async function fontsFetched(path: string) {
  const { page, errors } = await openPage(site.browser, { viewport: { width: 1280, height: 900 } });
  const fonts: { url: string; bytes: number }[] = [];
  page.on('response', async (response) => {
    if (/\.(woff2?|ttf|otf)$/.test(new URL(response.url()).pathname))
      fonts.push({ url: response.url(), bytes: (await response.body()).length });
  });
  await page.goto(`${site.url}${path}`, { waitUntil: 'networkidle' });
  await page.evaluate(() => document.fonts.ready);
  return { page, errors, fonts };
}

describe('diagram fonts', () => {
  it('a page with diagrams preloads and fetches each face once as WOFF2, a third of the TTF bytes', async () => {
    const { page, errors, fonts } = await fontsFetched('/course/aliasing/');
    const files = fonts.map((f) => new URL(f.url).pathname.split('/').pop()!);
    assert.deepEqual(
      files.filter((f) => !f.endsWith('.woff2')),
      [],
    );
    assert.equal(new Set(files).size, files.length, 'no face fetched twice');
    assert.equal(files.length, Object.keys(faces).length);
    const ttfBytes = Object.values(faces).reduce((sum, face) => sum + readFileSync(face.file).length, 0);
    const served = fonts.reduce((sum, f) => sum + f.bytes, 0);
    assert.ok(served < ttfBytes / 2.4, `${served} bytes served for ${ttfBytes} bytes of TTF`);
    const preloads = await page
      .locator('head link[rel="preload"][as="font"]')
      .evaluateAll((links) => links.map((l) => (l as HTMLLinkElement).href));
    assert.deepEqual(preloads.sort(), fonts.map((f) => f.url).sort(), 'each fetched face is preloaded in the head');
    assert.deepEqual(errors, []);
    await page.context().close();
  });

  it('draws text at the widths of the TTFs the layout measured with', async () => {
    const { page } = await fontsFetched('/course/aliasing/');
    const sample = 'list o1 → [0] int 1, "Hello" <module> f(x=42) αβγ';
    for (const face of Object.values(faces)) {
      const ttf = readFileSync(face.file).toString('base64');
      // A string script: the test runner's transpiler would wrap named functions in __name.
      const widths = (await page.evaluate(`(async () => {
        const reference = new FontFace('Reference TTF', 'url(data:font/ttf;base64,${ttf})', {
          weight: '${face.weight}',
        });
        document.fonts.add(reference);
        await reference.load();
        const served = [...document.fonts].find(
          (f) => f.family.replace(/"/g, '') === ${JSON.stringify(face.family)} && f.weight === '${face.weight}',
        );
        if (!served || served.status !== 'loaded') return { served: served ? served.status : 'missing' };
        const context = document.createElement('canvas').getContext('2d');
        const width = (family) => {
          context.font = '${face.weight} 40px ' + family;
          return context.measureText(${JSON.stringify(sample)}).width;
        };
        return {
          served: served.status,
          page: width('"${face.family}"'),
          reference: width('"Reference TTF"'),
          fallback: width('serif'),
        };
      })()`)) as { served: string; page?: number; reference?: number; fallback?: number };
      assert.equal(widths.served, 'loaded', `${face.family} ${face.weight}`);
      assert.equal(widths.page, widths.reference, `${face.family} ${face.weight} width`);
      assert.notEqual(widths.page, widths.fallback, 'the sample tells faces apart');
    }
    await page.context().close();
  });

  it('a page without diagrams fetches no font files', async () => {
    const { page, fonts } = await fontsFetched('/reference/trace-format/');
    assert.equal(await page.locator('figure.memlane').count(), 0);
    assert.equal(await page.locator('link[rel="preload"][as="font"]').count(), 0);
    assert.deepEqual(
      fonts.map((f) => f.url),
      [],
    );
    await page.context().close();
  });
});
