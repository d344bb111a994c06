// Code as the diagram's code pane shows it, the same markup whether made at build time or in the
// diagram worker after a reader's run: one `<span class="line" data-line="N">` per line, the current
// and next lines marked, each run of a token kind in a span carrying its light and dark colours.
import { escapeMarkup } from '../render/escape-markup.ts';
import { pythonTokens } from './python-tokens.ts';
import { tokenPalette, type TokenKind } from './token-palette.ts';

/**
 * A kind's colours as the CSS variables memlane.css picks from by theme (`--ml-code-light`,
 * `--ml-code-dark` and their `-style`). Plain `text` is set once on the `<pre>`, and spans inherit it.
 */
export function tokenStyle(kind: TokenKind): string {
  const { light, dark } = { light: tokenPalette.light[kind], dark: tokenPalette.dark[kind] };
  const italic = light.italic ? ';--ml-code-light-style:italic;--ml-code-dark-style:italic' : '';
  return `--ml-code-light:${light.color};--ml-code-dark:${dark.color}${italic}`;
}

/** `<pre>` with one `<span class="line" data-line="N">` per line, marking `current` and `next` lines. */
export function codeToHtml(code: string, marks: { current?: number; next?: number } = {}): string {
  const body = pythonTokens(code).map((runs, i) => {
    const line = i + 1;
    const classes = ['line'];
    if (line === marks.current) classes.push('is-current');
    if (line === marks.next && line !== marks.current) classes.push('is-next');
    const spans = runs.map(({ text, kind }) => {
      const style = kind === 'text' ? '' : ` style="${tokenStyle(kind)}"`;
      return `<span${style}>${escapeMarkup(text)}</span>`;
    });
    return `<span class="${classes.join(' ')}" data-line="${line}">${spans.join('')}</span>`;
  });
  return `<pre class="memlane-code-block" style="${tokenStyle('text')}"><code>${body.join('\n')}</code></pre>`;
}
