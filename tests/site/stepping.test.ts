// The island: every way of stepping, what each step shows, permalinks, download, no layout shift.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { openPage, useBuiltSite } from './site-harness.ts';

let page: Page;
let errors: string[];
const lessonPath = '/authoring/writing-a-lesson/';
const site = useBuiltSite(async () => {
  ({ page, errors } = await openPage(site.browser, { acceptDownloads: true }));
  await page.goto(`${site.url}${lessonPath}`);
  await page.waitForFunction(() => !document.querySelector('#first-example button')!.hasAttribute('disabled'));
});

const diagram = () => page.locator('#first-example');

/** The state the island shows, checked against the trace data the build embedded. */
async function state() {
  return page.evaluate(() => {
    const root = document.getElementById('first-example')!;
    const island = root.querySelector<HTMLElement>('memlane-diagram')!;
    const position = root.querySelector('.memlane-position')!.textContent!;
    const step = Number(/Step (\d+) of/.exec(position)![1]);
    // No named helper functions in here: the test runner's transpiler would wrap them in __name.
    const toggled = [...root.querySelectorAll('svg [data-steps]')].map((el) => [
      el
        .getAttribute('data-steps')!
        .split(' ')
        .some((r) => {
          const [a, b = a] = r.split('-').map(Number);
          return step >= a! && step <= b!;
        }),
      el.getAttribute('display') === 'none',
    ]);
    const steps = JSON.parse(island.dataset.traceSteps!) as [number, number, number][];
    return {
      step,
      total: Number(island.dataset.total),
      position,
      slider: Number(root.querySelector<HTMLInputElement>('.memlane-slider')!.value),
      mismatched: toggled.filter(([shown, hidden]) => shown === hidden).length,
      currentLine: Number(root.querySelector<HTMLElement>('.line.is-current')?.dataset.line ?? 0),
      nextLine: Number(root.querySelector<HTMLElement>('.line.is-next')?.dataset.line ?? 0),
      expected: steps[step - 1]!,
      output: root.querySelector('.memlane-output-text')!.textContent,
      stdout: island.dataset.stdout!,
      note: root.querySelector('.memlane-note-text')!.textContent,
      live: root.querySelector('.memlane-live')!.textContent,
      permalink: root.querySelector<HTMLAnchorElement>('.memlane-permalink')!.getAttribute('href'),
    };
  });
}

/** Puts the diagram on step n with the keyboard (buttons at an end are aria-disabled and not clickable). */
async function goTo(n: number): Promise<void> {
  await diagram().locator('.memlane-stage').focus();
  await page.keyboard.press('Home');
  for (let i = 1; i < n; i++) await page.keyboard.press('ArrowRight');
}

async function assertConsistent(step: number): Promise<void> {
  const s = await state();
  assert.equal(s.step, step);
  assert.equal(s.position, `Step ${step} of ${s.total}`);
  assert.equal(s.slider, step);
  assert.equal(s.mismatched, 0, 'every step-dependent element is shown exactly at its steps');
  assert.equal(s.currentLine, s.expected[0]);
  if (s.expected[1] && s.expected[1] !== s.expected[0]) assert.equal(s.nextLine, s.expected[1]);
  assert.equal(s.output, s.stdout.slice(0, s.expected[2]));
  assert.equal(s.permalink, `#first-example-step-${step}`);
}

describe('stepping through a diagram', () => {
  it('moves with the First, Previous, Next and Last step buttons', async () => {
    const total = (await state()).total;
    assert.ok(total >= 4, `the example has ${total} steps`);
    await goTo(3);
    await diagram().getByRole('button', { name: 'First step' }).click();
    await assertConsistent(1);
    assert.equal(await diagram().getByRole('button', { name: 'Previous step' }).getAttribute('aria-disabled'), 'true');
    await diagram().getByRole('button', { name: 'Next step' }).click();
    await diagram().getByRole('button', { name: 'Next step' }).click();
    await assertConsistent(3);
    await diagram().getByRole('button', { name: 'Previous step' }).click();
    await assertConsistent(2);
    await diagram().getByRole('button', { name: 'Last step' }).click();
    await assertConsistent(total);
    assert.equal(await diagram().getByRole('button', { name: 'Next step' }).getAttribute('aria-disabled'), 'true');
    await diagram().locator('.memlane-stage').focus();
    await page.keyboard.press('ArrowRight');
    await assertConsistent(total);
  });

  it('moves with the slider', async () => {
    const slider = diagram().getByRole('slider', { name: 'Step' });
    await slider.focus();
    await page.keyboard.press('Home');
    await assertConsistent(1);
    await page.keyboard.press('ArrowRight');
    await assertConsistent(2);
  });

  it('moves with the arrow keys, Home and End when the diagram has focus', async () => {
    await diagram().locator('.memlane-stage').focus();
    await page.keyboard.press('End');
    const total = (await state()).total;
    await assertConsistent(total);
    await page.keyboard.press('ArrowLeft');
    await assertConsistent(total - 1);
    await page.keyboard.press('Home');
    await assertConsistent(1);
    await page.keyboard.press('ArrowRight');
    await assertConsistent(2);
    await page.keyboard.press('ArrowDown');
    await assertConsistent(3);
    await page.keyboard.press('ArrowUp');
    await assertConsistent(2);
  });

  it('grows the output, narrates noted lines and announces each step politely', async () => {
    await goTo(1);
    assert.equal((await state()).output, '');
    await diagram().getByRole('button', { name: 'Last step' }).click();
    const last = await state();
    assert.equal(last.output, '[1, 2, 3]\n');
    assert.match(last.live, new RegExp(`^Step ${last.total} of ${last.total}, line 4`));
    assert.equal(await diagram().locator('.memlane-live').getAttribute('aria-live'), 'polite');
    // Line 2 carries "# @note alias is a second name for the same list".
    await diagram().locator('.memlane-stage').focus();
    await page.keyboard.press('Home');
    while ((await state()).currentLine !== 2) await page.keyboard.press('ArrowRight');
    assert.equal((await state()).note, 'alias is a second name for the same list');
    assert.doesNotMatch(await diagram().locator('.memlane-code').innerText(), /@note/);
  });

  it('opens the step named in a permalink without shifting the layout', async () => {
    const { page: fresh, errors: freshErrors } = await openPage(site.browser);
    // Shifts of diagram parts only: on a busy machine Chromium may paint Starlight's header before
    // its own inline script shows the search shortcut, which is not the island's doing.
    await fresh.addInitScript(() => {
      (window as unknown as { shifts: number }).shifts = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as (PerformanceEntry & {
          value: number;
          hadRecentInput: boolean;
          sources: { node?: Node }[];
        })[]) {
          const inDiagram = entry.sources.some(
            (source) => source.node instanceof Element && source.node.closest('.memlane-block'),
          );
          if (!entry.hadRecentInput && inDiagram) (window as unknown as { shifts: number }).shifts += entry.value;
        }
      }).observe({ type: 'layout-shift', buffered: true });
    });
    await fresh.goto(`${site.url}${lessonPath}#first-example-step-2`);
    await fresh.waitForFunction(() =>
      document.querySelector('#first-example .memlane-position')!.textContent!.startsWith('Step 2 of'),
    );
    await fresh.waitForTimeout(300);
    assert.equal(
      await fresh.evaluate(() => (window as unknown as { shifts: number }).shifts),
      0,
      'cumulative layout shift of diagrams',
    );
    await fresh.goto(`${site.url}${lessonPath}#first-example-step-3`);
    await fresh.waitForFunction(() =>
      document.querySelector('#first-example .memlane-position')!.textContent!.startsWith('Step 3 of'),
    );
    assert.deepEqual(freshErrors, []);
    await fresh.context().close();
  });

  it('downloads the current step as a standalone SVG', async () => {
    await goTo(1);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      diagram().getByRole('button', { name: 'Download SVG of this step' }).click(),
    ]);
    assert.equal(download.suggestedFilename(), 'first-example-step-1.svg');
    const svg = readFileSync((await download.path())!, 'utf8');
    assert.match(svg, /^<svg[^>]+xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    assert.doesNotMatch(svg, /display="none"/);
    assert.match(svg, /--ml-[\w-]+:/, 'theme colours are written into the file');
    assert.match(
      svg,
      /\.memlane-diagram\[data-theme="site"\] \.ml-frame \{ fill: var\(--ml-frame-fill\)/,
      'with the rules that paint from them',
    );
  });

  it('logs no console errors', () => {
    assert.deepEqual(errors, []);
  });
});
