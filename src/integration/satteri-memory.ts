// The Sätteri adapter (Astro 7's default Markdown processor, for .md and, through @astrojs/mdx,
// .mdx): the same fences and <MemoryDiagram> props as the remark adapter, as Sätteri mdast and
// hast plugins. Sätteri parses the expression of `set:html` itself, so no estree is built here.
import { fileURLToPath } from 'node:url';
import type { Code } from 'mdast';
import { isMemoryFence, memoryPage, type MemoryPage, type MemoryPageOptions } from './memory-page.ts';
import { htmlBlockElement } from './set-html.ts';

/** What a Sätteri plugin factory is told about the document (satteri's PluginFactoryContext). */
interface DocumentContext {
  fileURL: URL | undefined;
  source: string;
}
interface MdxElement {
  type: 'mdxJsxFlowElement';
  name: string | null;
  attributes: { type: string; name?: string }[];
  position?: { start: { line: number; offset?: number }; end?: { offset?: number } };
}
interface MdastContext {
  setAttribute(node: MdxElement, name: string, value: string): void;
}
interface HastElement {
  tagName: string;
  properties: Record<string, unknown>;
}
interface HastContext {
  setProperty(node: HastElement, key: string, value: unknown): void;
}

/** An mdast plugin factory: one plugin per document, holding that page's ids and lines. */
export function satteriMemory(options: MemoryPageOptions) {
  return ({ fileURL, source }: DocumentContext) => {
    const filePath = fileURL?.protocol === 'file:' ? fileURLToPath(fileURL) : undefined;
    // Astro may hand Sätteri every page, fences or not: a page without "memory" is left alone.
    if (!source.includes('memory') && !source.includes('MemoryDiagram')) return undefined;
    let page: MemoryPage | undefined;
    const thisPage = (): MemoryPage => (page ??= memoryPage(options, filePath, source));
    return {
      name: 'memlane',
      options: { position: true },
      async code(node: Code) {
        if (!isMemoryFence(node)) return undefined;
        const html = await thisPage().diagram({ ...node, line: node.position?.start.line ?? 1 });
        if (!thisPage().isMdx) return { type: 'html', value: html };
        return htmlBlockElement(html) as unknown as Code;
      },
      mdxJsxFlowElement(node: MdxElement, context: MdastContext) {
        if (node.name !== 'MemoryDiagram') return;
        const present = new Set(node.attributes.map((attribute) => attribute.name));
        for (const [name, value] of Object.entries(thisPage().sourceProps(codePropLine(source, node)))) {
          if (!present.has(name)) context.setAttribute(node, name, value);
        }
      },
    };
  };
}

/** The line of the element's `code` prop, else its own: Sätteri gives attributes no positions. */
function codePropLine(source: string, node: MdxElement): number {
  const start = node.position?.start;
  if (!start) return 1;
  if (start.offset === undefined) return start.line;
  const element = source.slice(start.offset, node.position?.end?.offset ?? source.length);
  const at = element.search(/\scode\s*=/);
  return start.line + (at < 0 ? 0 : element.slice(0, at + 1).split('\n').length - 1);
}

/** A hast plugin: every Markdown table takes focus (see focusable-scrolling.ts). */
export function satteriFocusableTables() {
  return {
    name: 'memlane-focusable-tables',
    element: {
      filter: ['table'],
      visit(node: HastElement, context: HastContext) {
        if (node.properties.tabIndex === undefined) context.setProperty(node, 'tabIndex', 0);
      },
    },
  };
}
