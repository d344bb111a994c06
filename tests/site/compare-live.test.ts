// Comparisons in the reader's browser: "Edit code" on a compare diagram holds both programs with their
// `# @side` lines and Run redraws both sides on one step control; the playground opens a pair from a link.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Locator } from 'playwright-core';
import { encodeCode } from '../../src/page/share-link.ts';
import { openPlayground, playgroundVerdict, RUN_WAIT } from './playground-harness.ts';
import { openPage, useBuiltSite } from './site-harness.ts';

const site = useBuiltSite();

const sideLabels = (root: Locator) =>
  root
    .locator('.memlane-side')
    .evaluateAll((sides) => sides.map((side) => side.querySelector('svg.memlane-diagram title')?.textContent ?? ''));

describe('compare diagrams in the browser', () => {
  it('Edit code shows both programs; Run redraws both sides, marked, and stepping moves both', async () => {
    const { page, errors } = await openPage(site.browser, { viewport: { width: 1280, height: 900 } });
    await page.goto(`${site.url}/course/aliasing/`);
    const figure = page.locator('figure#board-pair');
    await figure.getByRole('button', { name: 'Edit code' }).click();
    const box = figure.getByRole('textbox', { name: 'Python code' });
    await box.waitFor();
    assert.match((await box.textContent()) ?? '', /# @side \[row\] \* 3.*# @side comprehension/s);
    await box.click();
    await box.press('Control+a');
    await box.press('Delete');
    await box.pressSequentially(
      '# @side alias\na = [1]\nb = a\nb.append(2)\n# @side copy\na = [1]\nb = a[:]\nb.append(2)\n',
    );
    await figure.getByRole('button', { name: 'Run' }).click();
    const status = figure.locator('.memlane-editor-status').filter({ hasText: /^(Ran|The run failed)/ });
    await status.waitFor(RUN_WAIT);
    assert.match((await status.textContent())!, /^Ran/, (await figure.locator('[role="alert"]').textContent()) ?? '');
    assert.deepEqual(await sideLabels(figure), ['alias', 'copy']);
    // A run opens at its last moment; End keeps it there.
    await figure.locator('.memlane-stage').first().press('End');
    assert.match(
      (await figure.locator('.memlane-differs').textContent()) ?? '',
      /b is a.* on the alias side, not on the copy side/,
    );
    assert.ok((await figure.locator('.memlane-side[data-side="1"] svg [data-differs]').count()) > 0);
    await figure.locator('.memlane-stage').nth(1).press('Home');
    assert.match((await figure.locator('.memlane-position').textContent()) ?? '', /^Step 1 of \d+$/);
    assert.equal(await figure.locator('svg [data-differs]').count(), 0, 'nothing differs before the copy');
    // The editor marks the current line of each side in the whole body.
    const marked = await figure.locator('.cm-line.memlane-editor-current').count();
    assert.equal(marked, 2);
    assert.deepEqual(errors, []);
    await page.context().close();
  });

  it('the playground opens a pair from a #code= link', async () => {
    const pair = '# @side rebind\na = [1]\nb = a\nb = b + [2]\n# @side mutate\na = [1]\nb = a\nb += [2]\n';
    const { page, errors } = await openPlayground(site, { hash: `#code=${encodeCode(pair)}` });
    assert.match(await playgroundVerdict(page), /^Ran/);
    const playground = page.locator('#playground');
    assert.deepEqual(await sideLabels(playground), ['rebind', 'mutate']);
    assert.match(
      (await playground.locator('.memlane-differs').textContent()) ?? '',
      /`?b`? is `?a`? on the mutate side, not on the rebind side/,
    );
    assert.deepEqual(errors, []);
    await page.context().close();
  });
});
