// Shared by the tests that drive the playground in Chromium: open it, type and run a program, wait for the
// run's verdict, and find the sandboxed frame the interpreter runs in.
import type { Frame, Page } from 'playwright-core';
import { openPage, type SiteUnderTest } from './site-harness.ts';

/** A run's wait: the first one starts Python in the browser. */
export const RUN_WAIT = { timeout: 120_000 };

/** The playground page (its share-link `hash`, if any), once its editor is on the page. */
export async function openPlayground(
  site: SiteUnderTest,
  { hash = '', colorScheme = 'dark' as 'light' | 'dark' } = {},
): Promise<{ page: Page; errors: string[] }> {
  const opened = await openPage(site.browser, { viewport: { width: 1280, height: 900 }, colorScheme });
  await opened.page.goto(`${site.url}/playground/${hash}`);
  await opened.page.getByRole('textbox', { name: 'Python code' }).waitFor();
  return opened;
}

/** Waits for the current run's verdict and returns the status line. */
export async function playgroundVerdict(page: Page): Promise<string> {
  const status = page.locator('#playground .memlane-editor-status').filter({ hasText: /^(Ran|The run failed)/ });
  await status.waitFor(RUN_WAIT);
  return (await status.textContent())!;
}

/** Replaces the editor's program, presses Run and returns the run's verdict (a click shows 'Running…' at once). */
export async function runInPlayground(page: Page, program: string): Promise<string> {
  const box = page.getByRole('textbox', { name: 'Python code' });
  await box.click();
  await box.press('Control+a');
  await box.press('Delete');
  await box.pressSequentially(program);
  await page.getByRole('button', { name: 'Run' }).click();
  return playgroundVerdict(page);
}

/** The sandboxed frame the interpreter runs in. */
export async function interpreterFrame(page: Page): Promise<Frame> {
  await page.locator('iframe[sandbox]').waitFor({ state: 'attached' });
  for (;;) {
    const frame = page.frames().find((f) => f !== page.mainFrame());
    if (frame) return frame;
    await page.waitForTimeout(100);
  }
}
