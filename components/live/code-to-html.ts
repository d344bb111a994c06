// Code as the diagram's code pane draws it, made in the browser after a run: one
// `<span class="line" data-line="N">` per line with the current and next lines marked, tokens
// coloured like the build's (see token-colors.ts).
import { pythonLanguage } from '@codemirror/lang-python';
import { escapeMarkup } from '../../lib/render/escape-markup.js';
import { highlightPythonTree } from './token-colors.ts';

export function codeToHtml(code: string, marks: { current?: number; next?: number } = {}): string {
  const lines: string[][] = [[]];
  highlightPythonTree(code, pythonLanguage.parser.parse(code), (text, style) => {
    lines.at(-1)!.push(style ? `<span style="${style}">${escapeMarkup(text)}</span>` : `<span>${escapeMarkup(text)}</span>`);
  }, () => lines.push([]));
  const body = lines.map((parts, i) => {
    const line = i + 1;
    const classes = ['line', ...(line === marks.current ? ['is-current'] : []), ...(line === marks.next && line !== marks.current ? ['is-next'] : [])];
    return `<span class="${classes.join(' ')}" data-line="${line}">${parts.join('')}</span>`;
  });
  return `<pre class="memlane-code-block"><code>${body.join('\n')}</code></pre>`;
}
