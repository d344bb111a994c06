// What can go wrong with a snippet, as data: each surface words it its own way (fence option names
// or CLI flags) and places it in its own file; one formatter and one caret excerpt serve them all.

export type ProblemKind = 'option' | 'empty' | 'python' | 'limit' | 'outcome' | 'step' | 'exercise';

export interface Problem {
  kind: ProblemKind;
  /** 1-based line of the snippet as written; 0 for the place its options are written (fence line, command line). */
  line: number;
  /** 1-based column in that line, when Python gives one. */
  column?: number;
  /** 1-based column just past the part of the line Python points at (with `column`). */
  endColumn?: number;
  /** The Python exception's type, for kinds 'python' and 'limit' (each surface may word a limit its own way). */
  pythonError?: string;
  message: string;
  hint: string;
  /** For a NameError, the name the snippet most likely meant (a reader sees it without the author's hint). */
  meant?: string;
  /** The option at fault, by name, for kind 'option'. */
  option?: string;
  /** The written line to show under the message with a caret. */
  excerpt?: string;
}

/**
 * `  23 | x = 1 / 0` and a caret line under what Python points at: columns `column` up to `endColumn`
 * (one caret without an end), or under the whole statement without a column. Columns count characters
 * as Python does (code points); tabs are shown as four spaces, and the carets move with them.
 */
export function caretExcerpt(fileLine: number, text: string, column?: number, endColumn?: number): string {
  const gutter = `${fileLine} | `;
  const expand = (part: string) => part.replace(/\t/g, '    ');
  const chars = [...text];
  const shown = expand(text);
  const indent = shown.length - shown.trimStart().length;
  let caret = `${' '.repeat(indent)}${'^'.repeat(Math.max(1, shown.trim().length))}`;
  if (column && column >= 1 && column <= chars.length + 1) {
    const start = expand(chars.slice(0, column - 1).join('')).length;
    const end = endColumn && endColumn > column ? expand(chars.slice(0, endColumn - 1).join('')).length : start + 1;
    caret = `${' '.repeat(start)}${'^'.repeat(Math.max(1, end - start))}`;
  }
  return `  ${gutter}${shown}\n  ${' '.repeat(gutter.length)}${caret}`;
}

/**
 * `file:line: message`, the excerpt with a caret, and `hint: ...`. `firstLine` is the file line of
 * the snippet's first written line (1 for a file of its own); line 0 is the line before it.
 */
export function problemText(problem: Problem, file: string, firstLine = 1): string {
  const fileLine = firstLine + problem.line - 1;
  const where = fileLine >= 1 ? `${file}:${fileLine}` : file;
  const excerpt =
    problem.excerpt !== undefined
      ? `\n${caretExcerpt(fileLine, problem.excerpt, problem.column, problem.endColumn)}`
      : '';
  return `${where}: ${problem.message}${excerpt}\nhint: ${problem.hint}`;
}
