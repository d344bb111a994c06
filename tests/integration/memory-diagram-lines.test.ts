// <MemoryDiagram> elements get their page and the line of their code prop from both Markdown adapters,
// remark's and Sätteri's, without running Python; Sätteri leaves a page that mentions no diagram alone.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { remark } from 'remark';
import remarkMdx from 'remark-mdx';
import { remarkMemory } from '../../src/integration/remark-memory.ts';
import { satteriMemory } from '../../src/integration/satteri-memory.ts';
import type { PipelineSettings } from '../../src/integration/snippet-to-diagram.ts';

const root = '/site';
const settings: PipelineSettings = {
  cacheDir: false,
  defaults: {},
  timeoutMs: 10_000,
  fingerprint: 'test',
  playground: 'playground/',
  live: { liveUrl: '/_memlane/live/', playground: '/playground/', timeoutMs: 10_000 },
};
const page = [
  '# Lesson',
  '',
  '<MemoryDiagram title="One line" code={`a = 1`} />',
  '',
  '<MemoryDiagram',
  '  title="Code below"',
  '',
  '  code={`b = [1]',
  'c = b`}',
  '/>',
  '',
  '<MemoryDiagram code={`d = 2`} sourceLine="40" />',
  '',
].join('\n');

describe('<MemoryDiagram> source props', () => {
  it(
    'remark: the page path from the project root, ' + 'the line of the code prop, and props already given kept',
    async () => {
      const file = { path: '/site/content/lesson.mdx', value: page };
      const mdx = String(await remark().use(remarkMdx).use(remarkMemory, { settings, root }).process(file));
      const props = [...mdx.matchAll(/sourceFile="([^"]+)"\s+sourceLine="(\d+)"/g)].map((m) => `${m[1]}:${m[2]}`);
      assert.deepEqual(props, ['content/lesson.mdx:3', 'content/lesson.mdx:8']);
      assert.match(mdx, /code=\{`d = 2`\} sourceLine="40" sourceFile="content\/lesson\.mdx" \/>/);
    },
  );

  it("Sätteri: the same lines from the element's offsets (it gives attributes no positions)", () => {
    const plugin = satteriMemory({ settings, root })({
      fileURL: pathToFileURL('/site/content/lesson.mdx'),
      source: page,
    });
    assert.ok(plugin);
    const elements = [...page.matchAll(/<MemoryDiagram[\s\S]*?\/>/g)].map((match) => {
      const line = page.slice(0, match.index).split('\n').length;
      return { line, start: match.index, end: match.index + match[0].length };
    });
    const given: string[] = [];
    for (const { line, start, end } of elements) {
      const node = {
        type: 'mdxJsxFlowElement' as const,
        name: 'MemoryDiagram',
        attributes: start === elements[2]!.start ? [{ type: 'mdxJsxAttribute', name: 'sourceLine' }] : [],
        position: { start: { line, offset: start }, end: { offset: end } },
      };
      plugin.mdxJsxFlowElement(node, { setAttribute: (_node, name, value) => given.push(`${line} ${name}=${value}`) });
    }
    assert.deepEqual(given, [
      '3 sourceFile=content/lesson.mdx',
      '3 sourceLine=3',
      '5 sourceFile=content/lesson.mdx',
      '5 sourceLine=8',
      '12 sourceFile=content/lesson.mdx',
    ]);
  });

  it('Sätteri: a page that mentions neither a memory fence nor <MemoryDiagram> gets no plugin', () => {
    const make = satteriMemory({ settings, root });
    assert.equal(
      make({ fileURL: pathToFileURL('/site/content/plain.md'), source: '# Plain\n\n```python\nx = 1\n```\n' }),
      undefined,
    );
    assert.ok(make({ fileURL: pathToFileURL('/site/content/fence.md'), source: '```python memory\nx = 1\n```\n' }));
  });
});
