// A built starter site, as its reader gets it: the lesson's two diagrams open on a picture worth
// seeing, step with their buttons, ask their question first, and run edited code in Chromium.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium, openPage, serveSite } from '../site/site-harness.ts';

export async function checkStarter(dist: string, lessonPath: string): Promise<void> {
  const html = readFileSync(join(dist, lessonPath, 'index.html'), 'utf8');
  assert.equal(html.match(/<svg[^>]*class="memlane-diagram/g)?.length, 2, 'two diagrams on the lesson');
  assert.ok(existsSync(join(dist, 'playground', 'index.html')), 'the starter has the playground its diagrams link to');

  const server = await serveSite(dist);
  const browser = await launchChromium();
  try {
    const { page, errors } = await openPage(browser);
    await page.goto(server.url + lessonPath);
    const [alias, copy] = [page.locator('.memlane').first(), page.locator('.memlane').nth(1)];
    // The first diagram opens on its last step, where both names share the list of two items.
    const opening = (await alias.locator('.memlane-position').textContent())!.match(/^Step (\d+) of (\d+)/)!;
    assert.equal(opening[1], opening[2], 'the first diagram opens on its last step');
    assert.equal(
      await alias.locator('svg [data-object-id]').filter({ hasText: 'milk' }).count(),
      1,
      'the appended item is drawn',
    );
    await alias.getByRole('button', { name: 'First step' }).click();
    await alias.getByRole('button', { name: 'Next step' }).click();
    await alias
      .locator('.memlane-position')
      .filter({ hasText: /^Step 2 of \d+/ })
      .waitFor();
    // The chrome is styled outside Starlight too: the diagram's frame has a border colour of its own.
    assert.notEqual(await alias.evaluate((element) => getComputedStyle(element).borderTopColor), 'rgba(0, 0, 0, 0)');
    // The second asks what its last line prints before it shows it.
    assert.equal(await copy.locator('[data-exercise="output"]').count(), 1);
    assert.doesNotMatch(
      (await copy.locator('.memlane-output-text').allTextContents()).join(''),
      /milk/,
      'the answer is not printed yet',
    );
    // Live editing from the installed package: its interpreter files were copied into the site.
    await alias.getByRole('button', { name: 'Edit code' }).click();
    await alias.getByRole('button', { name: 'Run' }).click();
    await alias
      .locator('.memlane-editor-status')
      .filter({ hasText: /^Ran \d+ steps/ })
      .waitFor({ timeout: 120_000 });
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
    await server.close();
  }
}
