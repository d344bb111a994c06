// A comparison's SVG file opened in Chromium: the marked outlines and arrows are painted in the theme's
// differs colour (a `site` file follows the viewer's light or dark mode), the unmarked keep theirs, and
// every text fits its box.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { palettes } from '../../src/render/themes.ts';
import { fixture, tempDir } from '../cli/run-cli.ts';
import { runMain } from '../cli/run-main.ts';
import { launchChromium } from '../geometry/chromium.ts';
import { overflowsInPage } from '../render/text-overflows.ts';
import { rgbOf } from '../cli/png-pixels.ts';

const dir = tempDir();
const css = (hex: string) => `rgb(${rgbOf(hex).join(', ')})`;

async function pairFile(theme: string): Promise<string> {
  const result = await runMain(['render', fixture('shallow-copy.py'), fixture('deep-copy.py'), '--theme', theme]);
  assert.equal(result.code, 0, result.stderr);
  const path = join(dir, `${theme}.svg`);
  writeFileSync(path, result.stdout);
  return path;
}

/** The painted colours of the first marked and first unmarked outline and arrow. */
const paintScript = `(() => {
  const stroke = (selector) => getComputedStyle(document.querySelector(selector)).stroke;
  return {
    marked: stroke('[data-differs] .ml-outline-mutable'),
    markedArrow: stroke('[data-differs] .ml-arrow-line'),
    plain: stroke('[data-object-id]:not([data-differs]) .ml-outline-mutable'),
  };
})()`;

describe('a comparison file in Chromium', () => {
  let browser: Browser;
  before(async () => {
    browser = await launchChromium();
  });
  after(() => browser?.close());

  const cases: [string, 'light' | 'dark', keyof typeof palettes][] = [
    ['light', 'dark', 'light'],
    ['dark', 'light', 'dark'],
    ['site', 'light', 'light'],
    ['site', 'dark', 'dark'],
  ];
  for (const [theme, scheme, palette] of cases) {
    it(`--theme ${theme}, viewed in ${scheme} mode: marks in the ${palette} differs colour`, async () => {
      const page = await browser.newPage({ colorScheme: scheme });
      try {
        await page.goto(`file://${await pairFile(theme)}`);
        const paint = await page.evaluate<Record<string, string>>(paintScript);
        assert.deepEqual(paint, {
          marked: css(palettes[palette].differs),
          markedArrow: css(palettes[palette].differs),
          plain: css(palettes[palette].mutableStroke),
        });
        assert.deepEqual(await page.evaluate<string[]>(overflowsInPage), []);
      } finally {
        await page.close();
      }
    });
  }
});
