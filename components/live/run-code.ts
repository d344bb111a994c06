// One run in the reader's browser: the build's pipeline (codeToDiagram) on the edited code with the
// diagram's own options, drawn as the island's <memlane-diagram>, or the error in words with a caret.
import { caretExcerpt, codeToDiagram, fenceSpelling, type DiagramOptions, type Problem } from '../../lib/core/index.js';
import { diagramToHtml } from '../../lib/integration/diagram-to-html.js';
import type { BrowserSimulator } from '../../lib/live/browser-simulator.js';
import { codeToHtml } from './code-to-html.ts';

export interface RunSettings {
  id: string;
  options: DiagramOptions;
  timeoutMs: number;
}

export type RunOutcome =
  | { ok: true; element: HTMLElement; steps: number }
  | { ok: false; message: string; problem: Problem };

/**
 * The options of a reader's run: the diagram's own, except that code which no longer raises the
 * lesson's exception, or runs fewer steps than the step shown, is not an error in a reader's hands.
 */
function forgiving(options: DiagramOptions, problem: Problem): DiagramOptions | undefined {
  if (problem.kind === 'outcome' && options.raises !== null) return { ...options, raises: null };
  if (problem.kind === 'step') return { ...options, step: 'last' };
  return undefined;
}

/** The error as the build words it: the line, the Python error, the line of code and a caret. */
export function problemMessage(problem: Problem): string {
  const message = problem.message.replace(/^the Python snippet failed: /, '');
  const where = problem.line >= 1 ? `Line ${problem.line}: ` : '';
  const excerpt = problem.excerpt !== undefined && problem.line >= 1 ? `\n${caretExcerpt(problem.line, problem.excerpt, problem.column)}` : '';
  return `${where}${message}${excerpt}`;
}

export async function runCode(code: string, notes: Map<number, string>, settings: RunSettings, simulator: BrowserSimulator): Promise<RunOutcome> {
  let options = settings.options;
  for (;;) {
    const outcome = await codeToDiagram({
      written: code, options, spelling: fenceSpelling, simulator, renderDefaults: { idPrefix: settings.id }, timeoutMs: settings.timeoutMs,
    });
    if (!outcome.ok) {
      const problem = outcome.problems[0]!;
      const retry = forgiving(options, problem);
      if (retry) {
        options = retry;
        continue;
      }
      return { ok: false, message: problemMessage(problem), problem };
    }
    const { trace, shownStep, svg, snippet } = outcome.diagram;
    const codeHtml = codeToHtml(snippet.code, { current: trace.steps[shownStep - 1]!.line, next: trace.steps[shownStep]?.line });
    const html = diagramToHtml({ trace, snippet: { ...snippet, notes }, options, id: settings.id, shownStep, svg, codeHtml });
    const template = document.createElement('template');
    template.innerHTML = html;
    return { ok: true, element: template.content.querySelector('memlane-diagram')!, steps: trace.steps.length };
  }
}
