// The message for a snippet that failed in CPython: file:line, the Python error, the offending line
// with a caret, and a hint that says what to change.
import { memoryLimit } from '../simulate/simulate-options.ts';
import type { TraceError } from '../trace/types.ts';

const limitHints: Record<string, string> = {
  StepLimitError: 'the snippet ran more steps than allowed: shorten its loops, or raise the limit with --max-steps N',
  TimeLimitError: 'the snippet ran too long (an endless loop?): make it finish quickly',
  OutputLimitError: 'the snippet printed too much: print less',
  MemoryError: 'the snippet allocated too much memory: use smaller data',
  MemoryLimitError: `the snippet's heap grew past the memory limit: ${memoryLimit.hint}`,
  SyntaxError: 'fix the Python syntax at the caret',
  IndentationError: 'fix the indentation at the caret (tabs mixed with spaces?)',
};

/** `  3 | x = 1 / 0` with a caret line under the column, or under the whole statement. */
export function lineWithCaret(lineNumber: number, text: string, column?: number): string {
  const gutter = `${lineNumber} | `;
  const shown = text.replace(/\t/g, '    ');
  const indent = shown.length - shown.trimStart().length;
  const caret =
    column !== undefined && column >= 1 && column <= shown.length + 1
      ? `${' '.repeat(column - 1)}^`
      : `${' '.repeat(indent)}${'^'.repeat(Math.max(1, shown.trim().length))}`;
  return `  ${gutter}${shown}\n  ${' '.repeat(gutter.length)}${caret}`;
}

function columnOf(error: TraceError): number | undefined {
  for (const key of ['column', 'offset']) {
    const value = error[key];
    if (typeof value === 'number' && value >= 1) return value;
  }
  return undefined;
}

/** Lines for stderr explaining why `file` failed; `expected` is the --raises type, if any. */
export function describeSnippetFailure(file: string, source: string, error: TraceError, expected: string | null): string {
  const line = error.line ?? null;
  const where = line ? `${file}:${line}` : file;
  const text = line ? source.split(/\r?\n/)[line - 1] : undefined;
  const excerpt = line && text !== undefined ? `\n${lineWithCaret(line, text, columnOf(error))}` : '';
  const hint =
    limitHints[error.type] ??
    (error.type === 'RecursionError' && !expected
      ? 'the recursion never stops: add a base case, or pass --raises RecursionError if that is the point'
      : expected
        ? `--raises says ${expected}, but the snippet raised ${error.type}: fix the code or pass --raises ${error.type}`
        : `if the snippet is meant to end with this exception, pass --raises ${error.type}`);
  return `${where}: the Python snippet failed: ${error.type}: ${error.message}${excerpt}\nhint: ${hint}`;
}
