// <Mark>: drawn when scrolled into view, hidden from assistive tech, not animated under reduced motion.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { openPage, repoRoot, useBuiltSite } from './site-harness.ts';

const site = useBuiltSite();

async function drawnMark(reducedMotion: 'reduce' | 'no-preference') {
  const { page, errors } = await openPage(site.browser, { reducedMotion, viewport: { width: 1000, height: 700 } });
  await page.goto(`${site.url}/authoring/writing-a-lesson/`);
  const mark = page.locator('.memlane-mark').first();
  assert.equal(
    await page.locator('.memlane-mark + svg.rough-annotation').count(),
    0,
    'nothing is drawn before the words are in view',
  );
  await mark.scrollIntoViewIfNeeded();
  const drawing = page.locator('.memlane-mark + svg.rough-annotation').first();
  await drawing.waitFor({ state: 'attached' });
  const result = await drawing.evaluate((svg) => ({
    hidden: svg.getAttribute('aria-hidden'),
    paths: svg.querySelectorAll('path').length,
    animated: [...svg.querySelectorAll('path')].some((path) => path.style.animation !== ''),
  }));
  assert.deepEqual(errors, []);
  await page.context().close();
  return result;
}

/** Each <Mark>ed phrase of the lessons with the character written right before and after it. */
function markedPhrases(): { page: string; words: string; before: string; after: string }[] {
  const dir = join(repoRoot, 'content/course');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.mdx'))
    .sort()
    .flatMap((file) => {
      const source = readFileSync(join(dir, file), 'utf8');
      return [...source.matchAll(/(.)<Mark\b[^>]*>([^<]+)<\/Mark>(.)/g)].map((m) => ({
        page: `course/${file.replace(/\.mdx$/, '')}/index.html`,
        before: m[1]!,
        words: m[2]!,
        after: m[3]!,
      }));
    });
}

describe('<Mark>', () => {
  it('adds no whitespace around the marked words', () => {
    const phrases = markedPhrases();
    assert.ok(phrases.length >= 5, `${phrases.length} marked phrases in the lessons`);
    const problems: string[] = [];
    for (const { page, words, before, after } of phrases) {
      const html = readFileSync(join(site.dir, page), 'utf8').replace(/<script\b[^>]*><\/script>/g, '');
      // Prose keeps the author's line breaks and indents; compare with any whitespace run as one space
      // (and typographic apostrophes as the author typed them).
      const plain = (text: string) => text.replace(/\s+/g, ' ').replace(/\u2019/g, "'");
      const phrase = plain(words);
      const found = [...html.matchAll(/(.)<span class="memlane-mark"[^>]*>([^<]*)<\/span>(.)/gs)].find(
        (m) => plain(m[2]!) === phrase,
      );
      if (!found) problems.push(`${page}: "${phrase}" is not marked`);
      else if (plain(found[1]!) !== plain(before) || plain(found[3]!) !== plain(after))
        problems.push(`${page}: "${before}<Mark>${phrase}</Mark>${after}" became "${found[1]}…${found[3]}"`);
    }
    assert.deepEqual(problems, []);
  });

  it('draws an underline hidden from assistive tech, animated by default', async () => {
    const drawn = await drawnMark('no-preference');
    assert.equal(drawn.hidden, 'true');
    assert.ok(drawn.paths > 0);
    assert.equal(drawn.animated, true);
  });

  it('redraws when its words reflow without a window resize (a font arriving, a style change)', async () => {
    const { page, errors } = await openPage(site.browser, {
      reducedMotion: 'reduce',
      viewport: { width: 390, height: 800 },
    });
    await page.goto(`${site.url}/course/copies/`);
    const mark = page.locator('.memlane-mark').first();
    await mark.scrollIntoViewIfNeeded();
    await page.locator('.memlane-mark + svg.rough-annotation path').first().waitFor({ state: 'attached' });
    // Larger text in the paragraph moves and wraps the marked words; the window keeps its size.
    await mark.evaluate((el) => {
      (el.closest('p') ?? el.parentElement!).style.fontSize = '3em';
    });
    // Browser code as text: the test runner's transform would add helpers a page does not have.
    const covers = `(() => {
      const el = document.querySelector('.memlane-mark');
      const rects = [...el.getClientRects()];
      const paths = [...el.nextElementSibling.querySelectorAll('path')].map((path) => path.getBoundingClientRect());
      const span = (boxes) => ({
        top: Math.min(...boxes.map((b) => b.top)), bottom: Math.max(...boxes.map((b) => b.bottom)),
        left: Math.min(...boxes.map((b) => b.left)), right: Math.max(...boxes.map((b) => b.right)),
      });
      const words = span(rects);
      const drawing = span(paths);
      return {
        lines: rects.length, lowGap: words.bottom - drawing.bottom,
        leftGap: drawing.left - words.left, rightGap: words.right - drawing.right,
      };
    })()`;
    // Generous: the drawing follows within a frame or two; the wait only absorbs a busy machine.
    await page.waitForFunction(`${covers}.lowGap < 8`, undefined, { timeout: 30_000 }).catch(() => undefined);
    const result = (await page.evaluate(covers)) as {
      lines: number;
      lowGap: number;
      leftGap: number;
      rightGap: number;
    };
    assert.ok(result.lines >= 2, `the marked words wrap onto ${result.lines} lines`);
    assert.ok(
      result.lowGap < 8 && result.leftGap < 8 && result.rightGap < 8,
      `the underline covers the reflowed words: ${JSON.stringify(result)}`,
    );
    assert.deepEqual(errors, []);
    await page.context().close();
  });

  it('draws without animation when the reader prefers reduced motion', async () => {
    const drawn = await drawnMark('reduce');
    assert.ok(drawn.paths > 0);
    assert.equal(drawn.animated, false);
  });
});
