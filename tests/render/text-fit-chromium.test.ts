// Words measured by a real browser: every recorded diagram drawn in Chromium with the font files the
// layout measured (Inter, Inter SemiBold for headings, JetBrains Mono), and every text's box of ink
// checked against the box it belongs to and the picture.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { traceToLayout } from '../../src/layout/trace-to-layout.ts';
import { faces } from '../../src/node/font-files.ts';
import { layoutToSvg } from '../../src/render/layout-to-svg.ts';
import { launchChromium } from '../geometry/chromium.ts';
import { loadTrace, traceNames } from '../fixtures/traces/load.ts';
import { overflowsInPage } from './text-overflows.ts';
import { BOXES } from './render-helpers.ts';

const fontFaces = Object.values(faces)
  .map(
    (f) =>
      `@font-face { font-family: '${f.family}'; font-weight: ${f.weight}; src: ` +
      `url(data:font/ttf;base64,${readFileSync(f.file).toString('base64')}) format('truetype'); }`,
  )
  .join('\n');

const facesLoaded = `(async () => {
  const wanted = ['400 12px Inter', '600 12px Inter', "400 12px 'JetBrains Mono'"];
  await Promise.all(wanted.map((f) => document.fonts.load(f)));
  return wanted.every((f) => document.fonts.check(f));
})()`;

describe('text fits its box in Chromium', () => {
  let browser: Browser;
  let page: Page;
  before(async () => {
    browser = await launchChromium();
    page = await browser.newPage();
  });
  after(async () => {
    await browser?.close();
  });

  for (const name of traceNames) {
    it(`${name}: every text of every step inside its box and the picture`, async () => {
      const layout = traceToLayout(loadTrace(name), BOXES);
      const problems: string[] = [];
      // The faces are decoded once per diagram; each step's drawing then takes the place of the last.
      await page.setContent(`<!doctype html><style>${fontFaces}</style><body style="margin:0"></body>`);
      for (let step = 1; step <= layout.stepsTotal; step++) {
        const svg = layoutToSvg(layout, { step, theme: 'light' });
        await page.evaluate((drawing) => (document.body.innerHTML = drawing), svg);
        // The faces must be loaded before anything is measured, or a fallback font would be.
        const loaded = await page.evaluate<boolean>(facesLoaded);
        assert.ok(loaded, 'the diagram faces are loaded');
        problems.push(...(await page.evaluate<string[]>(overflowsInPage)).map((p) => `step ${step}: ${p}`));
      }
      assert.deepEqual([...new Set(problems)], []);
    });
  }
});
