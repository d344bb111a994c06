// Code as the diagram's code pane shows it, the same markup whether made at build time or in the
// diagram worker after a reader's run: one `<span class="line" data-line="N">` per line, the current
// and next lines marked, each run of a token kind in a span carrying its light and dark colours
// (plain text's are set once on the `<pre>`, and its spans inherit them).
import type { Diagram } from '../core/types.ts';
import { escapeMarkup } from '../render/escape-markup.ts';
import { pythonTokens } from './python-tokens.ts';
import { tokenStyle } from './token-css.ts';

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

/** A diagram's shown code, its shown step's line and the next marked: the code pane as the page opens. */
export function shownCodeHtml({ trace, shownStep, snippet }: Pick<Diagram, 'trace' | 'shownStep' | 'snippet'>): string {
  return codeToHtml(snippet.code, { current: trace.steps[shownStep - 1]!.line, next: trace.steps[shownStep]?.line });
}
