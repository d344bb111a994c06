// The editor's colours: CSS giving each `tok-KIND` class CodeMirror puts on a run (through
// `pythonHighlighter`) the same variables as the code pane's spans, and plain text the `text` kind's.
import { tokenStyle } from './code-to-html.ts';
import { tokenKinds } from './token-palette.ts';

/** Rules for the editor inside `scope`; memlane.css turns the variables into colours by theme. */
export function tokenCss(scope: string): string {
  const kinds = tokenKinds.filter((kind) => kind !== 'text');
  const rules = kinds.map((kind) => `${scope} .tok-${kind}{${tokenStyle(kind)}}`);
  return [`${scope} .cm-content{${tokenStyle('text')}}`, ...rules].join('\n');
}
