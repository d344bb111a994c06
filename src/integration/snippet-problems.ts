// Snippet problems are kept, not thrown: a throw from a Markdown plugin stops a build at its first
// problem and, in `astro dev`, leaves the old page up with no overlay. Each page shows its problems
// where the diagrams would be, dev logs each as it happens, and a build lists all of them, each once,
// when every page is done (see index.ts). One list: fences and <MemoryDiagram> both reach the copy of
// this module that Node loaded with the integration (memory-diagram-renderer.ts).
import { appendFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { problemBlockHtml } from './problem-block.ts';
import { SnippetError } from './snippet-error.ts';

interface ProblemLog {
  /** By text, so a page rendered twice (content sync, then the page) counts once. */
  problems: Map<string, SnippetError>;
  /** A file that tells the next run a page was rendered with a problem (see forgetStaleRenderedPages). */
  marker?: string;
  /** Called on each problem as it is recorded (dev logs it). */
  onProblem?: (error: SnippetError) => void;
}

const log: ProblemLog = { problems: new Map() };

export function watchProblems(settings: { marker?: string; onProblem?: (error: SnippetError) => void }): void {
  Object.assign(log, settings);
}

export function recordProblem(error: SnippetError): void {
  log.problems.set(error.message, error);
  if (log.marker) {
    mkdirSync(dirname(log.marker), { recursive: true });
    appendFileSync(log.marker, `${error.message}\n\n`);
  }
  log.onProblem?.(error);
}

/** The diagram's HTML, or, when its snippet fails, the problem recorded and shown in its place. */
export async function diagramOrProblem(render: () => Promise<string>): Promise<string> {
  try {
    return await render();
  } catch (error) {
    if (!SnippetError.is(error)) throw error;
    recordProblem(error);
    return problemBlockHtml(error);
  }
}

/** Every problem recorded since the last call, by page and line. */
export function takeProblems(): SnippetError[] {
  const problems = [...log.problems.values()].sort(
    (a, b) => a.loc.file.localeCompare(b.loc.file) || a.loc.line - b.loc.line,
  );
  log.problems.clear();
  return problems;
}
