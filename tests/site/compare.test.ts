// The aliasing page's compare figure in Chromium: one toolbar steps both sides (buttons, keys,
// permalinks), `data-differs` follows the moment, the sides stack in a narrow column and sit side by
// side where it holds both, axe finds nothing serious in light or dark mode, and without JavaScript
// both sides show the shown moment.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { openPage, seriousAxeViolations, useBuiltSite } from './site-harness.ts';

const pagePath = '/course/aliasing/';
const id = 'board-pair';
let page: Page;
let errors: string[];
const site = useBuiltSite(async () => {
  ({ page, errors } = await openPage(site.browser));
  await page.goto(`${site.url}${pagePath}`);
  await islandReady(page);
});

const figure = () => page.locator(`#${id}`);

/** The island has taken over: its buttons are enabled. */
const islandReady = (on: Page) =>
  on.waitForFunction((id) => !document.querySelector(`#${id} button[data-action]`)!.hasAttribute('disabled'), id);

/**
 * What the figure shows, read from the DOM: the toolbar's moment, and for each side the step its
 * moment gives it (data-moments), how many of its picture's step-dependent elements disagree with
 * that step, its current code line and the line that step runs (data-trace-steps).
 */
function shown(on: Page) {
  return on.evaluate((id) => {
    const root = document.getElementById(id)!;
    const island = root.querySelector<HTMLElement>('memlane-diagram')!;
    const position = root.querySelector('.memlane-position')!.textContent!;
    const moment = Number(/^Step (\d+) of \d+$/.exec(position)?.[1] ?? island.dataset.step);
    const moments = JSON.parse(island.dataset.moments!) as number[][];
    // No named helper functions in here: the test runner's transpiler would wrap them in __name.
    const sides = [...root.querySelectorAll<HTMLElement>('.memlane-side')].map((side, s) => {
      const step = moments[moment - 1]![s]!;
      const svg = side.querySelector('svg.memlane-diagram')!;
      const mismatched = [...svg.querySelectorAll('[data-steps]')].filter((el) => {
        const inStep = el
          .getAttribute('data-steps')!
          .split(' ')
          .some((r) => {
            const [a, b = a] = r.split('-').map(Number);
            return step >= a! && step <= b!;
          });
        return inStep === (el.getAttribute('display') === 'none');
      }).length;
      const traceSteps = JSON.parse(side.dataset.traceSteps!) as [number, number, number][];
      return {
        step,
        total: Number(svg.getAttribute('data-steps-total')),
        mismatched,
        currentLine: Number(side.querySelector<HTMLElement>('.memlane-code .line.is-current')?.dataset.line ?? 0),
        expectedLine: traceSteps[step - 1]![0],
      };
    });
    return { moment, total: Number(island.dataset.total), position, moments, sides };
  }, id);
}

/** Both sides show moment `n`: the toolbar's text, and each side's picture and code line at its step. */
async function assertAt(n: number, on: Page = page): Promise<void> {
  const state = await shown(on);
  assert.equal(state.position, `Step ${n} of ${state.total}`);
  for (const [s, side] of state.sides.entries()) {
    assert.equal(side.step, state.moments[n - 1]![s], `side ${s} at its step of moment ${n}`);
    assert.equal(side.mismatched, 0, `side ${s}: every step-dependent element shown exactly at step ${side.step}`);
    assert.equal(side.currentLine, side.expectedLine, `side ${s}: its code marks the line its step runs`);
  }
}

/** Side `s`'s objects and arrows marked `data-differs`, and its board's rows (arrows from the list the frame names). */
function differsOf(on: Page, s: number) {
  return on.evaluate(
    ({ id, s }) => {
      const svg = document.querySelectorAll(`#${id} .memlane-side`)[s]!.querySelector('svg.memlane-diagram')!;
      // No named helper functions in here: the test runner's transpiler would wrap them in __name.
      const arrows = [...svg.querySelectorAll('[data-arrow-from]')].filter((el) => !el.closest('[display="none"]'));
      const frames = new Set(
        [...svg.querySelectorAll('[data-frame-id]')].map((el) => el.getAttribute('data-frame-id')),
      );
      const board = arrows.find((el) => frames.has(el.getAttribute('data-arrow-from')))?.getAttribute('data-arrow-to');
      const rows = arrows
        .filter((el) => el.getAttribute('data-arrow-from') === board)
        .map((el) => el.getAttribute('data-arrow-to')!);
      return {
        rows: [...new Set(rows)].sort(),
        objects: [...svg.querySelectorAll('[data-object-id][data-differs]')].map(
          (el) => el.getAttribute('data-object-id')!,
        ),
        arrows: [...svg.querySelectorAll('[data-arrow-from][data-differs]')].map(
          (el) => `${el.getAttribute('data-arrow-from')}>${el.getAttribute('data-arrow-to')}`,
        ),
        board,
      };
    },
    { id, s },
  );
}

describe('the compare figure on the aliasing page', () => {
  it('is one figure with one toolbar and a picture per side, each named by its label', async () => {
    assert.equal(await figure().getAttribute('data-compare'), '');
    assert.equal(await figure().getByRole('toolbar').count(), 1);
    const labels = await figure().locator('.memlane-side-label').allInnerTexts();
    assert.deepEqual(labels, ['[row] * 3', 'comprehension']);
    // Each picture is an image whose name starts with its title (its description follows).
    const named = await page.evaluate((id) => {
      return [...document.querySelectorAll(`#${id} svg.memlane-diagram`)].map((svg) => {
        const title = (svg.getAttribute('aria-labelledby') ?? '').split(' ')[0]!;
        return { role: svg.getAttribute('role'), name: document.getElementById(title)?.textContent };
      });
    }, id);
    assert.deepEqual(
      named,
      labels.map((label) => ({ role: 'img', name: label })),
    );
    for (const label of labels) {
      assert.equal(await figure().getByRole('region', { name: label, exact: true }).count(), 1, `the side ${label}`);
    }
  });

  it('steps both sides with the First, Previous, Next and Last step buttons', async () => {
    const { total, moments } = await shown(page);
    assert.ok(total >= 4, `the figure has ${total} moments`);
    assert.deepEqual(moments[0], [1, 1]);
    const { sides } = await shown(page);
    assert.deepEqual(
      moments.at(-1),
      sides.map((side) => side.total),
      'the last moment shows every last step',
    );
    await figure().getByRole('button', { name: 'First step' }).click();
    await assertAt(1);
    for (let n = 2; n <= total; n++) {
      await figure().getByRole('button', { name: 'Next step' }).click();
      await assertAt(n);
    }
    assert.equal(await figure().getByRole('button', { name: 'Next step' }).getAttribute('aria-disabled'), 'true');
    await figure().getByRole('button', { name: 'Previous step' }).click();
    await assertAt(total - 1);
    await figure().getByRole('button', { name: 'Last step' }).click();
    await assertAt(total);
    // Between the first and last moments each side moved on from step 1.
    assert.ok((await shown(page)).sides.every((side) => side.step > 1));
  });

  it('steps both sides with the arrow keys, Home and End from either stage', async () => {
    const stages = figure().locator('.memlane-stage');
    assert.equal(await stages.count(), 2);
    await stages.nth(1).focus();
    await page.keyboard.press('Home');
    await assertAt(1);
    await page.keyboard.press('ArrowRight');
    await assertAt(2);
    await page.keyboard.press('ArrowDown');
    await assertAt(3);
    await stages.nth(0).focus();
    await page.keyboard.press('End');
    const { total } = await shown(page);
    await assertAt(total);
    await page.keyboard.press('ArrowLeft');
    await assertAt(total - 1);
    await page.keyboard.press('ArrowUp');
    await assertAt(total - 2);
  });

  it('opens the moment a permalink names, on load and when the hash changes', async () => {
    const { page: fresh, errors: freshErrors } = await openPage(site.browser);
    await fresh.goto(`${site.url}${pagePath}#${id}-step-3`);
    await islandReady(fresh);
    await assertAt(3, fresh);
    await fresh.evaluate((id) => (location.hash = `#${id}-step-2`), id);
    await fresh.waitForFunction(
      (id) => document.querySelector(`#${id} .memlane-position`)!.textContent!.startsWith('Step 2 of'),
      id,
    );
    await assertAt(2, fresh);
    assert.equal(await fresh.locator(`#${id} .memlane-permalink`).getAttribute('href'), `#${id}-step-2`);
    assert.deepEqual(freshErrors, []);
    await fresh.context().close();
  });

  it('marks the shared row and the three rows at the last moment, and nothing at the first', async () => {
    await figure().getByRole('button', { name: 'Last step' }).click();
    const [once, thrice] = [await differsOf(page, 0), await differsOf(page, 1)];
    assert.equal(once.rows.length, 1, 'one row object, three times');
    assert.equal(thrice.rows.length, 3, 'three row objects');
    for (const side of [once, thrice]) {
      assert.deepEqual([...new Set(side.objects)].sort(), side.rows, 'the rows are marked, the board is not');
      assert.deepEqual(
        [...new Set(side.arrows)].sort(),
        side.rows.map((row) => `${side.board}>${row}`),
        'the arrows from the board to its rows are marked',
      );
    }
    assert.match(await figure().locator('.memlane-differs').innerText(), /board\[0\].*one object.*three/);
    await figure().getByRole('button', { name: 'First step' }).click();
    assert.equal(await figure().locator('[data-differs]').count(), 0);
    assert.equal(await figure().locator('.memlane-differs').textContent(), '');
  });

  it('stacks the sides unless the column holds both at their natural width, then sets them side by side', async () => {
    // Side by side needs each side's natural width (--memlane-side-min, from the widest picture). The
    // board's pictures need more than this site's column at 1280 px; a wider column (Starlight's
    // --sl-content-width, as a site may set it) shows the other case.
    const layouts: { width: number; fits: boolean; sideBySide: boolean; stacked: boolean; scrolls: boolean }[] = [];
    for (const [width, column] of [
      [390, ''],
      [1280, ''],
      [1920, '80rem'],
    ] as const) {
      const { page: sized } = await openPage(site.browser, { viewport: { width, height: 900 } });
      await sized.goto(`${site.url}${pagePath}`);
      if (column) await sized.addStyleTag({ content: `:root { --sl-content-width: ${column}; }` });
      layouts.push(
        await sized.locator(`#${id} .memlane-sides`).evaluate((sides, width) => {
          const min = Number.parseFloat(getComputedStyle(sides).getPropertyValue('--memlane-side-min'));
          const [a, b] = [...sides.querySelectorAll('.memlane-side')].map((side) => side.getBoundingClientRect());
          return {
            width,
            // Two sides and the 1px hairline between them.
            fits: sides.getBoundingClientRect().width >= 2 * min + 1,
            sideBySide: Math.abs(a!.top - b!.top) <= 1 && b!.left >= a!.right,
            stacked: b!.top >= a!.bottom && Math.abs(a!.left - b!.left) <= 1,
            scrolls: [...sides.querySelectorAll('.memlane-stage')].some((s) => s.scrollWidth > s.clientWidth + 1),
          };
        }, width),
      );
      await sized.context().close();
    }
    for (const layout of layouts) {
      assert.ok(layout.fits ? layout.sideBySide : layout.stacked, JSON.stringify(layout));
      if (layout.sideBySide) assert.equal(layout.scrolls, false, `side by side, no picture scrolls at ${layout.width}`);
    }
    assert.ok(layouts[0]!.stacked, 'stacked on a phone');
    assert.ok(layouts[2]!.sideBySide, 'side by side in a column wide enough');
  });

  for (const theme of ['light', 'dark'] as const) {
    it(`has no serious or critical axe violations in ${theme} mode, at desktop and phone width`, async () => {
      const found: string[] = [];
      for (const width of [1280, 390]) {
        const { page: themed } = await openPage(site.browser, { colorScheme: theme, viewport: { width, height: 900 } });
        await themed.goto(`${site.url}${pagePath}`);
        assert.equal(await themed.evaluate(() => document.documentElement.dataset.theme), theme);
        await islandReady(themed);
        // At the first moment, and at the last, where the marks are drawn in the `differs` colour.
        for (const key of ['Home', 'End']) {
          await themed.locator(`#${id} .memlane-stage`).first().focus();
          await themed.keyboard.press(key);
          const violations = await seriousAxeViolations(themed, `#${id}`);
          found.push(...violations.map((v) => `${width}px, after ${key}: ${v}`));
        }
        assert.equal((await themed.locator(`#${id} [data-differs]`).count()) > 0, true, 'the last moment is marked');
        await themed.context().close();
      }
      assert.deepEqual(found, []);
    });
  }

  it('shows both sides at the shown moment without JavaScript', async () => {
    const { page: still } = await openPage(site.browser, { javaScriptEnabled: false });
    await still.goto(`${site.url}${pagePath}`);
    const state = await shown(still);
    const shownMoment = Number(await still.locator(`#${id} memlane-diagram`).getAttribute('data-step'));
    assert.equal(state.moment, shownMoment);
    await assertAt(shownMoment, still);
    const steps = await still
      .locator(`#${id} svg.memlane-diagram`)
      .evaluateAll((svgs) => svgs.map((svg) => Number(svg.getAttribute('data-shown-step'))));
    assert.deepEqual(steps, state.moments[shownMoment - 1]);
    const marks = JSON.parse((await still.locator(`#${id} memlane-diagram`).getAttribute('data-marks'))!) as string[][];
    for (const [s, listed] of marks[shownMoment - 1]!.entries()) {
      const drawn = await differsOf(still, s);
      assert.deepEqual(
        [...new Set([...drawn.objects, ...drawn.arrows])].sort(),
        listed.split(' ').filter(Boolean).sort(),
        `side ${s} carries the marks of the shown moment`,
      );
    }
    const sentences = JSON.parse((await still.locator(`#${id} memlane-diagram`).getAttribute('data-sentences'))!);
    assert.match(sentences[shownMoment - 1], /`board\[0\]`/);
    // The sentence's `code` spans are <code> elements on the page.
    assert.equal(
      await still.locator(`#${id} .memlane-differs`).textContent(),
      sentences[shownMoment - 1].replaceAll('`', ''),
    );
    assert.equal(await still.locator(`#${id} .memlane-differs code`).first().textContent(), 'board[0]');
    assert.ok(
      await still
        .locator(`#${id} button[data-action]`)
        .evaluateAll((buttons) => buttons.every((b) => (b as HTMLButtonElement).disabled)),
      'the controls that need JavaScript are disabled',
    );
    await still.context().close();
  });

  it('logs no console errors', () => {
    assert.deepEqual(errors, []);
  });
});
