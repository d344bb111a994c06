// Build errors for snippets: a core problem placed in its page (file, line, caret excerpt, hint),
// so a lesson author can fix it without reading Memlane's code. Astro prints `loc` and `hint`.
import { problemText, type Problem } from '../core/index.ts';
import type { SnippetLocation } from './types.ts';

export class SnippetError extends Error {
  readonly loc: { file: string; line: number; column: number };
  readonly hint: string;
  readonly problem: Problem;
  constructor(problem: Problem, location: SnippetLocation) {
    super(problemText(problem, location.file, location.firstLine));
    this.name = 'MemlaneSnippetError';
    this.loc = {
      file: location.file,
      line: Math.max(1, location.firstLine + problem.line - 1),
      column: problem.column ?? 1,
    };
    this.hint = problem.hint;
    this.problem = problem;
  }

  /** By name, not class: Astro may load this module more than once (config, content sync, pages). */
  static is(value: unknown): value is SnippetError {
    return value instanceof Error && value.name === 'MemlaneSnippetError' && 'problem' in value;
  }
}
