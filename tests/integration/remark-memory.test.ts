// The remark plugin on its own, with remark().use() and real CPython: a memory fence becomes its diagram's
// HTML, options reach the figure, other code is left alone, and a failing fence is shown in its place
// naming the page's line on disk (front matter counted even when the processor is handed the body only).
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import rehypeStringify from 'rehype-stringify';
import { remark } from 'remark';
import remarkMdx from 'remark-mdx';
import remarkRehype from 'remark-rehype';
import { remarkMemory } from '../../src/integration/remark-memory.ts';
import { takeProblems } from '../../src/integration/snippet-problems.ts';
import { copiesMdx, pagesFolder, settings } from './pipeline-fixture.ts';

const { root, write } = pagesFolder('memlane-remark-');

/** What remark's process() takes for a file: its path and the text to parse. */
type PageFile = { path: string; value: string };

/** The page written to disk under `name` (errors count its lines), parsed from `parsed` (default: all of it). */
function pageFile(name: string, lines: string[], parsed?: string): PageFile {
  const text = lines.join('\n');
  return { path: write(name, text), value: parsed ?? text };
}

/** Markdown to HTML, the plugin between remark-parse and rehype, raw HTML kept as Astro keeps it. */
async function markdownToHtml(file: PageFile, pluginSettings = settings): Promise<string> {
  const processor = remark()
    .use(remarkMemory, { settings: pluginSettings, root })
    .use(remarkRehype, { allowDangerousHtml: true })
    .use(rehypeStringify, { allowDangerousHtml: true });
  return String(await processor.process(file));
}

const figureIds = (html: string): string[] =>
  [...html.matchAll(/<figure class="memlane[^"]*" id="([^"]+)"/g)].map((m) => m[1]!);
const problemText = (html: string): string =>
  /<aside class="memlane-problem".*?<pre>(.*?)<\/pre><\/aside>/s.exec(html)?.[1] ?? '(none)';

describe('remarkMemory', () => {
  it(
    'turns each memory fence into its diagram, ' + 'numbered in page order, and leaves other code blocks alone',
    async () => {
      const html = await markdownToHtml(
        pageFile('two.md', [
          '# Two',
          '',
          '```python memory',
          'a = [1]',
          'b = a',
          '```',
          '',
          '```python',
          'plain = 1',
          '```',
          '',
          '```python memory',
          'c = (1, 2)',
          '```',
          '',
        ]),
      );
      assert.deepEqual(figureIds(html), ['diagram-1', 'diagram-2']);
      assert.equal(html.match(/<svg[^>]*class="memlane-diagram/g)?.length, 2);
      assert.match(html, /<pre><code class="language-python">plain = 1\n<\/code><\/pre>/);
      assert.match(html, /<h1>Two<\/h1>/);
    },
  );

  it(
    'carries the fence options to the figure: id, title, ' + 'the step shown; memlane() defaults fill the rest',
    async () => {
      const file = pageFile('options.md', [
        '```python memory id=alias title="Two names" step=2',
        'a = [1, 2]',
        'b = a',
        'b.append(3)',
        '```',
        '',
      ]);
      const html = await markdownToHtml(file, { ...settings, defaults: { theme: 'sketch' } });
      assert.deepEqual(figureIds(html), ['alias']);
      assert.match(html, /<figcaption class="memlane-title">Two names<\/figcaption>/);
      assert.match(html, /Step 2 of \d+/);
      assert.match(html, /data-theme-variant="sketch"/);
    },
  );

  it(
    'shows a failing snippet in its place with the line on disk and a caret, ' + 'records it, and draws the next fence',
    async () => {
      takeProblems();
      const lines = [
        '---',
        'title: Broken',
        '---',
        '',
        'Text.',
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
      ];
      // Astro hands a processor the body without its front matter: the plugin finds the body in the file on disk.
      const body = lines.slice(4).join('\n');
      const html = await markdownToHtml(pageFile('broken.md', lines, body));
      assert.match(
        problemText(html),
        new RegExp(
          String.raw`^broken\.md:9: the Python snippet failed: ZeroDivisionError: division by zero\n {2}9 \| y = x \/` +
            String.raw` 0\n {10}\^{5}\nhint: `,
        ),
      );
      assert.equal(figureIds(html).length, 1, 'the next fence is still drawn');
      assert.deepEqual(
        takeProblems().map((p) => `${p.loc.file}:${p.loc.line}`),
        ['broken.md:9'],
      );
    },
  );

  it('names a misspelt option and a repeated id on the fence line, with a hint', async () => {
    takeProblems();
    const html = await markdownToHtml(
      pageFile('options-wrong.md', [
        'Intro.',
        '',
        '```python memory stpe=2',
        'a = 1',
        '```',
        '',
        '```python memory id=same',
        'b = 2',
        '```',
        '',
        '```python memory id=same',
        'c = 3',
        '```',
        '',
      ]),
    );
    const problems = takeProblems();
    assert.deepEqual(
      problems.map((p) => `${p.loc.file}:${p.loc.line}`),
      ['options-wrong.md:3', 'options-wrong.md:11'],
    );
    assert.match(
      problems[0]!.message,
      /^options-wrong\.md:3: unknown diagram option "stpe"\nhint: did you mean "step"\?/,
    );
    assert.match(problems[1]!.message, /id=same is already used by the diagram on line 7/);
    assert.equal(html.match(/<aside class="memlane-problem"/g)?.length, 2);
    assert.deepEqual(figureIds(html), ['same']);
  });

  it(
    'in MDX puts the diagram in through set:html and gives ' + '<MemoryDiagram> its page and the line of its code prop',
    async () => {
      const file = pageFile('copies.mdx', copiesMdx);
      const mdx = String(await remark().use(remarkMdx).use(remarkMemory, { settings, root }).process(file));
      assert.match(mdx, /<div class="memlane-block" set:html=\{"<figure class=\\"memlane/);
      assert.match(
        mdx,
        /<MemoryDiagram title="On its own line" code=\{`x = 1`\} sourceFile="copies\.mdx" sourceLine="13" \/>/,
      );
      assert.doesNotMatch(mdx, /```python memory/, 'the fence is replaced');
    },
  );
});
