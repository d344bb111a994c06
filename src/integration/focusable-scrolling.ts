// Regions that scroll sideways on a phone (code blocks, wide tables) must be reachable by keyboard
// (WCAG 2.1.1, axe `scrollable-region-focusable`). Both are made focusable in the HTML itself, so
// they are from the first paint; Expressive Code's own script later drops the tab stop from code
// blocks that turn out not to scroll.
import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';

function makeFocusable(element: Element): void {
  element.properties.tabIndex ??= 0;
}

/** rehype plugin: every Markdown table takes focus (Starlight lets tables scroll inside themselves). */
export function rehypeFocusableTables() {
  return (tree: Root): void => {
    visit(tree, 'element', (element: Element) => {
      if (element.tagName === 'table') makeFocusable(element);
    });
  };
}

/** Expressive Code plugin: every code block's <pre> takes focus. */
export function focusableCodeBlocks() {
  return {
    name: 'memlane: focusable code blocks',
    hooks: {
      postprocessRenderedBlock: ({ renderData }: { renderData: { blockAst: Element } }) => {
        visit(renderData.blockAst, 'element', (element: Element) => {
          if (element.tagName === 'pre') makeFocusable(element);
        });
      },
    },
  };
}
