// Exercises in Chromium on the authoring page: pointer by click and by keyboard, "A new object",
// output right and wrong, "Show answer", freed by click and keyboard, right and wrong and "None of
// them", the page without JavaScript, and axe with a question open.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { openPage, repoRoot, useBuiltSite } from './site-harness.ts';

const path = '/authoring/exercises/';
const site = useBuiltSite();

async function open(options: Parameters<typeof openPage>[1] = {}): Promise<{ page: Page; errors: string[] }> {
  const opened = await openPage(site.browser, options);
  await opened.page.goto(`${site.url}${path}`);
  await opened.page.waitForFunction(
    () => !document.querySelector('#rebind-exercise .memlane-exercise-controls')!.hasAttribute('hidden'),
  );
  return opened;
}

const position = (page: Page, id: string) => page.locator(`#${id} .memlane-position`).textContent();
const stepOf = async (page: Page, id: string) => Number(/Step (\d+) of/.exec((await position(page, id)) ?? '')![1]);
const exercise = (page: Page, id: string) => page.locator(`#${id} [data-exercise]`);
const feedback = (page: Page, id: string) => exercise(page, id).getByRole('status');

describe('exercises', () => {
  it(
    'pointer: Try it moves to the step before the line; ' + 'the objects are named choices; "A new object" is right',
    async () => {
      const { page, errors } = await open();
      const ex = exercise(page, 'rebind-exercise');
      assert.equal(await ex.getAttribute('data-exercise'), 'pointer');
      await ex.getByRole('button', { name: 'Try it' }).click();
      const before = Number(await ex.getAttribute('data-before'));
      assert.equal(await stepOf(page, 'rebind-exercise'), before);
      // Every drawn object is a button named in words.
      const names = await page
        .locator('#rebind-exercise svg [data-object-id][role="button"]')
        .evaluateAll((els) => els.map((el) => el.getAttribute('aria-label')));
      assert.ok(names.includes('the list [1, 2]'), JSON.stringify(names));
      await ex.getByRole('button', { name: 'A new object' }).click();
      assert.match(
        (await feedback(page, 'rebind-exercise').textContent())!,
        /^Correct! `?second`? names a new object, the list \[1, 2, 3\]\..*makes a new list/,
      );
      assert.equal(await stepOf(page, 'rebind-exercise'), Number(await ex.getAttribute('data-after')));
      const answer = await ex.getAttribute('data-answer');
      assert.equal(
        (await page.locator(`#rebind-exercise svg [data-object-id="${answer}"].is-answer`).count()) > 0,
        true,
      );
      assert.equal(
        await page.locator('#rebind-exercise svg [role="button"]').count(),
        0,
        'choices end with the answer',
      );
      assert.deepEqual(errors, []);
      await page.context().close();
    },
  );

  it('pointer by click: the old list is "Not quite"', async () => {
    const { page } = await open();
    const ex = exercise(page, 'rebind-exercise');
    await ex.getByRole('button', { name: 'Try it' }).click();
    await page.locator('#rebind-exercise svg [data-object-id][aria-label="the list [1, 2]"]').first().click();
    assert.match(
      (await feedback(page, 'rebind-exercise').textContent())!,
      /^Not quite\. .*first still names the old list\.$/,
    );
    await page.context().close();
  });

  it('pointer by keyboard: Tab reaches the choices, arrow keys move between them, Enter answers', async () => {
    const { page } = await open();
    const ex = exercise(page, 'rebind-exercise');
    await ex.getByRole('button', { name: 'Try it' }).focus();
    await page.keyboard.press('Enter');
    const focused = () =>
      page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.tagName);
    const first = await focused();
    const stepBefore = await stepOf(page, 'rebind-exercise');
    await page.keyboard.press('ArrowRight');
    assert.notEqual(await focused(), first, 'the arrow key moved to another object');
    assert.equal(await stepOf(page, 'rebind-exercise'), stepBefore, 'the arrow key did not step the diagram');
    for (let i = 0; i < 10 && (await focused()) !== 'the list [1, 2]'; i++) await page.keyboard.press('ArrowRight');
    assert.equal(await focused(), 'the list [1, 2]');
    await page.keyboard.press('Enter');
    assert.match((await feedback(page, 'rebind-exercise').textContent())!, /^Not quite/);
    await page.context().close();
  });

  it('output: a wrong then a right answer, ends trimmed; Show answer for the stuck', async () => {
    const { page } = await open();
    const ex = exercise(page, 'output-exercise');
    assert.equal(await ex.getAttribute('data-exercise'), 'output');
    await ex.getByRole('button', { name: 'Try it' }).click();
    assert.equal(await stepOf(page, 'output-exercise'), Number(await ex.getAttribute('data-before')));
    const box = ex.getByRole('textbox', { name: 'Predicted output' });
    await box.fill('True True');
    await ex.getByRole('button', { name: 'Check' }).click();
    assert.match((await feedback(page, 'output-exercise').textContent())!, /^Not quite\. It prints `?True False`?\./);
    await ex.getByRole('button', { name: 'Try it' }).click();
    await box.fill('  True False \n');
    await box.press('Enter');
    assert.match((await feedback(page, 'output-exercise').textContent())!, /^Correct! It prints/);
    assert.equal(await stepOf(page, 'output-exercise'), Number(await ex.getAttribute('data-after')));
    await ex.getByRole('button', { name: 'Try it' }).click();
    await ex.getByRole('button', { name: 'Show answer' }).click();
    assert.match((await feedback(page, 'output-exercise').textContent())!, /^The answer: It prints `?True False`?\./);
    await page.context().close();
  });

  const pressedOf = (page: Page) =>
    page
      .locator('#freed-exercise svg .is-choice')
      .evaluateAll((els) =>
        Object.fromEntries(els.map((el) => [el.getAttribute('aria-label'), el.getAttribute('aria-pressed')])),
      );

  it('freed by click: every drawn object is a toggle; marking the list alone is right', async () => {
    const { page, errors } = await open();
    const ex = exercise(page, 'freed-exercise');
    assert.equal(await ex.getAttribute('data-exercise'), 'freed');
    await ex.getByRole('button', { name: 'Try it' }).click();
    assert.equal(await stepOf(page, 'freed-exercise'), Number(await ex.getAttribute('data-before')));
    const pressed = await pressedOf(page);
    assert.equal(pressed["the list ['apple', 1000]"], 'false', JSON.stringify(pressed));
    assert.equal(pressed['the int 1000'], 'false', JSON.stringify(pressed));
    const list = page.locator(`#freed-exercise svg [data-object-id][aria-label="the list ['apple', 1000]"]`).first();
    await list.click();
    assert.equal(await list.getAttribute('aria-pressed'), 'true');
    // A second click takes the mark back, a third puts it again.
    await list.click();
    assert.equal(await list.getAttribute('aria-pressed'), 'false');
    await list.click();
    await ex.getByRole('button', { name: 'Check' }).click();
    assert.match(
      (await feedback(page, 'freed-exercise').textContent())!,
      /^Correct! It frees the list \['apple', 1000\]\. .*lost its last reference, `?spare`?/,
    );
    assert.equal(await stepOf(page, 'freed-exercise'), Number(await ex.getAttribute('data-after')));
    assert.equal(
      await page.locator('#freed-exercise svg [aria-pressed]').count(),
      0,
      'the toggles end with the answer',
    );
    assert.deepEqual(errors, []);
    await page.context().close();
  });

  it('freed, wrong: the int 1000 marked too is "Not quite", with why CPython keeps it', async () => {
    const { page } = await open();
    const ex = exercise(page, 'freed-exercise');
    await ex.getByRole('button', { name: 'Try it' }).click();
    await page.locator(`#freed-exercise svg [data-object-id][aria-label="the list ['apple', 1000]"]`).first().click();
    await page.locator('#freed-exercise svg [data-object-id][aria-label="the int 1000"]').first().click();
    await ex.getByRole('button', { name: 'Check' }).click();
    assert.match(
      (await feedback(page, 'freed-exercise').textContent())!,
      /^Not quite\. It frees the list .*The int 1000 is not freed: .*a constant of the code/,
    );
    await ex.getByRole('button', { name: 'Try it' }).click();
    await ex.getByRole('button', { name: 'None of them' }).click();
    assert.match((await feedback(page, 'freed-exercise').textContent())!, /^Not quite\. It frees the list/);
    await page.context().close();
  });

  it('freed by keyboard: arrow keys move between the toggles, Space and Enter mark them', async () => {
    const { page } = await open();
    const ex = exercise(page, 'freed-exercise');
    await ex.getByRole('button', { name: 'Try it' }).focus();
    await page.keyboard.press('Enter');
    const focused = () =>
      page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.tagName);
    for (let i = 0; i < 10 && (await focused()) !== "the list ['apple', 1000]"; i++)
      await page.keyboard.press('ArrowRight');
    assert.equal(await focused(), "the list ['apple', 1000]");
    await page.keyboard.press(' ');
    assert.equal((await pressedOf(page))["the list ['apple', 1000]"], 'true');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    assert.equal(
      Object.values(await pressedOf(page)).filter((p) => p === 'true').length,
      1,
      'Enter twice leaves a toggle as it was',
    );
    await ex.getByRole('button', { name: 'Check' }).focus();
    await page.keyboard.press('Enter');
    assert.match((await feedback(page, 'freed-exercise').textContent())!, /^Correct!/);
    await page.context().close();
  });

  it('freed: "None of them" is right where a del frees nothing (the reference-counting pitfall)', async () => {
    const { page, errors } = await openPage(site.browser);
    await page.goto(`${site.url}/course/reference-counting/`);
    const ex = page.locator('#cache-wrong [data-exercise="freed"]');
    await ex.getByRole('button', { name: 'Try it' }).click();
    await ex.getByRole('button', { name: 'None of them' }).click();
    assert.match((await ex.getByRole('status').textContent())!, /^Correct! It frees none of the drawn objects\./);
    await ex.getByRole('button', { name: 'Try it' }).click();
    await page.locator('#cache-wrong svg [data-object-id].is-choice[aria-label^="the Photo instance"]').first().click();
    await ex.getByRole('button', { name: 'Check' }).click();
    assert.match(
      (await ex.getByRole('status').textContent())!,
      /^Not quite\. .*The Photo instance .*is not freed: the list \[Photo\] still refers to it\./,
    );
    assert.deepEqual(errors, []);
    await page.context().close();
  });

  it('without JavaScript: each question and its answer in a <details>', async () => {
    const { page } = await openPage(site.browser, { javaScriptEnabled: false });
    await page.goto(`${site.url}${path}`);
    const exercises = page.locator('[data-exercise]');
    assert.equal(await exercises.count(), 3);
    for (const ex of await exercises.all()) {
      assert.equal(await ex.locator('.memlane-exercise-question').isVisible(), true);
      assert.equal(await ex.locator('.memlane-exercise-controls').isVisible(), false);
      const details = ex.locator('details');
      await details.locator('summary').click();
      assert.match((await details.textContent())!, /^Answer.*(names a new object|It prints|It frees)/);
    }
    // The question comment is not in the shown code.
    assert.equal(await page.locator('.memlane-code', { hasText: '@predict' }).count(), 0);
    await page.context().close();
  });

  for (const theme of ['light', 'dark'] as const) {
    it(`axe-core finds nothing serious with a question open (${theme})`, async () => {
      const { page } = await open({ colorScheme: theme });
      await exercise(page, 'rebind-exercise').getByRole('button', { name: 'Try it' }).click();
      await exercise(page, 'output-exercise').getByRole('button', { name: 'Try it' }).click();
      await exercise(page, 'freed-exercise').getByRole('button', { name: 'Try it' }).click();
      await page.locator('#freed-exercise svg .is-choice').first().click();
      await page.addScriptTag({ path: join(repoRoot, 'node_modules/axe-core/axe.min.js') });
      const violations = await page.evaluate(async () => {
        const axe = (
          window as unknown as {
            axe: {
              run(
                context: Element,
              ): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }>;
            };
          }
        ).axe;
        const result = await axe.run(document.querySelector('main')!);
        // axe reads an SVG box's separate <text> elements run together ("int1" for "int" and "1"), so
        // it finds no box's words in any name; the choices' names are checked against their words below.
        return result.violations
          .filter((v) => v.impact === 'serious' || v.impact === 'critical')
          .map((v) => ({
            ...v,
            nodes:
              v.id === 'label-content-name-mismatch'
                ? v.nodes.filter(
                    (n) => document.querySelector(n.target.join(' '))?.classList.contains('is-choice') !== true,
                  )
                : v.nodes,
          }))
          .filter((v) => v.nodes.length > 0)
          .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      });
      // Each choice's name holds the type its box shows and every value it shows beside a scalar's type.
      const unnamed = await page.locator('.is-choice').evaluateAll((els) =>
        els
          .filter((el) => {
            const type = el.getAttribute('data-type')!;
            return !el.getAttribute('aria-label')!.includes(`the ${type}`);
          })
          .map((el) => el.getAttribute('aria-label')),
      );
      assert.deepEqual(unnamed, []);
      assert.deepEqual(violations, []);
      await page.context().close();
    });
  }
});
