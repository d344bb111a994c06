// Hooks memlane's plugins into the site's Markdown processor, whichever it is: Sätteri (Astro 7's
// default, which @astrojs/mdx 8 reuses for .mdx), a site's `unified()`, or, where Astro has no
// processor option (Astro 5), the unified pipeline's `markdown.remarkPlugins`.
import { rehypeFocusableTables } from './focusable-scrolling.ts';
import type { MemoryPageOptions } from './memory-page.ts';
import { remarkMemory } from './remark-memory.ts';
import { satteriFocusableTables, satteriMemory } from './satteri-memory.ts';

/** The shape Astro's processors share: a name and plugin lists to push onto (Starlight does the same). */
interface MarkdownProcessor {
  name?: string;
  options?: { mdastPlugins?: unknown[]; hastPlugins?: unknown[]; remarkPlugins?: unknown[]; rehypePlugins?: unknown[] };
}

/** Markdown settings for `updateConfig`, or undefined when the processor took the plugins itself. */
export function attachToMarkdown(
  markdown: { processor?: unknown },
  pageOptions: MemoryPageOptions,
): Record<string, unknown> | undefined {
  const processor = markdown.processor as MarkdownProcessor | undefined;
  if (processor === undefined)
    return { remarkPlugins: [[remarkMemory, pageOptions]], rehypePlugins: [rehypeFocusableTables] };
  const lists = processor.options;
  if (Array.isArray(lists?.mdastPlugins) && Array.isArray(lists.hastPlugins)) {
    lists.mdastPlugins.push(satteriMemory(pageOptions));
    lists.hastPlugins.push(satteriFocusableTables());
    return undefined;
  }
  if (Array.isArray(lists?.remarkPlugins) && Array.isArray(lists.rehypePlugins)) {
    lists.remarkPlugins.push([remarkMemory, pageOptions]);
    lists.rehypePlugins.push(rehypeFocusableTables);
    return undefined;
  }
  throw new Error(
    `memlane(): the site's markdown.processor ("${processor.name ?? 'unnamed'}") takes neither Sätteri nor ` +
      `unified plugins, so python memory fences would stay plain code\n` +
      "hint: leave markdown.processor unset (Astro's satteri()), or set satteri() from " +
      '@astrojs/markdown-satteri or unified() from @astrojs/markdown-remark',
  );
}
