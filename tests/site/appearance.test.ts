// Light and dark modes: site diagrams recolour with the site, sketch diagrams keep their own colours,
// and axe-core finds no serious problems on any page, in either mode, at desktop and phone width.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { palettes } from '../../src/render/themes.ts';
import { axeFindings, contentFiles, openPage, repoRoot, urlOf, useBuiltSite } from './site-harness.ts';

const site = useBuiltSite();

async function pageIn(theme: 'light' | 'dark', path: string): Promise<Page> {
  const { page } = await openPage(site.browser, { colorScheme: theme });
  await page.goto(`${site.url}${path}`);
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
    return {
      object: getComputedStyle(object).fill,
      frame: getComputedStyle(frame).fill,
      text: getComputedStyle(text).fill,
    };
  }, id);
}

/** '#rrggbb' as Chromium computes it: 'rgb(r, g, b)'. */
function rgbOf(hex: string): string {
  const n = Number.parseInt(hex.slice(1), 16);
  return `rgb(${n >> 16}, ${(n >> 8) & 255}, ${n & 255})`;
}

/** axe's rules that read colours: the only ones whose verdict can change with the theme. */
const colourRules = ['color-contrast', 'link-in-text-block'];

/**
 * One page of each layout at phone width: the splash page, the playground (splash with the editor), a
 * lesson whose diagrams scroll sideways with their cue, a reference page with tables and code.
 */
const phoneColourPages = ['/', '/playground/', '/course/aliasing/', '/reference/cli/'];

/**
 * Every content page in one Chromium page of the given theme; `check` loads it at the widths it needs
 * (`load`) and returns its findings.
 */
async function axeOverPages(
  theme: 'light' | 'dark',
  check: (path: string, load: (width: number) => Promise<Page>) => Promise<string[]>,
): Promise<string[]> {
  const paths = contentFiles().map(urlOf);
  assert.deepEqual(
    phoneColourPages.filter((path) => !paths.includes(path)),
    [],
    'every page checked at phone width is a content page',
  );
  const { page } = await openPage(site.browser, { colorScheme: theme });
  const found: string[] = [];
  for (const path of paths) {
    const load = async (width: number): Promise<Page> => {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(`${site.url}${path}`);
      assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), theme);
      await page.addScriptTag({ path: join(repoRoot, 'node_modules/axe-core/axe.min.js') });
      return page;
    };
    found.push(...(await check(path, load)));
  }
  await page.context().close();
  return found;
}

/** axe-core's serious and critical findings on the whole page: all its rules, those that read colours, or the rest. */
function wholePageFindings(page: Page, rules: 'all' | 'colour' | 'all but colour'): Promise<string[]> {
  const options =
    rules === 'all'
      ? {}
      : rules === 'colour'
        ? { runOnly: { type: 'rule', values: colourRules } }
        : { rules: Object.fromEntries(colourRules.map((id) => [id, { enabled: false }])) };
  return axeFindings(page, null, options);
}

describe('themes', () => {
  it('dark mode recolours diagrams', async () => {
    const light = await pageIn('light', '/authoring/writing-a-lesson/');
    const dark = await pageIn('dark', '/authoring/writing-a-lesson/');
    const [inLight, inDark] = await Promise.all([
      diagramColours(light, 'first-example'),
      diagramColours(dark, 'first-example'),
    ]);
    assert.notEqual(inLight.object, inDark.object, 'object box fill');
    assert.notEqual(inLight.text, inDark.text, 'text colour');
    await light.context().close();
    await dark.context().close();
  });

  it('leaves sketch diagrams in the colours the renderer wrote (as in the CLI), in light and dark mode', async () => {
    for (const theme of ['light', 'dark'] as const) {
      const page = await pageIn(theme, '/authoring/fence-options/');
      const painted = await page.evaluate(() => {
        const svg = document.querySelector('#sketch-option svg.memlane-diagram')!;
        return [...svg.querySelectorAll('[class^="ml-"]')].flatMap((el) =>
          (['fill', 'stroke'] as const)
            .filter((property) => (el.getAttribute(property) ?? 'none') !== 'none')
            .map((property) => ({
              cls: el.getAttribute('class')!,
              property,
              written: el.getAttribute(property)!,
              shown: getComputedStyle(el)[property],
            })),
        );
      });
      assert.ok(painted.length > 10, `${painted.length} painted elements`);
      const recoloured = painted.filter(({ written, shown }) => rgbOf(written) !== shown);
      assert.deepEqual(recoloured, [], `${theme} mode`);
      assert.ok(
        painted.some(({ written }) => written.toLowerCase() === palettes.sketch.background),
        'the sketch background is drawn',
      );
      await page.context().close();
    }
  });

  it(
    'draws a sketch diagram on a page as `memlane render --theme sketch` draws it ' + '(screenshots compared)',
    async () => {
      const source = readFileSync(join(repoRoot, 'content/authoring/fence-options.mdx'), 'utf8');
      const code = /```python memory id=sketch-option[^\n]*\n([\s\S]*?)```/.exec(source)![1]!;
      const cli = spawnSync(
        process.execPath,
        [join(repoRoot, 'scripts/memlane.mjs'), 'render', '-', '--theme', 'sketch'],
        { input: code, encoding: 'utf8', cwd: repoRoot },
      );
      assert.equal(cli.status, 0, cli.stderr);
      // Without its class, no page rule can reach the CLI's drawing: it shows only what the file says.
      const cliSvg = cli.stdout
        .replace(/^<\?xml[^>]*>\s*/, '')
        .replace(/^(<svg\b[^>]*?) class="memlane-diagram"/, '$1');
      const page = await pageIn('dark', '/authoring/fence-options/');
      const stage = page.locator('#sketch-option .memlane-stage');
      await page.evaluate(() => document.fonts.ready);
      const onPage = await stage.screenshot();
      // Pages show the legend in HTML under the stage: the same entries as the file's legend.
      const cliLegend = [...cliSvg.matchAll(/<g class="ml-legend"[\s\S]*?<\/g>\s*(?=<\/svg>)/g)].flatMap((m) =>
        [...m[0].matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((t) => t[1]),
      );
      assert.ok(cliLegend.length > 0, 'the file has a legend');
      assert.deepEqual(await page.locator('#sketch-option .memlane-legend li').allTextContents(), cliLegend);
      // The same stage, its drawing swapped for the CLI's file without its legend, cut to the page
      // drawing's box: same size, fonts and surroundings.
      await stage.evaluate((element, svg) => {
        const box = ['viewBox', 'width', 'height'].map((name) => [
          name,
          element.querySelector('svg')!.getAttribute(name)!,
        ]);
        element.innerHTML = svg;
        const file = element.querySelector('svg')!;
        file.querySelector('.ml-legend')!.remove();
        for (const [name, value] of box) file.setAttribute(name!, value!);
      }, cliSvg);
      await page.evaluate(() => document.fonts.ready);
      const fromCli = await stage.screenshot();
      // Antialiasing may differ where the all-steps drawing groups its strokes differently: a few
      // edge pixels, not colours (a recoloured diagram differs in a quarter of its pixels or more).
      const differ = (await page.evaluate(`(async () => {
      const pixels = [];
      for (const png of ${JSON.stringify([onPage.toString('base64'), fromCli.toString('base64')])}) {
        const image = new Image();
        image.src = 'data:image/png;base64,' + png;
        await image.decode();
        const context = new OffscreenCanvas(image.width, image.height).getContext('2d');
        context.drawImage(image, 0, 0);
        pixels.push(context.getImageData(0, 0, image.width, image.height).data);
      }
      let differ = 0;
      for (let i = 0; i < pixels[0].length; i += 4) {
        if (
          pixels[0][i] !== pixels[1][i] ||
          pixels[0][i + 1] !== pixels[1][i + 1] ||
          pixels[0][i + 2] !== pixels[1][i + 2]
        )
          differ++;
      }
      return differ / (pixels[0].length / 4);
    })()`)) as number;
      assert.ok(differ < 0.01, `${(differ * 100).toFixed(2)}% of the pixels differ`);
      await page.context().close();
    },
  );

  // axe runs where its verdict can differ, each page loaded once per theme and width it is checked at
  // (loaded, not narrowed: expressive-code makes a code block that scrolls focusable as the page loads):
  // - the theme changes colours alone (CSS custom properties under [data-theme]: Starlight's and
  //   site-theme-css.ts), so the rules that read colours run in both themes and the others in one;
  // - the width changes what shows and what scrolls (Starlight's menu and contents, a code block's or
  //   a diagram's sideways scroll and its cue), not the colours of a page's content, so at phone width
  //   the rules that do not read colours run on every page, and those that do on one page of each layout.
  it(
    'axe-core finds no serious or critical violations on any page in light mode, ' + 'at desktop and phone width',
    async () => {
      const found = await axeOverPages('light', async (path, load) => {
        const desktop = await wholePageFindings(await load(1280), 'all');
        const phone = await wholePageFindings(
          await load(390),
          phoneColourPages.includes(path) ? 'all' : 'all but colour',
        );
        return [...desktop.map((v) => `${path} at 1280px: ${v}`), ...phone.map((v) => `${path} at 390px: ${v}`)];
      });
      assert.deepEqual(found, []);
    },
  );

  it(
    'axe-core finds no serious or critical colour problem on any page in dark mode, ' + 'at desktop and phone width',
    async () => {
      const found = await axeOverPages('dark', async (path, load) => {
        const desktop = await wholePageFindings(await load(1280), 'colour');
        const phone = phoneColourPages.includes(path) ? await wholePageFindings(await load(390), 'colour') : [];
        return [...desktop.map((v) => `${path} at 1280px: ${v}`), ...phone.map((v) => `${path} at 390px: ${v}`)];
      });
      assert.deepEqual(found, []);
    },
  );
});
