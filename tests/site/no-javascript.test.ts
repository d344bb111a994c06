// With JavaScript off, each diagram shows its chosen step: the SVG, the marked code line, the output so far.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { openPage, useBuiltSite } from './site-harness.ts';

let page: Page;
const site = useBuiltSite(async () => {
  ({ page } = await openPage(site.browser, { javaScriptEnabled: false }));
});

/** What the shown step of diagram `id` looks like, read from the DOM only. */
function shownState(id: string) {
  return page.evaluate((id) => {
    const root = document.getElementById(id)!;
    const svg = root.querySelector('svg.memlane-diagram')!;
    const step = Number(root.querySelector<HTMLElement>('memlane-diagram')!.dataset.step);
    // [shown at this step by its data-steps, hidden by display="none"] per step-dependent element.
    // (No named helper functions in here: the test runner's transpiler would wrap them in __name.)
    const toggled = [...svg.querySelectorAll('[data-steps]')].map((el) => [
      el
        .getAttribute('data-steps')!
        .split(' ')
        .some((r) => {
          const [a, b = a] = r.split('-').map(Number);
          return step >= a! && step <= b!;
        }),
      el.getAttribute('display') === 'none',
    ]);
    const box = svg.getBoundingClientRect();
    return {
      step,
      total: Number(svg.getAttribute('data-steps-total')),
      position: root.querySelector('.memlane-position')!.textContent,
      width: box.width,
      height: box.height,
      wronglyShown: toggled.filter(([shown, hidden]) => !shown && !hidden).length,
      wronglyHidden: toggled.filter(([shown, hidden]) => shown && hidden).length,
      visibleObjects: [...svg.querySelectorAll('[data-object-id]')].filter(
        (el) => el.getAttribute('display') !== 'none' && (el as SVGGraphicsElement).getBBox().width > 0,
      ).length,
      currentLine: root.querySelector<HTMLElement>('.memlane-code .line.is-current')?.dataset.line,
      output: root.querySelector('.memlane-output-text')?.textContent ?? null,
      note: root.querySelector('.memlane-note-text')?.textContent ?? null,
      buttonsDisabled: [...root.querySelectorAll('button')].every((b) => b.disabled),
    };
  }, id);
}

describe('a diagram without JavaScript', () => {
  it('shows the last step of a default fence: drawing, current line and all output', async () => {
    await page.goto(`${site.url}/authoring/writing-a-lesson/`);
    const state = await shownState('first-example');
    assert.equal(state.step, state.total);
    assert.equal(state.position, `Step ${state.total} of ${state.total}`);
    assert.ok(state.width > 100 && state.height > 50, `diagram drawn at ${state.width}x${state.height}`);
    assert.equal(state.wronglyShown, 0);
    assert.equal(state.wronglyHidden, 0);
    assert.ok(state.visibleObjects >= 1, 'the list object is drawn');
    assert.equal(state.currentLine, '4');
    assert.equal(state.output, '[1, 2, 3]\n');
    assert.ok(state.buttonsDisabled, 'controls that need JavaScript are disabled, not broken');
  });

  it('shows the step chosen with step=N and only the output printed by then', async () => {
    await page.goto(`${site.url}/authoring/fence-options/`);
    const state = await shownState('step-option');
    assert.equal(state.step, 2);
    assert.match(state.position!, /^Step 2 of \d+$/);
    assert.equal(state.wronglyShown, 0);
    assert.equal(state.wronglyHidden, 0);
  });

  it('shows the narration of the shown step', async () => {
    await page.goto(`${site.url}/authoring/writing-a-lesson/`);
    const state = await shownState('narration');
    assert.equal(state.currentLine, '4');
    assert.equal(state.note, 'The returned object is bound to result; the frame is gone.');
  });

  it('keeps the text alternative: the SVG is an image named by its title and description', async () => {
    await page.goto(`${site.url}/authoring/writing-a-lesson/`);
    const label = await page.evaluate(() => {
      const svg = document.querySelector('#first-example svg.memlane-diagram')!;
      const ids = (svg.getAttribute('aria-labelledby') ?? '').split(' ').filter(Boolean);
      return {
        role: svg.getAttribute('role'),
        text: ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' '),
      };
    });
    assert.equal(label.role, 'img');
    assert.ok(label.text.length > 10, `accessible name: "${label.text}"`);
    const ignored = await page.evaluate(
      () => document.querySelector('#first-example')!.closest('[data-pagefind-ignore]') !== null,
    );
    assert.ok(ignored, 'diagrams are left out of the search index');
  });
});
