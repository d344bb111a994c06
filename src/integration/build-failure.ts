// The one error that stops a build with snippet problems: every problem once, as the author needs it
// (file:line, Python error, caret, hint), and no Node stack trace, which only points into Memlane.
// MEMLANE_DEBUG=1 adds each problem's stack, for a bug in Memlane itself.
import type { SnippetError } from './snippet-error.ts';

export class SnippetsFailedError extends Error {
  constructor(problems: SnippetError[], debug = Boolean(process.env.MEMLANE_DEBUG)) {
    const count = problems.length === 1 ? '1 python memory snippet' : `${problems.length} python memory snippets`;
    const texts = problems.map((problem) => (debug ? `${problem.message}\n${stackLines(problem)}` : problem.message));
    super(`${count} failed:\n\n${texts.join('\n\n')}\n`);
    this.name = 'MemlaneSnippetsFailed';
    // Astro prints a stack trace under any error that has one.
    if (!debug) this.stack = '';
  }

  /** Astro hints "Browser APIs are not available" when this text mentions `document` or `window`; a snippet's may. */
  override toString(): string {
    return this.name;
  }
}

function stackLines(error: Error): string {
  return (error.stack ?? '').split('\n').filter((line) => /^\s+at /.test(line)).join('\n');
}
