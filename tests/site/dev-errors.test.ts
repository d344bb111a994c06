// `astro dev` with a broken fence: the served page shows the problem where the diagram was (file,
// line, caret, hint) and Vite's error overlay comes up naming the file and line, for .md and .mdx
// pages alike; fixing the fence brings the diagram back without the overlay. Real server, real Chromium.
import assert from 'node:assert/strict';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { startDevServer, type DevServer } from './dev-server.ts';
import { launchChromium, openPage, repoRoot } from './site-harness.ts';

const root = join(repoRoot, 'tests/fixtures/sites/dev-errors');
/** Generous waits for a condition: a save reaches the page through the watcher, CPython and a reload. */
const WAIT = { timeout: 180_000 };

const lesson = (code: string) =>
  ['---', 'title: A lesson', '---', '', 'Some text.', '', '```python memory', code, '```', ''].join('\n');
const good = 'scores = [1, 2]\naverage = sum(scores) / len(scores)';
// Line 9 of the file; Python points at the name `cuont`, columns 18 to 22.
const broken = 'count = 3\ntotal = (count + cuont)';

function writePage(name: string, code: string): void {
  mkdirSync(join(root, 'content'), { recursive: true });
  writeFileSync(join(root, 'content', name), lesson(code));
}

let server: DevServer;
let browser: Browser;
before(async () => {
  writePage('index.md', good);
  writePage('other.mdx', good);
  server = await startDevServer(root);
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
  await server?.stop();
  rmSync(join(root, 'content'), { recursive: true, force: true });
});

async function openLesson(path: string): Promise<Page> {
  const { page } = await openPage(browser);
  await page.goto(`${server.url}${path}`);
  await page.locator('figure.memlane svg.memlane-diagram').waitFor(WAIT);
  return page;
}

for (const [file, path] of [
  ['index.md', '/'],
  ['other.mdx', '/other/'],
] as const) {
  describe(`astro dev, a broken fence in a .${file.split('.')[1]} page`, () => {
    it('shows the problem in the page and in the error overlay, and the fix takes both away', async () => {
      const page = await openLesson(path);
      writePage(file, broken);

      const block = page.locator('.memlane-problem pre');
      await block.waitFor(WAIT);
      const text = (await block.textContent())!;
      assert.match(
        text,
        new RegExp(
          `^content/${file.replace('.', '\\.')}:9: the Python snippet failed: NameError: name 'cuont' is not ` +
            `defined\\n`,
        ),
      );
      assert.match(
        text,
        new RegExp(
          String.raw`\n {2}9 \| total = \(count \+ cuont\)\n {23}\^{5}\nhint: did you mean ` +
            '`count`' +
            String.raw`\? \(If the snippet is meant to end with this NameError, add raises=NameError\.\)$`,
        ),
      );
      assert.equal(await page.locator('figure.memlane').count(), 0, 'the diagram is gone, not left stale');

      const overlay = page.locator('vite-error-overlay');
      await overlay.waitFor(WAIT);
      assert.equal(await overlay.locator('#code header h2').textContent(), `content/${file}:9:18`);
      assert.match(
        (await overlay.locator('#message-content').textContent())!,
        /NameError: name 'cuont' is not defined/,
      );
      assert.match((await overlay.locator('#hint-content').textContent())!, /raises=NameError/);

      writePage(file, good);
      await page.locator('figure.memlane svg.memlane-diagram').waitFor(WAIT);
      await overlay.waitFor({ state: 'detached', ...WAIT });
      assert.equal(await page.locator('.memlane-problem').count(), 0);
      await page.context().close();
    });
  });
}

describe('astro dev, the terminal', () => {
  it('logs each problem as it happens, without a stack trace', () => {
    assert.match(server.output(), /\[memlane\] content\/index\.md:9: the Python snippet failed: NameError/);
    assert.doesNotMatch(server.output(), /^\s+at /m);
  });
});
