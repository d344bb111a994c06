// Snippet code as HTML, highlighted with Shiki in the Night Owl pair that Starlight's code blocks
// are based on; colours are CSS variables so the page's light/dark switch recolours them.
import { createHighlighter, type Highlighter } from 'shiki';

let highlighter: Promise<Highlighter> | undefined;

function sharedHighlighter(): Promise<Highlighter> {
  highlighter ??= createHighlighter({ themes: ['night-owl', 'night-owl-light'], langs: ['python'] });
  return highlighter;
}

/** `<pre>` with one `<span class="line" data-line="N">` per line, marking `current` and `next` lines. */
export async function highlightPython(code: string, marks: { current?: number; next?: number } = {}): Promise<string> {
  const shiki = await sharedHighlighter();
  return shiki.codeToHtml(code, {
    lang: 'python',
    themes: { dark: 'night-owl', light: 'night-owl-light' },
    defaultColor: false,
    transformers: [{
      pre(node) {
        node.properties.class = 'memlane-code-block';
        delete node.properties.style;
        delete node.properties.tabindex;
      },
      line(node, line) {
        node.properties['data-line'] = String(line);
        const classes = ['line'];
        if (line === marks.current) classes.push('is-current');
        if (line === marks.next && line !== marks.current) classes.push('is-next');
        node.properties.class = classes.join(' ');
      },
    }],
  });
}
