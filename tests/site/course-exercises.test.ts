// The course as built: the start page and 19 lessons, each lesson with at least one exercise on a
// diagram, every kind of question (where a name points, what a line prints, what a line frees) in
// use, every diagram with questions opening before its first one (with and without JavaScript), and
// an answer marked on an object whose look changes over the run, in view at phone width.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { openPage, sitePages, useBuiltSite } from './site-harness.ts';

const site = useBuiltSite();

const coursePages = () => sitePages(site.dir).filter((url) => url.startsWith('/course/') && url !== '/course/');
const html = (url: string) => readFileSync(join(site.dir, url, 'index.html'), 'utf8');
/** The kinds of the page's exercises, in order ("pointer", "output"). */
const exerciseKinds = (url: string) =>
  [...html(url).matchAll(/<section class="memlane-exercise"[^>]*\bdata-exercise="(\w+)"/g)].map((m) => m[1]!);

/**
 * Every diagram with questions in the course and the authoring pages: the step it opens at and its first question's
 * step.
 */
function askingDiagrams(): { url: string; id: string; shown: number; before: number }[] {
  const pages = sitePages(site.dir).filter((url) => url.startsWith('/course/') || url.startsWith('/authoring/'));
  return pages.flatMap((url) =>
    html(url)
      .split('<figure class="memlane ')
      .slice(1)
      .flatMap((figure) => {
        const befores = [...figure.matchAll(/<section class="memlane-exercise"[^>]*\bdata-before="(\d+)"/g)].map((m) =>
          Number(m[1]),
        );
        if (befores.length === 0) return [];
        const id = /^[^>]*\bid="([^"]+)"/.exec(figure)![1]!;
        const shown = Number(/<memlane-diagram [^>]*\bdata-step="(\d+)"/.exec(figure)![1]);
        return [{ url, id, shown, before: Math.min(...befores) }];
      }),
  );
}

describe('the course', () => {
  it('has the start page and 19 lessons', () => {
    const pages = coursePages();
    assert.ok(pages.includes('/course/start-here/'), `no start page among ${pages.join(', ')}`);
    assert.equal(pages.filter((url) => url !== '/course/start-here/').length, 19, pages.join(', '));
  });

  it('asks at least one question on a diagram in every lesson', () => {
    const without = coursePages().filter((url) => exerciseKinds(url).length === 0);
    assert.deepEqual(without, []);
  });

  it('asks where names point, what lines print and what lines free', () => {
    const kinds = new Set(coursePages().flatMap(exerciseKinds));
    assert.deepEqual([...kinds].sort(), ['freed', 'output', 'pointer']);
  });

  it('opens every diagram with questions before its first one, without JavaScript', () => {
    const asking = askingDiagrams();
    assert.ok(asking.length >= 19, `only ${asking.length} diagrams with questions`);
    const early = asking
      .filter(({ shown, before }) => shown > before)
      .map(({ url, id, shown, before }) => `${url}#${id}: opens at ${shown}, question at ${before}`);
    assert.deepEqual(early, []);
  });

  it('opens every diagram with questions before its first one, with JavaScript', async () => {
    const byPage = new Map<string, ReturnType<typeof askingDiagrams>>();
    for (const diagram of askingDiagrams()) byPage.set(diagram.url, [...(byPage.get(diagram.url) ?? []), diagram]);
    const late: string[] = [];
    // One tab goes from page to page, as a reader does: each load starts every island afresh.
    const { page, errors } = await openPage(site.browser);
    for (const [url, diagrams] of byPage) {
      await page.goto(`${site.url}${url}`);
      for (const { id, before } of diagrams) {
        // The island has taken over once the controls of the diagram's questions are shown.
        await page.locator(`#${id} .memlane-exercise-controls`).first().waitFor({ state: 'visible' });
        const shown = Number(
          /Step (\d+) of/.exec((await page.locator(`#${id} .memlane-position`).textContent()) ?? '')?.[1],
        );
        const printed =
          (await page
            .locator(`#${id} .memlane-output-text`)
            .textContent()
            .catch(() => '')) ?? '';
        if (!(shown <= before)) late.push(`${url}#${id}: step ${shown}, question at ${before}`);
        for (const answer of await page
          .locator(`#${id} [data-exercise="output"]`)
          .evaluateAll((els) => els.map((el) => el.getAttribute('data-answer')!))) {
          if (printed.includes(answer))
            late.push(`${url}#${id}: the Output panel already shows ${JSON.stringify(answer)}`);
        }
      }
      assert.deepEqual(errors, [], url);
    }
    await page.context().close();
    assert.deepEqual(late, []);
  });

  it('gives every question its answer without JavaScript', () => {
    for (const url of coursePages()) {
      const page = html(url);
      const questions = (page.match(/class="memlane-exercise-question"/g) ?? []).length;
      const answers = (
        page.match(/<details class="memlane-exercise-details"><summary>Answer<\/summary><p>(?!<\/p>)/g) ?? []
      ).length;
      assert.equal(answers, questions, `${url}: ${questions} questions, ${answers} answers`);
    }
  });

  it(
    "marks the answer's box, even when the object looks different " + 'at other steps, and scrolls it into view',
    async () => {
      const { page, errors } = await openPage(site.browser, { viewport: { width: 390, height: 800 } });
      await page.goto(`${site.url}/course/classes-and-instances/`);
      const exercise = page.locator('[data-exercise]:has([id^="shared-songs-exercise"])');
      const answer = (await exercise.getAttribute('data-answer'))!;
      await exercise.getByRole('button', { name: 'Try it' }).click();
      const stage = page.locator('#shared-songs .memlane-stage');
      // Scroll the narrow stage to whichever end leaves part of the answer's box out of view.
      const hidden = await page
        .locator(`#shared-songs [data-object-id="${answer}"]`)
        .first()
        .evaluate(
          (g, el) => {
            const stageEl = el as HTMLElement;
            for (const left of [0, stageEl.scrollWidth]) {
              stageEl.scrollLeft = left;
              const [box, view] = [g.getBoundingClientRect(), stageEl.getBoundingClientRect()];
              if (box.left < view.left - 1 || box.right > view.right + 1) return true;
            }
            return false;
          },
          await stage.elementHandle(),
        );
      assert.ok(hidden, "at 390 px part of the answer's box can be scrolled out of view");
      await exercise.getByRole('button', { name: 'Show answer' }).click();
      const marked = page.locator(`[data-object-id="${answer}"].is-answer`).first();
      const width = await marked.evaluate((g) => {
        const body = [...g.querySelectorAll('rect')].find((r) => !r.closest('[display="none"]'))!;
        return getComputedStyle(body).strokeWidth;
      });
      assert.equal(width, '4px');
      const [box, view] = await Promise.all([marked.boundingBox(), stage.boundingBox()]);
      assert.ok(
        box!.x >= view!.x - 1 && box!.x + box!.width <= view!.x + view!.width + 1,
        `answer at ${box!.x}..${box!.x + box!.width}, stage ${view!.x}..${view!.x + view!.width}`,
      );
      assert.deepEqual(errors, []);
      await page.context().close();
    },
  );
});
