// Live editing on the built site, in Chromium: Edit code -> change -> Run draws the new trace and
// stepping works; the editor takes the code pane's place over the diagram and a run's result comes
// into view with focus kept; the lesson's own code draws the build's picture; errors and endless
// loops; the interpreter loads only on "Edit code", from the site alone, and runs where it cannot
// reach the page.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Locator, Page, Request } from 'playwright-core';
import { openPage, useBuiltSite } from './site-harness.ts';

const site = useBuiltSite();
const lesson = '/course/aliasing/';
/** Generous: the first run starts CPython in the browser (seconds on a busy machine). */
const RUN_WAIT = { timeout: 120_000 };

async function openLesson(): Promise<{ page: Page; errors: string[]; requests: Request[]; figure: Locator }> {
  const { page, errors } = await openPage(site.browser, { viewport: { width: 1280, height: 900 } });
  const requests: Request[] = [];
  page.context().on('request', (request) => requests.push(request));
  await page.goto(`${site.url}${lesson}`);
  const figure = page.locator('figure.memlane').first();
  await figure.getByRole('button', { name: 'Edit code' }).waitFor();
  return { page, errors, requests, figure };
}

/** Presses Run and waits until the run has ended (its status says how). */
async function run(figure: Locator): Promise<string> {
  const status = figure.locator('.memlane-editor-status');
  await status.evaluate((el) => (el.textContent = ''));
  await figure.getByRole('button', { name: 'Run' }).click();
  await status.filter({ hasText: /^(Ran|The run failed)/ }).waitFor(RUN_WAIT);
  return (await status.textContent())!;
}

async function replaceCode(figure: Locator, code: string): Promise<void> {
  const box = figure.getByRole('textbox', { name: 'Python code' });
  await box.click();
  await box.press('Control+a');
  await box.press('Delete');
  await box.pressSequentially(code);
}

const svgOf = (figure: Locator) => figure.locator('svg.memlane-diagram').evaluate((svg) => svg.outerHTML);
const position = (figure: Locator) => figure.locator('.memlane-position').textContent();

describe('live editing', () => {
  it('fetches nothing of the interpreter before the first "Edit code", then only from the site', async () => {
    const { page, requests, figure } = await openLesson();
    await page.waitForLoadState('networkidle');
    assert.deepEqual(
      requests.map((r) => r.url()).filter((url) => url.includes('_memlane') || /pyodide/i.test(url)),
      [],
    );
    await figure.getByRole('button', { name: 'Edit code' }).click();
    await figure.locator('[data-live-action="edit"][aria-expanded="true"]').waitFor();
    assert.match(await run(figure), /^Ran \d+ steps in CPython 3\.14/);
    const fetched = requests.map((r) => r.url()).filter((url) => /^https?:/.test(url));
    assert.ok(
      fetched.some((url) => url.endsWith('/_memlane/live/pyodide.asm.wasm')),
      'the interpreter came from the site',
    );
    assert.deepEqual(
      fetched.filter((url) => !url.startsWith(site.url)),
      [],
      'no request left the site',
    );
    await page.context().close();
  });

  // One lesson page, its editor opened once, serves the next five tests in order (one interpreter
  // start, not five). Each needs only what the one before leaves: the lesson's code (Reset puts it
  // back) for the first three, a program that runs or fails for the last two.
  describe('on one lesson page, its editor open', () => {
    let opened: Awaited<ReturnType<typeof openLesson>>;
    let built: string;
    let builtPosition: string;
    before(async () => {
      opened = await openLesson();
      built = await svgOf(opened.figure);
      builtPosition = (await position(opened.figure))!;
      await opened.figure.getByRole('button', { name: 'Edit code' }).click();
    });
    after(() => opened?.page.context().close());

    it("draws the lesson's own code exactly as the build did", async () => {
      const { figure, errors } = opened;
      assert.match(await run(figure), /^Ran/);
      assert.equal(await svgOf(figure), built, 'same boxes, positions and text');
      assert.deepEqual(errors, []);
    });

    it('Run draws the edited code; stepping, notes and Reset work on it', async () => {
      const { figure, errors } = opened;
      const box = figure.getByRole('textbox', { name: 'Python code' });
      await box.press('Control+End');
      await box.pressSequentially('\nextra = [shopping, 7]');
      const total = Number(/of (\d+)/.exec(builtPosition)![1]);
      assert.match(await run(figure), new RegExp(`^Ran ${total + 1} steps`));
      assert.equal(await position(figure), `Step ${total + 1} of ${total + 1}`);
      const names = await figure.locator('svg.memlane-diagram text').allTextContents();
      assert.ok(names.includes('extra'), `the new name is drawn: ${names.join(' ')}`);
      await figure.getByRole('button', { name: 'First step' }).click();
      assert.equal(await position(figure), `Step 1 of ${total + 1}`);
      await figure.locator('.memlane-stage').press('End');
      assert.equal(await position(figure), `Step ${total + 1} of ${total + 1}`);
      await figure.getByRole('button', { name: 'Reset' }).click();
      assert.equal(await svgOf(figure), built);
      assert.equal(await box.textContent().then((t) => t!.includes('extra')), false);
      assert.deepEqual(errors, []);
    });

    it('a note stays with its line when lines are added above it', async () => {
      const { figure } = opened;
      const notesOf = async () =>
        JSON.parse((await figure.locator('memlane-diagram').getAttribute('data-notes'))!) as Record<string, string>;
      const notes = await notesOf();
      const [line, note] = Object.entries(notes)[0]!;
      const box = figure.getByRole('textbox', { name: 'Python code' });
      await box.press('Control+Home');
      await box.pressSequentially('first = 0\n');
      await run(figure);
      const moved = await notesOf();
      assert.deepEqual(moved, {
        ...Object.fromEntries(Object.entries(notes).map(([l, n]) => [String(Number(l) + 1), n])),
      });
      assert.equal(moved[String(Number(line) + 1)], note);
    });

    it(
      'an error shows the Python error, ' + 'its line and a caret in role="alert", and keeps the last good diagram',
      async () => {
        const { figure } = opened;
        await run(figure);
        const good = await svgOf(figure);
        await replaceCode(figure, 'items = [1, 2]\nprint(item)');
        assert.match(await run(figure), /^The run failed/);
        const alert = (await figure.getByRole('alert').textContent())!;
        assert.match(alert, /^Line 2: NameError: name 'item' is not defined\. Did you mean `items`\?\n/);
        // Python points at the name `item`, columns 7 to 10.
        assert.match(alert, /\n {2}2 \| print\(item\)\n {12}\^{4}$/);
        assert.equal(await svgOf(figure), good);
        await replaceCode(figure, 'def f(x)\n');
        await run(figure);
        // CPython's offsets: the caret is where the `:` is missing, not under the whole line.
        assert.match(
          (await figure.getByRole('alert').textContent())!,
          /^Line 1: SyntaxError: expected ':'\n {2}1 \| def f\(x\)\n {14}\^$/,
        );
      },
    );

    it('an endless loop is stopped by a limit, the page stays responsive, and the next run works', async () => {
      const { figure } = opened;
      await replaceCode(figure, 'n = 0\nwhile True:\n    n += 1');
      await run(figure);
      const stopped = (await figure.getByRole('alert').textContent())!;
      assert.match(stopped, /This run took more than 1,000 steps: shorten the loop or run fewer iterations\./);
      assert.doesNotMatch(
        stopped,
        /max-steps|--max|maxMemoryMb|StepLimitError/,
        'a reader is not told of options they cannot set',
      );
      // Code in C that never checks for interrupts: the worker is ended and a new one started.
      await replaceCode(figure, 'import itertools\ntotal = sum(itertools.count())');
      await figure.getByRole('button', { name: 'Run' }).click();
      await figure
        .locator('.memlane-editor-status')
        .filter({ hasText: /^Running/ })
        .waitFor();
      // While the worker spins, the page still steps the diagram.
      await figure.getByRole('button', { name: 'First step' }).click();
      assert.equal(await position(figure).then((p) => p!.startsWith('Step 1 of')), true);
      assert.equal(
        await figure
          .locator('.memlane-editor-status')
          .textContent()
          .then((s) => s!.startsWith('Running')),
        true,
        'the run was still going',
      );
      await figure
        .locator('.memlane-editor-status')
        .filter({ hasText: /^The run failed/ })
        .waitFor(RUN_WAIT);
      assert.match(
        (await figure.getByRole('alert').textContent())!,
        /This run took longer than 10 seconds: make it finish sooner/,
      );
      await replaceCode(figure, 'after = [1]');
      assert.match(await run(figure), /^Ran/);
    });
  });

  it(
    "the editor stands in for the code pane, over the diagram; after a run the diagram's top is in view, " +
      'focus stays in the editor and the status says what ran',
    async () => {
      const { page, errors } = await openPage(site.browser, { viewport: { width: 390, height: 844 } });
      await page.goto(`${site.url}/course/frames-and-the-call-stack/`);
      const figure = page.locator('#nested');
      await figure.getByRole('button', { name: 'Edit code' }).click();
      const box = figure.getByRole('textbox', { name: 'Python code' });
      await box.waitFor();
      // The code shows once: in the editor, which sits above the step controls and the drawing.
      assert.equal(await figure.locator('.memlane-code').isVisible(), false);
      assert.equal(
        await figure
          .locator('.cm-line, .memlane-code .line')
          .filter({ hasText: 'def area' })
          .filter({ visible: true })
          .count(),
        1,
      );
      const [editorBox, diagramBox] = await Promise.all([
        figure.locator('.memlane-editor').boundingBox(),
        figure.locator('memlane-diagram').boundingBox(),
      ]);
      assert.ok(editorBox!.y + editorBox!.height <= diagramBox!.y + 1, 'the editor is above the diagram');
      // The editor marks the line of the shown step, as the code pane did.
      const markedLine = () =>
        figure
          .locator('.cm-line')
          .evaluateAll((lines) => lines.findIndex((l) => l.classList.contains('memlane-editor-current')) + 1);
      const paneLine = () => figure.locator('.memlane-code .line.is-current').getAttribute('data-line').then(Number);
      assert.equal(await markedLine(), await paneLine());
      await box.press('Control+End');
      await box.pressSequentially('\nextra = [1, 2]');
      // Scrolled down past the diagram's top, then run from the keyboard.
      await figure.evaluate((el) => window.scrollTo(0, el.getBoundingClientRect().bottom + window.scrollY - 200));
      assert.ok(await figure.locator('memlane-diagram').evaluate((el) => el.getBoundingClientRect().top < 0));
      const status = figure.getByRole('status').filter({ hasText: /^Ran/ });
      await box.press('Control+Enter');
      await status.waitFor(RUN_WAIT);
      assert.match(
        (await status.textContent())!,
        /^Ran 14 steps in CPython 3\.14[.\d]*; the diagram shows step 8 of 14\.$/,
      );
      await page.waitForFunction(
        () => {
          const top = document.querySelector('#nested memlane-diagram')!.getBoundingClientRect().top;
          return top >= 0 && top < innerHeight / 2;
        },
        undefined,
        { timeout: 10_000 },
      );
      assert.equal(
        await page.evaluate(() => document.activeElement?.closest('.cm-editor') !== null),
        true,
        'focus stays in the editor',
      );
      assert.equal(await status.isVisible(), true);
      await figure.getByRole('button', { name: 'Next step' }).click();
      assert.equal(await markedLine(), await paneLine());
      // Closed again, the code pane shows the code that ran.
      await figure.getByRole('button', { name: 'Edit code' }).click();
      assert.match(await figure.locator('.memlane-code').innerText(), /extra = \[1, 2\]/);
      assert.deepEqual(errors, []);
      await page.context().close();
    },
  );
});
