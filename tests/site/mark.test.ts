// <Mark>: drawn when scrolled into view, hidden from assistive tech, not animated under reduced motion.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { builtSite, launchChromium, openPage, serveSite } from './site-harness.ts';

let browser: Browser;
let server: Awaited<ReturnType<typeof serveSite>>;

before(async () => {
  server = await serveSite(await builtSite());
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

async function drawnMark(reducedMotion: 'reduce' | 'no-preference') {
  const { page, errors } = await openPage(browser, { reducedMotion, viewport: { width: 1000, height: 700 } });
  await page.goto(`${server.url}/authoring/writing-a-lesson/`);
  const mark = page.locator('.memlane-mark').first();
  assert.equal(await page.locator('.memlane-mark + svg.rough-annotation').count(), 0, 'nothing is drawn before the words are in view');
  await mark.scrollIntoViewIfNeeded();
  const drawing = page.locator('.memlane-mark + svg.rough-annotation').first();
  await drawing.waitFor({ state: 'attached' });
  const result = await drawing.evaluate((svg) => ({
    hidden: svg.getAttribute('aria-hidden'),
    paths: svg.querySelectorAll('path').length,
    animated: [...svg.querySelectorAll('path')].some((path) => path.style.animation !== ''),
  }));
  assert.deepEqual(errors, []);
  await page.context().close();
  return result;
}

describe('<Mark>', () => {
  it('draws an underline hidden from assistive tech, animated by default', async () => {
    const drawn = await drawnMark('no-preference');
    assert.equal(drawn.hidden, 'true');
    assert.ok(drawn.paths > 0);
    assert.equal(drawn.animated, true);
  });

  it('draws without animation when the reader prefers reduced motion', async () => {
    const drawn = await drawnMark('reduce');
    assert.ok(drawn.paths > 0);
    assert.equal(drawn.animated, false);
  });
});
