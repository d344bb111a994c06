// A failing snippet shown where its diagram would be (pages are still served, and built, with one):
// the build's own text (file, line, caret, hint), and the same problem as data for `astro dev`'s overlay.
import { caretExcerpt } from '../core/index.ts';
import { escapeMarkup } from '../render/escape-markup.ts';
import type { SnippetError } from './snippet-error.ts';

/** What the dev server's overlay shows of a problem (see dev-overlay.ts), as the page carries it. */
export interface OverlayProblem {
  /** The page, relative to the project root. */
  file: string;
  line: number;
  column?: number;
  /** The Python error or option problem, then the line with its caret. */
  message: string;
  hint: string;
}

export function overlayProblem(error: SnippetError): OverlayProblem {
  const { problem, loc } = error;
  const excerpt =
    problem.excerpt !== undefined
      ? `\n${caretExcerpt(loc.line, problem.excerpt, problem.column, problem.endColumn)}`
      : '';
  return {
    file: loc.file,
    line: loc.line,
    column: problem.column,
    message: `${problem.message}${excerpt}`,
    hint: problem.hint,
  };
}

export function problemBlockHtml(error: SnippetError): string {
  const data = escapeMarkup(JSON.stringify(overlayProblem(error)));
  return (
    `<aside class="memlane-problem" aria-label="Snippet error" data-memlane-problem="${data}">` +
    '<p class="memlane-problem-title">This diagram could not be drawn: its snippet failed.</p>' +
    `<pre>${escapeMarkup(error.message)}</pre></aside>`
  );
}
