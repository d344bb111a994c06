// Code as the diagram's code pane draws it, made in the browser after a run: one
// `<span class="line" data-line="N">` per line with the current and next lines marked, tokens
// coloured like the build's (see token-colors.ts). It runs in the diagram worker, so it takes the bare
// lezer grammar (the editor's language without the editor, about 230 kB less to load).
import { parser } from '@lezer/python';
import { escapeMarkup } from 'memlane/browser';
import { highlightPythonTree } from './token-colors.ts';

export function codeToHtml(code: string, marks: { current?: number; next?: number } = {}): string {
  const lines: string[][] = [[]];
  highlightPythonTree(code, parser.parse(code), (text, style) => {
    lines.at(-1)!.push(style ? `<span style="${style}">${escapeMarkup(text)}</span>` : `<span>${escapeMarkup(text)}</span>`);
  }, () => lines.push([]));
  const body = lines.map((parts, i) => {
    const line = i + 1;
    const classes = ['line', ...(line === marks.current ? ['is-current'] : []), ...(line === marks.next && line !== marks.current ? ['is-next'] : [])];
    return `<span class="${classes.join(' ')}" data-line="${line}">${parts.join('')}</span>`;
  });
  return `<pre class="memlane-code-block"><code>${body.join('\n')}</code></pre>`;
}
