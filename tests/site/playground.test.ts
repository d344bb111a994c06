// The playground and the sandbox, in Chromium: a share link reopens the same program, drawn with the
// options it carries (a lesson's link carries its fence's); the example menu names the reader's own
// code; the interpreter's frame has an opaque origin and cannot read the page, its storage or
// cookies, nor make any request; axe finds nothing serious on an open editor.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { codeFromHash, encodeCode, readShareHash } from '../../src/page/share-link.ts';
import {
  interpreterFrame,
  openPlayground,
  playgroundVerdict,
  RUN_WAIT,
  runInPlayground,
} from './playground-harness.ts';
import { openPage, seriousAxeViolations, useBuiltSite } from './site-harness.ts';

const site = useBuiltSite();

/**
 * Run in the interpreter's frame or worker: each named attempt to reach beyond it, and what came of
 * it. (No named functions inside: the test runner's transform would add a helper the frame lacks.)
 */
const tryToEscape = async ({ url, names }: { url: string; names: string[] }): Promise<string[]> => {
  const scope = globalThis as unknown as {
    WorkerGlobalScope?: { prototype: { fetch: typeof fetch } };
    importScripts?(url: string): void;
  };
  const attempts: [string, () => unknown][] = [
    ['origin', () => location.origin],
    ['parent document', () => window.parent.document.title],
    ['cookie', () => document.cookie],
    ['storage', () => localStorage.getItem('memlane-secret')],
    ['fetch', () => fetch(url).then((r) => r.status)],
    [
      'image',
      () =>
        new Promise((resolve, reject) => {
          const img = new Image();
          img.onload = resolve;
          img.onerror = () => reject(new Error('no image'));
          img.src = `${url}.png`;
        }),
    ],
    // The real fetch, not the worker's own stand-in that serves only the interpreter's files.
    ['real fetch', () => scope.WorkerGlobalScope!.prototype.fetch.call(globalThis, url).then((r) => r.status)],
    [
      'xhr',
      () => {
        const request = new XMLHttpRequest();
        request.open('GET', url, false);
        request.send();
        return request.status;
      },
    ],
    [
      'importScripts',
      () => {
        scope.importScripts!(`${url}.js`);
        return 'loaded';
      },
    ],
    [
      'indexedDB',
      () =>
        new Promise((resolve, reject) => {
          const open = indexedDB.open('memlane-probe');
          open.onsuccess = () => resolve('opened');
          open.onerror = () => reject(open.error);
        }),
    ],
  ];
  const results: string[] = [];
  for (const [name, act] of attempts.filter(([n]) => names.includes(n))) {
    try {
      results.push(`${name}: ${String(await act())}`);
    } catch (error) {
      results.push(`${name}: blocked (${(error as Error).name})`);
    }
  }
  return results;
};

describe('playground', () => {
  it('an example picked while Python is still starting is the one drawn', async () => {
    const { page, errors } = await openPlayground(site);
    await page.getByLabel('Example').selectOption({ label: 'A linked list' });
    // The all-steps SVG holds every version of a row; the one shown at the drawn step is visible.
    await page
      .locator('#playground svg.memlane-diagram text', { hasText: 'head' })
      .filter({ visible: true })
      .first()
      .waitFor(RUN_WAIT);
    assert.match(await playgroundVerdict(page), /^Ran/);
    assert.match((await page.getByRole('textbox', { name: 'Python code' }).textContent())!, /class Node:/);
    assert.deepEqual(errors, []);
    await page.context().close();
  });

  it('every lesson diagram links to the playground with its code', async () => {
    const { page } = await openPage(site.browser);
    await page.goto(`${site.url}/course/aliasing/`);
    const link = page.getByRole('link', { name: 'Open in playground' }).first();
    const href = (await link.getAttribute('href'))!;
    const shown = await page.locator('figure.memlane').first().locator('.memlane-code .line').allTextContents();
    assert.equal(codeFromHash(new URL(href, site.url).hash), shown.join('\n'));
    await page.context().close();
  });

  it(
    '"Open in playground" keeps the fence\'s options: ' + 'the playground draws with them and its own link keeps them',
    async () => {
      const { page, errors } = await openPage(site.browser, { viewport: { width: 1280, height: 900 } });
      await page.goto(`${site.url}/course/the-allocator/`);
      const href = (await page
        .locator('#id-reuse')
        .getByRole('link', { name: 'Open in playground' })
        .getAttribute('href'))!;
      const shared = readShareHash(new URL(href, site.url).hash)!;
      assert.deepEqual(shared.options, [
        ['scalars', 'inline'],
        ['hide', 'seen_ids'],
      ]);
      assert.match(shared.code, /^seen_ids = \[\]/);
      await page.goto(new URL(href, site.url).href);
      assert.match(await playgroundVerdict(page), /^Ran/);
      const drawn = await page.locator('#playground svg.memlane-diagram text').allTextContents();
      assert.ok(drawn.includes('box') && !drawn.includes('seen_ids'), `seen_ids is hidden: ${drawn.join(' ')}`);
      assert.equal(
        await page
          .getByLabel('Example')
          .evaluate((select: HTMLSelectElement) => select.selectedOptions[0]!.textContent),
        'Your code',
      );
      await page.getByRole('button', { name: 'Copy link to this program' }).click();
      assert.deepEqual(readShareHash(new URL(page.url()).hash), shared);
      assert.deepEqual(errors, []);
      await page.context().close();
    },
  );

  // One playground page (dark), opened once (one interpreter start, not four), serves the next four
  // tests in order: the example menu first (it starts from the page as opened), then a share link of
  // a typed program, the sandbox (it needs only a page whose interpreter has run), and axe after a run.
  describe('on one playground page', () => {
    let opened: Awaited<ReturnType<typeof openPlayground>>;
    before(async () => {
      opened = await openPlayground(site);
    });
    after(() => opened?.page.context().close());

    it(
      'the example menu says "Your code" once the program is not an example, ' +
        'and picking it brings the program back',
      async () => {
        const { page, errors } = opened;
        const menu = page.getByLabel('Example');
        const chosen = () => menu.evaluate((select: HTMLSelectElement) => select.selectedOptions[0]!.textContent);
        assert.equal(await chosen(), 'Two names, one list');
        assert.match(await runInPlayground(page, 'mine = [1, 2]\nalso = mine'), /^Ran/);
        assert.equal(await chosen(), 'Your code');
        await menu.selectOption({ label: 'A linked list' });
        await page.getByRole('textbox', { name: 'Python code' }).filter({ hasText: 'class Node' }).waitFor();
        assert.equal(await chosen(), 'A linked list');
        await menu.selectOption({ label: 'Your code' });
        assert.equal(
          await page.getByRole('textbox', { name: 'Python code' }).textContent(),
          'mine = [1, 2]also = mine',
        );
        assert.deepEqual(errors, []);
      },
    );

    it(
      'a share link round trip: Copy link puts #code= in the address, ' + 'and the link reopens and runs the program',
      async () => {
        const { page, errors } = opened;
        const box = page.getByRole('textbox', { name: 'Python code' });
        await box.click();
        await box.press('Control+a');
        await box.press('Delete');
        const program = 'café = ["naïve", 3]\nalias = café  # ünïcode stays';
        await box.pressSequentially(program);
        await page.getByRole('button', { name: 'Copy link to this program' }).click();
        const hash = new URL(page.url()).hash;
        assert.equal(hash, `#code=${encodeCode(program)}`);
        assert.equal(codeFromHash(hash), program);
        const again = await openPlayground(site, { hash });
        assert.match(await playgroundVerdict(again.page), /^Ran/);
        assert.equal(
          await again.page.getByRole('textbox', { name: 'Python code' }).textContent(),
          program.replace(/\n/g, ''),
        );
        const drawn = await again.page.locator('#playground svg.memlane-diagram text').allTextContents();
        assert.ok(drawn.includes('alias') && drawn.includes('café'), drawn.join(' '));
        assert.deepEqual([...errors, ...again.errors], []);
        await again.page.context().close();
      },
    );

    it(
      'the interpreter runs in an opaque origin: no page, ' + 'storage, cookies or requests, whatever code runs there',
      async () => {
        const { page } = opened;
        await page.evaluate(() => {
          localStorage.setItem('memlane-secret', 'page storage');
          // biome-ignore lint/suspicious/noDocumentCookie: a secret the sandboxed run must not read.
          document.cookie = 'memlane-secret=page-cookie; path=/';
        });
        // The interpreter is up and runs (the tests before left the page's last run as they typed it).
        assert.match(await runInPlayground(page, 'ok = [1]'), /^Ran/);
        // Python cannot reach JavaScript at all...
        assert.match(await runInPlayground(page, 'import js'), /^The run failed/);
        assert.match((await page.getByRole('alert').textContent())!, /ModuleNotFoundError: No module named 'js'/);
        // ...and JavaScript that got there anyway (run in the frame and in its worker) is confined.
        const before = site.requests.length;
        const probe = `${site.url}/probe`;
        const frame = await interpreterFrame(page);
        const inFrame = await frame.evaluate(tryToEscape, {
          url: probe,
          names: ['origin', 'parent document', 'cookie', 'storage', 'fetch', 'image'],
        });
        assert.deepEqual(inFrame, [
          'origin: null',
          'parent document: blocked (SecurityError)',
          'cookie: blocked (SecurityError)',
          'storage: blocked (SecurityError)',
          'fetch: blocked (TypeError)',
          'image: blocked (Error)',
        ]);
        // The page's own worker (diagram-worker.ts, which draws runs) is the site's; the interpreter's is a blob's.
        const worker = page.workers().find((each) => each.url().startsWith('blob:'))!;
        assert.ok(worker, 'the interpreter runs in a worker');
        const inWorker = await worker.evaluate(tryToEscape, {
          url: probe,
          names: ['origin', 'real fetch', 'xhr', 'importScripts', 'indexedDB'],
        });
        assert.equal(inWorker[0], 'origin: null');
        for (const line of inWorker.slice(1)) assert.match(line, /: blocked \(/, line);
        await page.waitForTimeout(500);
        assert.deepEqual(
          site.requests.slice(before).filter((path) => path.startsWith('/probe')),
          [],
          'no probe reached the server',
        );
        assert.equal(await page.evaluate(() => localStorage.getItem('memlane-secret')), 'page storage');
      },
    );

    it('axe finds nothing serious with the editor open (playground, dark)', async () => {
      const { page } = opened;
      assert.match(await runInPlayground(page, 'mine = [1, 2]\nalso = mine'), /^Ran/);
      assert.deepEqual(await seriousAxeViolations(page, 'main'), []);
    });
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    // The dark playground is the one page above, checked by axe as its last test.
    const where = colorScheme === 'light' ? 'lesson and playground' : 'lesson';
    it(`axe finds nothing serious with the editor open (${where}, ${colorScheme})`, async () => {
      const { page } = await openPage(site.browser, { colorScheme });
      await page.goto(`${site.url}/course/aliasing/`);
      const figure = page.locator('figure.memlane').first();
      await figure.getByRole('button', { name: 'Edit code' }).click();
      await figure.getByRole('textbox', { name: 'Python code' }).waitFor();
      assert.deepEqual(await seriousAxeViolations(page, 'figure.memlane'), []);
      await page.context().close();
      if (colorScheme === 'dark') return;
      const playground = await openPlayground(site, { colorScheme });
      assert.match(await playgroundVerdict(playground.page), /^Ran/);
      assert.deepEqual(await seriousAxeViolations(playground.page, 'main'), []);
      await playground.page.context().close();
    });
  }
});
