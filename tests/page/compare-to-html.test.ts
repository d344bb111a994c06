// A comparison traced by CPython becomes one figure: one toolbar counting moments, one picture per
// side named by its label, the island's data, the shown moment complete without JavaScript, and the
// same bytes on every run.
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { codeToCompare } from '../../src/compare/index.ts';
import { islandMarks } from '../../src/page/compare-to-html.ts';
import { defaultDiagramOptions, fenceSpelling, type DiagramOptions } from '../../src/core/index.ts';
import { codeToHtml } from '../../src/highlight/code-to-html.ts';
import { closeSimulator, processSimulator } from '../../src/node/simulator-handle.ts';
import { compareToHtml } from '../../src/page/compare-to-html.ts';

const boards = [
  '# @side [row] * 3',
  'board = [["."] * 3] * 3',
  'board[1][1] = "X"',
  '# @side comprehension',
  'board = [["."] * 3 for _ in range(3)]',
  'board[1][1] = "X"',
].join('\n');
/** Three sides, one with a label that needs escaping in HTML. */
const three = ['# @side a', 'x = [1]', 'y = x', '# @side b', 'x = [1]', 'y = [1]', '# @side <a & "b">', 'x = [1]'].join(
  '\n',
);

/** The comparison and the page's HTML for a fence body, as the page pipeline makes them. */
async function figureOf(written: string, fence: Partial<DiagramOptions> = {}) {
  const options = { ...defaultDiagramOptions, id: 'board-pair', ...fence };
  const outcome = await codeToCompare({
    written,
    options,
    spelling: fenceSpelling,
    simulator: await processSimulator(),
    renderDefaults: { idPrefix: options.id! },
    htmlLegend: true,
  });
  assert.ok(outcome.ok, `the comparison should be made: ${outcome.ok ? '' : JSON.stringify(outcome.problems)}`);
  const { comparison } = outcome;
  const codeHtml = comparison.sides.map(({ diagram: { trace, shownStep, snippet } }) =>
    codeToHtml(snippet.code, { current: trace.steps[shownStep - 1]!.line, next: trace.steps[shownStep]?.line }),
  );
  return { comparison, html: compareToHtml({ comparison, written, options, id: options.id!, codeHtml }) };
}

const count = (html: string, pattern: RegExp) => html.match(pattern)?.length ?? 0;
/** The value of attribute `name` on the first tag that matches `tag`, HTML entities of JSON decoded. */
function attribute(html: string, tag: RegExp, name: string): string {
  const opening = html.match(tag)?.[0];
  assert.ok(opening, `a tag matching ${tag}`);
  const value = new RegExp(`\\s${name}="([^"]*)"`).exec(opening)?.[1];
  assert.ok(value !== undefined, `${name} on ${opening.slice(0, 80)}`);
  return value.replaceAll('&quot;', '"').replaceAll('&gt;', '>').replaceAll('&lt;', '<').replaceAll('&amp;', '&');
}
/** Each side's `<svg class="memlane-diagram">`, whole. */
const sideSvgs = (html: string) => html.match(/<svg\b[^>]*class="memlane-diagram"[\s\S]*?<\/svg>/g) ?? [];

describe('compareToHtml with CPython', () => {
  after(() => closeSimulator());

  it('makes one figure with one toolbar counting moments, and one picture per side named by its label', async () => {
    const { comparison, html } = await figureOf(boards, { title: 'One row three times, or three rows' });
    assert.match(html, /^<figure class="memlane memlane-compare not-content" id="board-pair" data-compare /);
    assert.equal(count(html, /<figure\b/g), 1);
    assert.equal(count(html, /role="toolbar"/g), 1);
    const total = comparison.moments.length;
    assert.equal(count(html, new RegExp(`<span class="memlane-position">Step ${total} of ${total}</span>`, 'g')), 1);
    const svgs = sideSvgs(html);
    assert.equal(svgs.length, 2);
    for (const [s, side] of comparison.sides.entries()) {
      assert.equal(
        attribute(html, new RegExp(`<section class="memlane-side" data-side="${s}"[^>]*>`), 'aria-label'),
        side.label,
      );
      const titleId: string = attribute(svgs[s]!, /<svg\b[^>]*>/, 'aria-labelledby').split(' ')[0]!;
      assert.equal(new RegExp(`<title id="${titleId}">([^<]*)</title>`).exec(svgs[s]!)?.[1], side.label);
    }
    const ids = [...html.matchAll(/\sid="([^"]*)"/g)].map((m) => m[1]!);
    assert.deepEqual(
      ids.filter((id, i) => ids.indexOf(id) !== i),
      [],
      'no id twice on the page',
    );
  });

  it("gives the island every moment's steps, marks and sentence", async () => {
    const { comparison, html } = await figureOf(boards);
    const island = /<memlane-diagram\b[^>]*>/;
    assert.equal(attribute(html, island, 'data-total'), String(comparison.moments.length));
    assert.equal(attribute(html, island, 'data-step'), String(comparison.shownMoment));
    assert.deepEqual(
      JSON.parse(attribute(html, island, 'data-moments')),
      comparison.moments.map((moment) => moment.steps),
    );
    assert.deepEqual(JSON.parse(attribute(html, island, 'data-marks')), islandMarks(comparison));
    assert.deepEqual(
      JSON.parse(attribute(html, island, 'data-sentences')),
      comparison.moments.map((moment) => moment.sentence),
    );
    // Marks as the island reads them: object ids and `from>to` arrows, side by side.
    const last = comparison.moments.at(-1)!;
    assert.deepEqual(
      islandMarks(comparison).at(-1),
      last.marks.map((marks) => [...marks.objects, ...marks.arrows].join(' ')),
    );
    assert.ok(islandMarks(comparison)[0]!.every((marks) => marks === ''));
  });

  it('shows the shown moment without JavaScript: each side at its step, its marks and the sentence', async () => {
    const shownAt = async (step: DiagramOptions['step']) => {
      const { comparison, html } = await figureOf(boards, { step });
      const moment = comparison.moments[comparison.shownMoment - 1]!;
      const svgs = sideSvgs(html);
      for (const [s, svg] of svgs.entries()) {
        assert.equal(attribute(svg, /<svg\b[^>]*>/, 'data-shown-step'), String(moment.steps[s]));
        const marked = (svg.match(/<g\b[^>]*data-differs="true"[^>]*>/g) ?? []).length;
        assert.equal(marked > 0, moment.marks[s]!.objects.length > 0, `side ${s} marked as its moment says`);
      }
      const sentence = /<p class="memlane-differs">(.*?)<\/p>/.exec(html)![1];
      return { comparison, sentence, html };
    };
    const first = await shownAt('first');
    assert.equal(first.comparison.shownMoment, 1);
    assert.equal(first.sentence, '');
    assert.doesNotMatch(first.html, /data-differs/);
    const last = await shownAt('last');
    assert.equal(last.comparison.shownMoment, last.comparison.moments.length);
    assert.equal(
      last.sentence,
      '<code>board[0]</code>, <code>board[1]</code> and <code>board[2]</code> are one object on the [row] * 3 side, ' +
        'three on the comprehension side.',
    );
  });

  it('escapes side labels, and draws three sides', async () => {
    const { comparison, html } = await figureOf(three);
    assert.equal(sideSvgs(html).length, 3);
    assert.equal(comparison.sides[2]!.label, '<a & "b">');
    assert.match(html, /aria-label="&lt;a &amp; &quot;b&quot;&gt;"/);
    assert.match(html, /<p class="memlane-side-label">&lt;a &amp; &quot;b&quot;&gt;<\/p>/);
    assert.doesNotMatch(html, /<a & "b">/);
    // Without a title, the toolbar is named by the labels, listed as in a sentence.
    assert.match(html, /role="toolbar" aria-label="Steps of Compare a, b and &lt;a &amp; &quot;b&quot;&gt;"/);
  });

  it('gives the same bytes on two runs', async () => {
    const once = await figureOf(boards, { title: 'Rows' });
    const again = await figureOf(boards, { title: 'Rows' });
    assert.equal(again.html, once.html);
    assert.deepEqual(
      again.comparison.sides.map((side) => side.diagram.svg),
      once.comparison.sides.map((side) => side.diagram.svg),
    );
    const [a, b] = [await figureOf(three), await figureOf(three)];
    assert.equal(b.html, a.html);
  });
});
