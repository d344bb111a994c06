// What can go wrong with a snippet, as data: each surface words it its own way (fence option names
// or CLI flags) and places it in its own file; one formatter and one caret excerpt serve them all.

export type ProblemKind = 'option' | 'empty' | 'python' | 'limit' | 'outcome' | 'step' | 'exercise';

export interface Problem {
  kind: ProblemKind;
  /** 1-based line of the snippet as written; 0 for the place its options are written (fence line, command line). */
  line: number;
  /** 1-based column in that line, when Python gives one. */
  column?: number;
  message: string;
  hint: string;
  /** The option at fault, by name, for kind 'option'. */
  option?: string;
  /** The written line to show under the message with a caret. */
  excerpt?: string;
}

/** `  23 | x = 1 / 0` and a caret line under the column (or under the whole statement). */
export function caretExcerpt(fileLine: number, text: string, column?: number): string {
  const gutter = `${fileLine} | `;
  const shown = text.replace(/\t/g, '    ');
  const indent = shown.length - shown.trimStart().length;
  const caret = column && column >= 1 && column <= shown.length + 1
    ? `${' '.repeat(column - 1)}^`
    : `${' '.repeat(indent)}${'^'.repeat(Math.max(1, shown.trim().length))}`;
  return `  ${gutter}${shown}\n  ${' '.repeat(gutter.length)}${caret}`;
}

/**
 * `file:line: message`, the excerpt with a caret, and `hint: ...`. `firstLine` is the file line of
 * the snippet's first written line (1 for a file of its own); line 0 is the line before it.
 */
export function problemText(problem: Problem, file: string, firstLine = 1): string {
  const fileLine = firstLine + problem.line - 1;
  const where = fileLine >= 1 ? `${file}:${fileLine}` : file;
  const excerpt = problem.excerpt !== undefined ? `\n${caretExcerpt(fileLine, problem.excerpt, problem.column)}` : '';
  return `${where}: ${problem.message}${excerpt}\nhint: ${problem.hint}`;
}
