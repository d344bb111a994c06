// Walks every page of the built site at phone width: each content file is a page, each diagram
// in its source is on it, nothing overflows sideways, nothing logs an error.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { contentFiles, openPage, sitePages, urlOf, useBuiltSite } from './site-harness.ts';

const site = useBuiltSite();

/** Diagrams written in a page: ```python memory fences and <MemoryDiagram> elements outside other fences. */
export function countDiagrams(source: string): number {
  let count = 0;
  let fence: string | null = null;
  for (const line of source.split(/\r?\n/)) {
    const opener = /^\s*(`{3,}|~{3,})(.*)$/.exec(line);
    if (fence) {
      if (opener && opener[1]!.startsWith(fence) && opener[2]!.trim() === '') fence = null;
      continue;
    }
    if (opener) {
      fence = opener[1]!;
      if (/^python\s+memory(\s|$)/.test(opener[2]!.trim())) count += 1;
      continue;
    }
    // <Playground /> draws one diagram, its first example's.
    if (/^\s*<(MemoryDiagram|Playground)\b/.test(line)) count += 1;
  }
  return count;
}

describe('every page of the site', () => {
  it('has one page per content file', () => {
    const pages = new Set(sitePages(site.dir));
    const missing = contentFiles()
      .map(urlOf)
      .filter((url) => !pages.has(url));
    assert.deepEqual(missing, []);
  });

  it('lists every lesson, authoring and reference page in the sidebar', async () => {
    const { page } = await openPage(site.browser);
    await page.goto(`${site.url}/authoring/writing-a-lesson/`);
    const links = new Set(
      await page
        .locator('nav[aria-label="Main"] a')
        .evaluateAll((anchors) => anchors.map((a) => new URL((a as HTMLAnchorElement).href).pathname)),
    );
    const missing = contentFiles()
      .map(urlOf)
      .filter((url) => url !== '/' && !links.has(url));
    assert.deepEqual(missing, []);
    await page.context().close();
  });

  it(
    'shows every diagram with tidy ids and focusable scrolling panes, fits a 390 px phone screen and logs ' +
      'no errors',
    async () => {
      const { page, errors } = await openPage(site.browser, {
        viewport: { width: 390, height: 844 },
        deviceScaleFactor: 1,
      });
      const problems: string[] = [];
      let diagrams = 0;
      for (const file of contentFiles()) {
        const url = urlOf(file);
        const expected = countDiagrams(readFileSync(file, 'utf8'));
        errors.length = 0;
        await page.goto(`${site.url}${url}`, { waitUntil: 'load' });
        const found = await page.evaluate(() => ({
          diagrams: [...document.querySelectorAll('figure.memlane')].filter((f) =>
            f.querySelector('svg.memlane-diagram [data-frame-id]'),
          ).length,
          overflow: document.documentElement.scrollWidth - window.innerWidth,
          // Ids inside diagrams are the figure's id, one dash, a part name; each names one element.
          badIds: [...document.querySelectorAll('figure.memlane')]
            .flatMap((figure) => [figure, ...figure.querySelectorAll('[id]')])
            .map((el) => el.id)
            .filter((id) => id.includes('--') || document.querySelectorAll(`[id="${id}"]`).length !== 1),
          // A comparison's side s draws under the prefix `id-sN` (N = s + 1).
          badLabels: [...document.querySelectorAll('figure.memlane svg.memlane-diagram')]
            .filter((svg) => {
              const side = svg.closest<HTMLElement>('.memlane-side')?.dataset.side;
              const prefix = `${svg.closest('figure')!.id}${side === undefined ? '' : `-s${Number(side) + 1}`}`;
              return (
                svg.getAttribute('aria-labelledby') !== `${prefix}-title ${prefix}-desc` ||
                !(svg.getAttribute('aria-labelledby') ?? '')
                  .split(' ')
                  .every((id) => document.getElementById(id)?.closest('svg') === svg)
              );
            })
            .map((svg) => svg.closest('figure')!.id),
          // Panes that scroll sideways must take keyboard focus.
          unreachable: [
            ...document.querySelectorAll<HTMLElement>('figure.memlane .memlane-code, figure.memlane .memlane-stage'),
          ]
            .filter((pane) => pane.scrollWidth > pane.clientWidth && pane.tabIndex < 0)
            .map((pane) => `${pane.closest('figure')!.id} ${pane.className}`),
        }));
        if (found.badIds.length) problems.push(`${url}: untidy or repeated ids ${found.badIds.join(', ')}`);
        if (found.badLabels.length)
          problems.push(`${url}: diagrams not labelled by their own title and desc: ${found.badLabels.join(', ')}`);
        if (found.unreachable.length)
          problems.push(`${url}: scrolling panes without keyboard focus: ${found.unreachable.join(', ')}`);
        diagrams += found.diagrams;
        if (found.diagrams !== expected)
          problems.push(`${url}: ${found.diagrams} diagrams, the source has ${expected}`);
        if (found.overflow > 0) problems.push(`${url}: ${found.overflow}px of horizontal overflow at 390px`);
        if (errors.length) problems.push(`${url}: console errors: ${errors.join(' | ')}`);
      }
      assert.deepEqual(problems, []);
      assert.ok(diagrams > 10, `${diagrams} diagrams on the site`);
      await page.context().close();
    },
  );
});
