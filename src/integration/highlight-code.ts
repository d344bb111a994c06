// Snippet code as HTML, highlighted with Shiki in the Night Owl pair that Starlight's code blocks
// are based on; colours are CSS variables so the page's light/dark switch recolours them.
import { createHighlighter, type Highlighter } from 'shiki';
import { readableColor } from '../page/contrast.ts';

let highlighter: Promise<Highlighter> | undefined;

function sharedHighlighter(): Promise<Highlighter> {
  highlighter ??= createHighlighter({ themes: ['night-owl', 'night-owl-light'], langs: ['python'] });
  return highlighter;
}

/** `<pre>` with one `<span class="line" data-line="N">` per line, marking `current` and `next` lines. */
export async function highlightPython(code: string, marks: { current?: number; next?: number } = {}): Promise<string> {
  const shiki = await sharedHighlighter();
  const html = shiki.codeToHtml(code, {
    lang: 'python',
    themes: { dark: 'night-owl', light: 'night-owl-light' },
    defaultColor: false,
    // No time limit per line: under load a limit would cut tokenizing short and change the bytes.
    tokenizeTimeLimit: 0,
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
  return html.replace(/--shiki-(light|dark):(#[0-9A-Fa-f]{6,8})/g, (_, mode: 'light' | 'dark', color: string) => `--shiki-${mode}:${readable(color, mode)}`);
}

const readableCache = new Map<string, string>();
function readable(color: string, mode: 'light' | 'dark'): string {
  const key = `${mode}${color}`;
  let found = readableCache.get(key);
  if (!found) readableCache.set(key, (found = readableColor(color, mode)));
  return found;
}
