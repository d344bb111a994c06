// Steps that move, in Chromium on the built site: one step forward animates in the SVG and ends on the
// static picture byte for byte; reduced motion turns it off; Play steps on its own and stops at the end,
// before a question and on any key. Animations are frozen (CDP playback rate 0) while they are looked at,
// so no verdict depends on the machine's speed.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { openPage, useBuiltSite } from './site-harness.ts';

const site = useBuiltSite();
const lesson = '/course/names-and-objects/';

async function openFigure(reducedMotion: 'reduce' | 'no-preference' = 'no-preference') {
  const { page, errors } = await openPage(site.browser, { viewport: { width: 1280, height: 900 }, reducedMotion });
  await page.goto(`${site.url}${lesson}`);
  const figure = page.locator('figure#rebind');
  await figure.locator('[data-action="play"]:not([disabled])').waitFor();
  return { page, errors, figure };
}

/** Waits until the island has fetched its motion code (after first paint). */
async function motionLoaded(page: Page): Promise<void> {
  await page.waitForFunction(() =>
    performance.getEntriesByType('resource').some((entry) => entry.name.includes('diagram-motion')),
  );
  // The module is evaluated once fetched; one idle turn later the island holds it.
  await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 50)));
}

const svgOf = (figure: Locator) => figure.locator('svg.memlane-diagram').evaluate((svg) => svg.outerHTML);
const stepOf = async (figure: Locator) =>
  Number(/^Step (\d+)/.exec((await figure.locator('.memlane-position').textContent()) ?? '')?.[1]);
const animationsIn = (figure: Locator) =>
  figure.locator('svg.memlane-diagram').evaluate((svg) => svg.getAnimations({ subtree: true }).length);

/** Shows step n through its permalink, with any motion that started run to its end. */
async function jumpTo(page: Page, figure: Locator, n: number): Promise<void> {
  await page.evaluate((hash) => (location.hash = hash), `#rebind-step-${n}`);
  await figure
    .locator('.memlane-position')
    .filter({ hasText: new RegExp(`^Step ${n} of`) })
    .waitFor();
  await figure.locator('svg.memlane-diagram').evaluate((svg) => {
    for (const animation of svg.getAnimations({ subtree: true })) animation.finish();
  });
  await figure.locator('[data-motion-copy]').first().waitFor({ state: 'detached' });
}

describe('steps that move', () => {
  it('a step forward animates (an arrow re-aimed travels) and ends on the static picture, byte for byte', async () => {
    const { page, errors, figure } = await openFigure();
    await motionLoaded(page);
    const exercise = figure.locator('[data-exercise]').first();
    const before = Number(await exercise.getAttribute('data-before'));
    const after = Number(await exercise.getAttribute('data-after'));
    await jumpTo(page, figure, after);
    const staticPicture = await svgOf(figure);
    await jumpTo(page, figure, before);
    assert.equal(await animationsIn(figure), 0, 'a step back does not animate');

    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Animation.enable');
    await cdp.send('Animation.setPlaybackRate', { playbackRate: 0 });
    await figure.locator('.memlane-stage').focus();
    for (let step = before; step < after; step++) await figure.locator('.memlane-stage').press('ArrowRight');
    const moving = await figure.locator('svg.memlane-diagram').evaluate((svg) =>
      svg.getAnimations({ subtree: true }).map((animation) => {
        const target = (animation.effect as KeyframeEffect).target as Element;
        return target.closest('[data-arrow-to]') ? 'arrow' : target.closest('[data-object-id]') ? 'object' : 'other';
      }),
    );
    assert.ok(moving.length > 0, 'the step is animated mid-way');
    assert.ok(moving.includes('arrow'), `the re-aimed arrow moves: ${moving.join(', ')}`);

    await figure.locator('svg.memlane-diagram').evaluate((svg) => {
      for (const animation of svg.getAnimations({ subtree: true })) animation.finish();
    });
    await figure.locator('[data-motion-copy]').first().waitFor({ state: 'detached' });
    assert.equal(await svgOf(figure), staticPicture, 'the end of the motion is the static picture');
    assert.deepEqual(errors, []);
    await page.context().close();
  });

  it('prefers-reduced-motion: a step forward goes straight to the picture', async () => {
    const { page, errors, figure } = await openFigure('reduce');
    await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 300)));
    await jumpTo(page, figure, 1);
    await figure.locator('.memlane-stage').press('ArrowRight');
    assert.equal(await animationsIn(figure), 0);
    assert.equal(await figure.locator('[data-motion-copy]').count(), 0);
    const fetchedMotion = await page.evaluate(() =>
      performance.getEntriesByType('resource').some((entry) => entry.name.includes('diagram-motion')),
    );
    assert.equal(fetchedMotion, false, 'the motion code is not even fetched');
    assert.deepEqual(errors, []);
    await page.context().close();
  });

  it('Play steps on its own, reads Pause while playing, and stops before a question and at the end', async () => {
    const { page, errors, figure } = await openFigure();
    const play = figure.locator('[data-action="play"]');
    const before = Number(await figure.locator('[data-exercise]').first().getAttribute('data-before'));
    await figure.getByRole('combobox', { name: 'Pace' }).selectOption({ label: 'Fast' });
    await jumpTo(page, figure, 1);
    await play.click();
    assert.equal((await play.textContent())?.trim(), 'Pause');
    await figure.getByRole('button', { name: 'Play' }).waitFor({ timeout: 60_000 });
    assert.equal(await stepOf(figure), before, 'it stopped just before the question');
    await play.click();
    await figure.getByRole('button', { name: 'Play' }).waitFor({ timeout: 60_000 });
    const total = Number(await figure.locator('memlane-diagram').getAttribute('data-total'));
    assert.equal(await stepOf(figure), total, 'it stopped at the end');
    assert.deepEqual(errors, []);
    await page.context().close();
  });

  it('Play stops on any key', async () => {
    const { page, errors, figure } = await openFigure();
    const play = figure.locator('[data-action="play"]');
    await figure.getByRole('combobox', { name: 'Pace' }).selectOption({ label: 'Slow' });
    await jumpTo(page, figure, 1);
    await play.click();
    assert.equal((await play.textContent())?.trim(), 'Pause');
    await page.keyboard.press('Shift');
    assert.equal((await play.textContent())?.trim(), 'Play');
    const stopped = await stepOf(figure);
    // Longer than a step at the slow pace: a stopped player does not step.
    await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 2600)));
    assert.equal(await stepOf(figure), stopped);
    assert.deepEqual(errors, []);
    await page.context().close();
  });
});

describe('steps that move, in a comparison', () => {
  it('a moment moves every side that steps, together', async () => {
    const { page, errors } = await openPage(site.browser, { viewport: { width: 1280, height: 900 } });
    await page.goto(`${site.url}/course/aliasing/#board-pair-step-1`);
    const figure = page.locator('figure#board-pair');
    await figure.locator('[data-action="play"]:not([disabled])').waitFor();
    await motionLoaded(page);
    const total = Number(await figure.locator('memlane-diagram').getAttribute('data-total'));
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Animation.enable');
    await cdp.send('Animation.setPlaybackRate', { playbackRate: 0 });
    await figure.locator('.memlane-stage').first().focus();
    const perMoment: number[][] = [];
    for (let moment = 2; moment <= total; moment++) {
      await figure.locator('.memlane-stage').first().press('ArrowRight');
      perMoment.push(
        await figure
          .locator('svg.memlane-diagram')
          .evaluateAll((svgs) => svgs.map((svg) => svg.getAnimations({ subtree: true }).length)),
      );
      await figure.locator('svg.memlane-diagram').evaluateAll((svgs) => {
        for (const svg of svgs) for (const animation of svg.getAnimations({ subtree: true })) animation.finish();
      });
    }
    assert.ok(
      perMoment.some((counts) => counts.length === 2 && counts.every((count) => count > 0)),
      `both sides move at one moment: ${JSON.stringify(perMoment)}`,
    );
    assert.deepEqual(errors, []);
    await page.context().close();
  });
});
