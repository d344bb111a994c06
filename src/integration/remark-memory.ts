// Remark plugin: ```python memory blocks become diagrams at build time; other code blocks are left
// to Expressive Code. In MDX the HTML goes in through `set:html` so it reaches the page unchanged;
// in Markdown it is a raw HTML node. <MemoryDiagram> elements get their own file and line as props.
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import type { Code, Html, Root, RootContent } from 'mdast';
import type { MdxJsxFlowElement } from 'mdast-util-mdx-jsx';
import type { VFile } from 'vfile';
import { visit } from 'unist-util-visit';
import { readFenceMeta } from '../core/index.ts';
import { SnippetError } from './snippet-error.ts';
import { snippetToDiagram, type PipelineSettings } from './snippet-to-diagram.ts';

export interface RemarkMemoryOptions {
  settings: PipelineSettings;
  /** Project root, to print page paths relative to it. */
  root: string;
}

export function isMemoryFence(node: Code): boolean {
  return node.lang === 'python' && /^memory(\s|$)/.test(node.meta ?? '');
}

/** Snippet errors of this process; Astro only logs errors of Markdown content entries, so the integration rethrows them. */
const failuresSlot = Symbol.for('memlane.failures');
export function snippetFailures(): Error[] {
  const holder = globalThis as { [failuresSlot]?: Error[] };
  holder[failuresSlot] ??= [];
  return holder[failuresSlot];
}

/** Lines before the parsed text in the file on disk: Markdown entries are parsed without their frontmatter. */
function linesBeforeBody(file: VFile): number {
  if (!file.path) return 0;
  try {
    const onDisk = readFileSync(file.path, 'utf8');
    const body = String(file.value);
    const at = body.length > 0 ? onDisk.indexOf(body) : -1;
    return at > 0 ? onDisk.slice(0, at).split('\n').length - 1 : 0;
  } catch {
    return 0;
  }
}

export function remarkMemory(options: RemarkMemoryOptions) {
  const transform = memoryTransform(options);
  return async (tree: Root, file: VFile): Promise<void> => {
    try {
      await transform(tree, file);
    } catch (error) {
      if (error instanceof SnippetError) snippetFailures().push(error);
      throw error;
    }
  };
}

function memoryTransform({ settings, root }: RemarkMemoryOptions) {
  return async (tree: Root, file: VFile): Promise<void> => {
    const path = file.path ? relative(root, file.path) : '<page>';
    const isMdx = /\.mdx$/i.test(file.path ?? '');
    const fences: { node: Code; index: number; parent: { children: RootContent[] } }[] = [];
    const offset = linesBeforeBody(file);
    visit(tree, (node, index, parent) => {
      if (node.type === 'code' && isMemoryFence(node) && parent && index !== undefined) {
        fences.push({ node, index, parent: parent as { children: RootContent[] } });
      }
      if (node.type === 'mdxJsxFlowElement' && node.name === 'MemoryDiagram') addSourceProps(node, path, offset);
    });
    // One after another: there is one interpreter, and errors then come in page order.
    let count = 0;
    const usedIds = new Map<string, number>();
    for (const { node, index, parent } of fences) {
      count += 1;
      const fenceLine = (node.position?.start.line ?? 1) + offset;
      const location = { file: path, firstLine: fenceLine + 1 };
      const meta = readFenceMeta(node.meta ?? '');
      if (!meta.ok) throw new SnippetError(meta.problems[0]!, location);
      const rawOptions = meta.raw;
      const id = rawOptions.id ?? `diagram-${count}`;
      const earlier = usedIds.get(id);
      if (earlier !== undefined) {
        throw new SnippetError({ kind: 'option', line: 0, message: `id=${id} is already used by the diagram on line ${earlier}`, hint: 'give each diagram on a page its own id, so permalinks find the right one' }, location);
      }
      usedIds.set(id, fenceLine);
      const html = await snippetToDiagram(
        { written: node.value, rawOptions, location, fallbackId: id },
        settings,
      );
      parent.children[index] = isMdx ? rawMdxElement(html) : ({ type: 'html', value: html } satisfies Html);
    }
  };
}

/** `<div class="memlane-block" set:html={html} />`: Astro's JSX runtime inserts the string as is. */
function rawMdxElement(html: string): MdxJsxFlowElement {
  return {
    type: 'mdxJsxFlowElement',
    name: 'div',
    attributes: [
      { type: 'mdxJsxAttribute', name: 'class', value: 'memlane-block' },
      {
        type: 'mdxJsxAttribute',
        name: 'set:html',
        value: {
          type: 'mdxJsxAttributeValueExpression',
          value: JSON.stringify(html),
          data: {
            estree: {
              type: 'Program',
              sourceType: 'module',
              comments: [],
              body: [{ type: 'ExpressionStatement', expression: { type: 'Literal', value: html, raw: JSON.stringify(html) } }],
            },
          },
        },
      },
    ],
    children: [],
    data: { _mdxExplicitJsx: true },
  } as MdxJsxFlowElement;
}

/** So a failing <MemoryDiagram> can name its page and line like a fence does: the line of its `code` prop. */
function addSourceProps(node: MdxJsxFlowElement, path: string, offset: number): void {
  const attributes = node.attributes.filter((a) => a.type === 'mdxJsxAttribute');
  const names = new Set(attributes.map((a) => a.name));
  const code = attributes.find((a) => a.name === 'code');
  const line = (code?.position?.start.line ?? node.position?.start.line ?? 1) + offset;
  if (!names.has('sourceFile')) node.attributes.push({ type: 'mdxJsxAttribute', name: 'sourceFile', value: path });
  if (!names.has('sourceLine')) node.attributes.push({ type: 'mdxJsxAttribute', name: 'sourceLine', value: String(line) });
}
