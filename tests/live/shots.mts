import { serveSite, launchChromium } from '/work/wt-live/tests/site/site-harness.ts';
const server = await serveSite('/work/wt-live/dist');
const browser = await launchChromium();
for (const [w, scheme] of [[1280, 'light'], [390, 'dark'], [1280, 'dark'], [390, 'light']] as const) {
  const ctx = await browser.newContext({ viewport: { width: w, height: 1000 }, colorScheme: scheme });
  const page = await ctx.newPage();
  page.on('pageerror', (e) => console.log('pageerror', e.message));
  await page.goto(server.url + '/course/aliasing/');
  const fig = page.locator('figure.memlane').first();
  await fig.getByRole('button', { name: 'Edit code' }).click();
  const box = fig.getByRole('textbox', { name: 'Python code' });
  await box.waitFor();
  await box.press('Control+End');
  await box.pressSequentially('\nprint(missing)');
  await fig.getByRole('button', { name: 'Run' }).click();
  await fig.locator('.memlane-editor-status').filter({ hasText: /Ran|failed/ }).waitFor({ timeout: 120000 });
  await fig.evaluate((el) => el.scrollIntoView());
  await page.addStyleTag({ content: 'header.header{display:none!important}' });
  await fig.screenshot({ path: `/tmp/shot-lesson-${w}-${scheme}.png` });
  await page.goto(server.url + '/playground/');
  await page.locator('#playground .memlane-editor-status').filter({ hasText: /Ran|failed/ }).waitFor({ timeout: 120000 });
  await page.screenshot({ path: `/tmp/shot-playground-${w}-${scheme}.png`, fullPage: true });
  await ctx.close();
}
await browser.close(); await server.close();
