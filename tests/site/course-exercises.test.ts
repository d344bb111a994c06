// The course as built: the start page and 18 lessons, each lesson with at least one exercise on a
// diagram, and both kinds of question (where a name points, what a line prints) in use.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { builtSite, sitePages } from './site-harness.ts';

let dir = '';
before(async () => {
  dir = await builtSite();
});

const coursePages = () => sitePages(dir).filter((url) => url.startsWith('/course/') && url !== '/course/');
const html = (url: string) => readFileSync(join(dir, url, 'index.html'), 'utf8');
/** The kinds of the page's exercises, in order ("pointer", "output"). */
const exerciseKinds = (url: string) => [...html(url).matchAll(/<section class="memlane-exercise"[^>]*\bdata-exercise="(\w+)"/g)].map((m) => m[1]!);

describe('the course', () => {
  it('has the start page and 18 lessons', () => {
    const pages = coursePages();
    assert.ok(pages.includes('/course/start-here/'), `no start page among ${pages.join(', ')}`);
    assert.equal(pages.filter((url) => url !== '/course/start-here/').length, 18, pages.join(', '));
  });

  it('asks at least one question on a diagram in every lesson', () => {
    const without = coursePages().filter((url) => exerciseKinds(url).length === 0);
    assert.deepEqual(without, []);
  });

  it('asks both where names point and what lines print', () => {
    const kinds = new Set(coursePages().flatMap(exerciseKinds));
    assert.deepEqual([...kinds].sort(), ['output', 'pointer']);
  });

  it('gives every question its answer without JavaScript', () => {
    for (const url of coursePages()) {
      const page = html(url);
      const questions = (page.match(/class="memlane-exercise-question"/g) ?? []).length;
      const answers = (page.match(/<details class="memlane-exercise-details"><summary>Answer<\/summary><p>[^<]/g) ?? []).length;
      assert.equal(answers, questions, `${url}: ${questions} questions, ${answers} answers`);
    }
  });
});
