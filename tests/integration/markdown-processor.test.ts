// memlane()'s plugins in the site's Markdown processor: Sätteri (Astro 7's default) run for real on
// .md and .mdx text, a unified processor's lists, Astro 5's markdown.remarkPlugins, and a clear
// error for a processor that takes neither.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, describe, it } from 'node:test';
import { satteri } from '@astrojs/markdown-satteri';
import { markdownToHtml, mdxToJs } from 'satteri';
import { attachToMarkdown } from '../../src/integration/markdown-processor.ts';
import { remarkMemory } from '../../src/integration/remark-memory.ts';
import { copiesMdx, pagesFolder, settings } from './pipeline-fixture.ts';
import { takeProblems } from '../../src/integration/snippet-problems.ts';

const { root, write } = pagesFolder('memlane-processor-');

/** A page on disk (errors read it to count the lines before what the processor parsed). */
function page(name: string, text: string): { url: URL; text: string } {
  return { url: pathToFileURL(write(name, text)), text };
}

function satteriPlugins() {
  const processor = satteri();
  assert.equal(attachToMarkdown({ processor }, { settings, root }), undefined, 'nothing left for updateConfig');
  return { mdastPlugins: processor.options.mdastPlugins, hastPlugins: processor.options.hastPlugins };
}

describe("memlane() in the site's Markdown processor", () => {
  it(
    'Sätteri, .md: each memory fence becomes its diagram, in page order; other code and tables as before, ' +
      'tables focusable',
    async () => {
      const { url, text } = page(
        'names.md',
        [
          '# Names',
          '',
          '```python memory',
          'a = [1]',
          '```',
          '',
          '```python',
          'plain = 1',
          '```',
          '',
          '| x | y |',
          '| - | - |',
          '| 1 | 2 |',
          '',
          '```python memory title="Second"',
          'b = (1, 2)',
          '```',
          '',
        ].join('\n'),
      );
      const { html } = await markdownToHtml(text, { ...satteriPlugins(), fileURL: url });
      assert.deepEqual(
        [...html.matchAll(/<figure[^>]* id="([^"]+)"/g)].map((m) => m[1]),
        ['diagram-1', 'diagram-2'],
      );
      assert.equal(html.match(/<svg[^>]*class="memlane-diagram/g)?.length, 2);
      assert.match(html, /<code[^>]*class="language-python"[^>]*>plain = 1/);
      assert.match(html, /<table tabindex="0">/);
    },
  );

  it(
    'Sätteri, .mdx: the diagram goes in through set:html, braces and all; <MemoryDiagram> gets its page and ' +
      'the line of its code prop',
    async () => {
      const { url, text } = page('copies.mdx', copiesMdx.join('\n'));
      const { code } = await mdxToJs(text, { ...satteriPlugins(), fileURL: url });
      assert.match(code, /"set:html": "<figure/);
      assert.match(code, /class: "memlane-block"/);
      assert.match(code, /sourceFile: "copies\.mdx",\s*sourceLine: "13"/);
    },
  );

  it(
    'Sätteri: a failing snippet is shown in its place, naming the page and the line on disk, and recorded ' +
      'for the build to stop on',
    async () => {
      takeProblems();
      const { url, text } = page(
        'broken.md',
        [
          '---',
          'title: Broken',
          '---',
          '',
          '```python memory',
          'x = 1',
          'y = x / 0',
          '```',
          '',
          '```python memory',
          'z = [1]',
          '```',
          '',
        ].join('\n'),
      );
      const { html } = await markdownToHtml(text, { ...satteriPlugins(), fileURL: url });
      const block = /<aside class="memlane-problem".*?<\/aside>/s.exec(html)?.[0] ?? '(no problem block)';
      assert.match(
        block,
        new RegExp(
          String.raw`<p[^>]*>This diagram could not be drawn[^<]*<\/p><pre>broken\.md:7: the Python snippet failed: ` +
            String.raw`ZeroDivisionError: division by zero\n {2}7 \| y = x \/ 0\n {10}\^{5}\nhint: `,
        ),
      );
      assert.equal(html.match(/<svg[^>]*class="memlane-diagram/g)?.length, 1, 'the next fence is still drawn');
      const problems = takeProblems();
      assert.deepEqual(
        problems.map((p) => [p.loc.file, p.loc.line]),
        [['broken.md', 7]],
      );
    },
  );

  it(
    'a unified processor takes the remark and rehype plugins; without a processor (Astro 5) they go to ' +
      "markdown's own lists",
    () => {
      const options = { remarkPlugins: [] as unknown[], rehypePlugins: [] as unknown[] };
      assert.equal(attachToMarkdown({ processor: { name: 'unified', options } }, { settings, root }), undefined);
      assert.equal((options.remarkPlugins[0] as unknown[])[0], remarkMemory);
      assert.equal(options.rehypePlugins.length, 1);
      const legacy = attachToMarkdown({}, { settings, root }) as {
        remarkPlugins: unknown[][];
        rehypePlugins: unknown[];
      };
      assert.equal(legacy.remarkPlugins[0]![0], remarkMemory);
      assert.equal(legacy.rehypePlugins.length, 1);
    },
  );

  it('a processor that takes neither is refused in one line, with the processors to use', () => {
    assert.throws(
      () => attachToMarkdown({ processor: { name: 'marked', options: {} } }, { settings, root }),
      (error: Error) => {
        assert.match(
          error.message,
          /^memlane\(\): the site's markdown\.processor \("marked"\) takes neither Sätteri nor unified plugins/,
        );
        assert.match(error.message, /\nhint: .*satteri\(\).*unified\(\) from @astrojs\/markdown-remark/);
        return true;
      },
    );
  });
});
