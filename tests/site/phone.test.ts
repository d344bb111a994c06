// Every course page on a 390 x 844 phone: each diagram's text is drawn at 11 CSS px or more, and the
// diagram either fits its column or scrolls with a visible cue (faded edge, "scroll →", a stage that
// takes focus); no legend text is cut off; the page never scrolls sideways. The playground wraps long
// lines of code instead of cutting them off.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { encodeCode } from '../../src/page/share-link.ts';
import { playgroundVerdict } from './playground-harness.ts';
import { contentFiles, openPage, urlOf, useBuiltSite } from './site-harness.ts';

const site = useBuiltSite();
// Reduced motion: the cue's fades show their end state at once, so each can be read when it is set.
const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 1, reducedMotion: 'reduce' as const };
const coursePages = contentFiles()
  .map(urlOf)
  .filter((url) => url.startsWith('/course/'));

interface DiagramReport {
  id: string;
  minTextPx: number;
  svgWidth: number;
  columnWidth: number;
  scrolls: boolean;
  focusable: boolean;
  hintShown: boolean;
  edgeFaded: boolean;
}

/** Once fonts are in and every overflowing stage's cue is set (the island observes sizes), what each diagram shows. */
async function diagramsOf(
  page: Page,
): Promise<{ diagrams: DiagramReport[]; legends: number; clippedLegends: string[]; pageOverflow: number }> {
  await page.evaluate(() => document.fonts.ready);
  await page.waitForFunction(
    () =>
      [...document.querySelectorAll<HTMLElement>('.memlane-scroller')].every((scroller) => {
        const stage = scroller.querySelector<HTMLElement>('.memlane-stage')!;
        return stage.scrollWidth <= stage.clientWidth || scroller.dataset.more !== undefined;
      }),
    undefined,
    { timeout: 30_000 },
  );
  return page.evaluate(() => {
    const diagrams = [...document.querySelectorAll<SVGSVGElement>('figure.memlane svg.memlane-diagram')].map((svg) => {
      const stage = svg.closest<HTMLElement>('.memlane-stage')!;
      const scroller = stage.closest<HTMLElement>('.memlane-scroller')!;
      // Rendered size of a text: its font size in the SVG's units times the SVG's scale on the page.
      const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
      const sizes = [...svg.querySelectorAll('text')].map(
        (text) => Number.parseFloat(getComputedStyle(text).fontSize) * scale,
      );
      const hint = scroller.querySelector<HTMLElement>('.memlane-scroll-hint')!;
      const hintBox = hint.getBoundingClientRect();
      const stageBox = stage.getBoundingClientRect();
      return {
        id: svg.closest('figure')!.id,
        minTextPx: Math.min(...sizes),
        svgWidth: svg.getBoundingClientRect().width,
        columnWidth: stage.clientWidth,
        scrolls:
          stage.scrollWidth > stage.clientWidth && ['auto', 'scroll'].includes(getComputedStyle(stage).overflowX),
        focusable: stage.tabIndex >= 0,
        hintShown:
          hint.checkVisibility({ opacityProperty: true, visibilityProperty: true }) &&
          hintBox.width > 0 &&
          hintBox.left >= stageBox.left &&
          hintBox.right <= stageBox.right &&
          hintBox.bottom <= stageBox.bottom,
        edgeFaded: getComputedStyle(scroller, '::after').opacity === '1',
      };
    });
    // A legend entry cut off would stick out of its legend, or make the legend scroll.
    const clippedLegends = [...document.querySelectorAll<HTMLElement>('.memlane-legend')].flatMap((legend) => {
      const right = legend.getBoundingClientRect().right;
      const cut = [...legend.querySelectorAll('li, p')].filter(
        (entry) => entry.getBoundingClientRect().right > right + 0.5,
      );
      return legend.scrollWidth > legend.clientWidth || cut.length
        ? [`${legend.closest('figure')!.id}: ${cut.map((e) => e.textContent).join(' | ')}`]
        : [];
    });
    return {
      diagrams,
      legends: document.querySelectorAll('.memlane-legend').length,
      clippedLegends,
      pageOverflow: document.documentElement.scrollWidth - 390,
    };
  });
}

describe('on a 390 px phone', () => {
  it(
    'every course diagram is legible, fits or shows that it scrolls, with its whole legend, and no page ' +
      'scrolls sideways',
    async () => {
      const { page, errors } = await openPage(site.browser, PHONE);
      const problems: string[] = [];
      let fitting = 0;
      let scrolling = 0;
      let legendsSeen = 0;
      for (const url of coursePages) {
        await page.goto(`${site.url}${url}`, { waitUntil: 'load' });
        const { diagrams, legends, clippedLegends, pageOverflow } = await diagramsOf(page);
        legendsSeen += legends;
        if (diagrams.length === 0) problems.push(`${url}: no diagram found`);
        for (const d of diagrams) {
          if (!(d.minTextPx >= 11)) problems.push(`${url}#${d.id}: text drawn at ${d.minTextPx.toFixed(2)} px`);
          if (d.svgWidth <= d.columnWidth) fitting += 1;
          else if (d.scrolls && d.focusable && d.hintShown && d.edgeFaded) scrolling += 1;
          else
            problems.push(
              `${url}#${d.id}: ${Math.round(d.svgWidth)} px wide in a ${d.columnWidth} px column without a ` +
                `visible scroll cue (${JSON.stringify(d)})`,
            );
        }
        for (const legend of clippedLegends) problems.push(`${url}: legend cut off: ${legend}`);
        if (pageOverflow > 0) problems.push(`${url}: the page scrolls ${pageOverflow} px sideways`);
      }
      assert.deepEqual(problems, []);
      assert.ok(fitting > 0 && scrolling > 0, `${fitting} diagrams fit, ${scrolling} scroll: both kinds are checked`);
      assert.ok(legendsSeen >= fitting + scrolling, `${legendsSeen} legends checked`);
      assert.deepEqual(errors, []);
      await page.context().close();
    },
  );

  it(
    'the cue follows the scrolling: scrolled to the end, ' + 'the hint and the right fade go and the left edge fades',
    async () => {
      const { page } = await openPage(site.browser, PHONE);
      await page.goto(`${site.url}/course/classes-and-instances/`);
      const scroller = page.locator('#slots .memlane-scroller');
      await page.locator('#slots .memlane-scroller[data-more="right"]').waitFor();
      assert.equal(await scroller.locator('.memlane-scroll-hint').isVisible(), true);
      await scroller.locator('.memlane-stage').evaluate((stage) => stage.scrollTo({ left: stage.scrollWidth }));
      await page.locator('#slots .memlane-scroller[data-more="left"]').waitFor();
      assert.equal(await scroller.locator('.memlane-scroll-hint').isVisible(), false);
      assert.deepEqual(
        await scroller.evaluate((el) => [
          getComputedStyle(el, '::before').opacity,
          getComputedStyle(el, '::after').opacity,
        ]),
        ['1', '0'],
      );
      await page.context().close();
    },
  );

  it(
    'the playground wraps a long line of code rather than cutting it off, and its diagram fits or shows ' +
      'that it scrolls',
    async () => {
      const { page, errors } = await openPage(site.browser, PHONE);
      const program =
        'greeting = "a string far longer than a phone is wide, typed by a reader"\nwords = greeting.split()';
      await page.goto(`${site.url}/playground/#code=${encodeCode(program)}`);
      assert.match(await playgroundVerdict(page), /^Ran/);
      const editor = await page
        .locator('#playground .cm-scroller')
        .evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
      assert.ok(editor.scroll <= editor.client, `the editor scrolls ${editor.scroll - editor.client} px sideways`);
      const { diagrams, clippedLegends, pageOverflow } = await diagramsOf(page);
      assert.equal(diagrams.length, 1);
      const [d] = diagrams;
      assert.ok(d!.minTextPx >= 11, `text at ${d!.minTextPx} px`);
      assert.ok(
        d!.svgWidth <= d!.columnWidth || (d!.scrolls && d!.focusable && d!.hintShown && d!.edgeFaded),
        JSON.stringify(d),
      );
      assert.deepEqual(clippedLegends, []);
      assert.ok(pageOverflow <= 0, `the page scrolls ${pageOverflow} px sideways`);
      assert.deepEqual(errors, []);
      await page.context().close();
    },
  );
});

describe('on a 1280 px screen', () => {
  it(
    'a course diagram the layout fitted to the column never scrolls, and its text is never shrunk below the ' +
      "layout's",
    async () => {
      const { page } = await openPage(site.browser, { viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1 });
      const scrolling: string[] = [];
      for (const url of coursePages) {
        await page.goto(site.url + url);
        await page.evaluate(() => document.fonts.ready);
        scrolling.push(
          ...(await page.evaluate(() =>
            [...document.querySelectorAll<HTMLElement>('.memlane-stage')].flatMap((stage) => {
              const svg = stage.querySelector<SVGSVGElement>('svg.memlane-diagram')!;
              const natural = Number.parseFloat(stage.style.getPropertyValue('--memlane-svg-natural'));
              const padding =
                Number.parseFloat(getComputedStyle(stage).paddingLeft) +
                Number.parseFloat(getComputedStyle(stage).paddingRight);
              const drawn = svg.getBoundingClientRect().width;
              const wrong = [
                ...(natural <= stage.clientWidth - padding && stage.scrollWidth > stage.clientWidth
                  ? [`scrolls though ${natural} px fits ${stage.clientWidth - padding} px`]
                  : []),
                ...(drawn < natural - 0.5 ? [`drawn ${drawn.toFixed(1)} px, under its natural ${natural} px`] : []),
              ];
              return wrong.map((text) => `${location.pathname}#${stage.closest('figure')!.id}: ${text}`);
            }),
          )),
        );
      }
      assert.deepEqual(scrolling, []);
    },
  );
});
