// Light and dark modes: diagrams recolour with the site, and axe-core finds no serious problems.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { builtSite, launchChromium, openPage, repoRoot, serveSite } from './site-harness.ts';

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

async function pageIn(theme: 'light' | 'dark', path: string): Promise<Page> {
  const { page } = await openPage(browser, { colorScheme: theme });
  await page.goto(`${server.url}${path}`);
  assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), theme);
  return page;
}

/** Computed colours of the first object box and the first frame box of a diagram. */
function diagramColours(page: Page, id: string) {
  return page.evaluate((id) => {
    const svg = document.querySelector(`#${id} svg.memlane-diagram`)!;
    // No named helper functions in here: the test runner's transpiler would wrap them in __name.
    const object = svg.querySelector('[data-object-id] rect, [data-object-id] path')!;
    const frame = svg.querySelector('[data-frame-id] rect, [data-frame-id] path')!;
    const text = svg.querySelector('text')!;
    return { object: getComputedStyle(object).fill, frame: getComputedStyle(frame).fill, text: getComputedStyle(text).fill };
  }, id);
}

describe('themes', () => {
  it('dark mode recolours diagrams', async () => {
    const light = await pageIn('light', '/authoring/writing-a-lesson/');
    const dark = await pageIn('dark', '/authoring/writing-a-lesson/');
    const [inLight, inDark] = await Promise.all([diagramColours(light, 'first-example'), diagramColours(dark, 'first-example')]);
    assert.notEqual(inLight.object, inDark.object, 'object box fill');
    assert.notEqual(inLight.text, inDark.text, 'text colour');
    await light.context().close();
    await dark.context().close();
  });

  for (const theme of ['light', 'dark'] as const) {
    it(`axe-core finds no serious or critical violations in ${theme} mode`, async () => {
      const found: string[] = [];
      for (const path of ['/', '/authoring/writing-a-lesson/', '/authoring/fence-options/', '/course/aliasing/']) {
        const page = await pageIn(theme, path);
        await page.addScriptTag({ path: join(repoRoot, 'node_modules/axe-core/axe.min.js') });
        const violations = await page.evaluate(async () => {
          const axe = (window as unknown as { axe: { run(context: Document): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe;
          const result = await axe.run(document);
          return result.violations
            .filter((v) => v.impact === 'serious' || v.impact === 'critical')
            .map((v) => `${v.id} (${v.impact}) at ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
        });
        found.push(...violations.map((v) => `${path}: ${v}`));
        await page.context().close();
      }
      assert.deepEqual(found, []);
    });
  }
});
