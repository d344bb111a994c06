// The MDX element that puts a diagram's HTML into the page unchanged:
// `<div class="memlane-block" set:html={"<figure…"} />`. Astro's JSX runtime inserts the string as
// is; braces and blank lines in it stay text.

export interface SetHtmlAttribute {
  type: 'mdxJsxAttribute';
  name: string;
  value: { type: 'mdxJsxAttributeValueExpression'; value: string; data?: Record<string, unknown> };
}

export interface HtmlBlockElement {
  type: 'mdxJsxFlowElement';
  name: 'div';
  attributes: [{ type: 'mdxJsxAttribute'; name: 'class'; value: string }, SetHtmlAttribute];
  children: [];
  data?: Record<string, unknown>;
}

/** The element as Sätteri takes it (it parses the expression's text itself). */
export function htmlBlockElement(html: string): HtmlBlockElement {
  return {
    type: 'mdxJsxFlowElement',
    name: 'div',
    attributes: [
      { type: 'mdxJsxAttribute', name: 'class', value: 'memlane-block' },
      {
        type: 'mdxJsxAttribute',
        name: 'set:html',
        value: { type: 'mdxJsxAttributeValueExpression', value: JSON.stringify(html) },
      },
    ],
    children: [],
  };
}
