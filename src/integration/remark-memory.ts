// The unified (remark) adapter: ```python memory blocks become diagrams at build time; other code
// blocks are left to Expressive Code. In MDX the HTML goes in through `set:html` so it reaches the
// page unchanged; in Markdown it is a raw HTML node. <MemoryDiagram> elements get their own file and
// line as props. Astro 5 and 6 run it by default, Astro 7 when a site chooses `unified()`.
import type { Code, Html, Root, RootContent } from 'mdast';
import type { VFile } from 'vfile';
import { visit } from 'unist-util-visit';
import { isMemoryFence, memoryPage, type MemoryPageOptions } from './memory-page.ts';
import { htmlBlockElement, type HtmlBlockElement } from './set-html.ts';

export type RemarkMemoryOptions = MemoryPageOptions;

/** The MDX element node of remark-mdx (mdast-util-mdx-jsx), as far as this file reads and writes it. */
interface MdxJsxFlowElement {
  type: 'mdxJsxFlowElement';
  name: string | null;
  attributes: { type: string; name?: string; value?: unknown; position?: { start: { line: number } } }[];
  children: unknown[];
  position?: { start: { line: number } };
  data?: Record<string, unknown>;
}

export function remarkMemory(options: RemarkMemoryOptions) {
  return async (tree: Root, file: VFile): Promise<void> => {
    const page = memoryPage(options, file.path || undefined, String(file.value));
    const fences: { node: Code; index: number; parent: { children: RootContent[] } }[] = [];
    visit(tree, (node, index, parent) => {
      if (node.type === 'code' && isMemoryFence(node) && parent && index !== undefined) {
        fences.push({ node, index, parent: parent as { children: RootContent[] } });
      }
      const element = node as unknown as MdxJsxFlowElement;
      if (element.type === 'mdxJsxFlowElement' && element.name === 'MemoryDiagram')
        addSourceProps(element, page.sourceProps);
    });
    for (const { node, index, parent } of fences) {
      const html = await page.diagram({ ...node, line: node.position?.start.line ?? 1 });
      parent.children[index] = page.isMdx
        ? (rawMdxElement(html) as unknown as RootContent)
        : ({ type: 'html', value: html } satisfies Html);
    }
  };
}

/** The same element with the expression's estree, which remark-mdx expects beside its text. */
function rawMdxElement(html: string): HtmlBlockElement {
  const element = htmlBlockElement(html);
  const expression = element.attributes[1].value;
  expression.data = {
    estree: {
      type: 'Program',
      sourceType: 'module',
      comments: [],
      body: [{ type: 'ExpressionStatement', expression: { type: 'Literal', value: html, raw: expression.value } }],
    },
  };
  return { ...element, data: { _mdxExplicitJsx: true } };
}

/** The line of the `code` prop if it has one, else the element's. */
function addSourceProps(node: MdxJsxFlowElement, sourceProps: (line: number) => Record<string, string>): void {
  const attributes = node.attributes.filter((a) => a.type === 'mdxJsxAttribute');
  const names = new Set(attributes.map((a) => a.name));
  const code = attributes.find((a) => a.name === 'code');
  const props = sourceProps(code?.position?.start.line ?? node.position?.start.line ?? 1);
  for (const [name, value] of Object.entries(props)) {
    if (!names.has(name)) node.attributes.push({ type: 'mdxJsxAttribute', name, value });
  }
}
