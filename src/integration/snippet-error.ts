// Build errors for snippets: the page file, the line in that file, what went wrong, the offending
// line with a caret, and a hint, so a lesson author can fix it without reading Memlane's code.
import { memoryLimit } from '../simulate/simulate-options.ts';
import type { TraceError } from '../trace/types.ts';
import type { Snippet, SnippetLocation } from './types.ts';

/** Astro prints `loc` and `hint` of thrown errors; the message alone also says everything. */
export class SnippetError extends Error {
  readonly loc: { file: string; line: number; column: number };
  readonly hint: string;
  constructor(file: string, line: number, problem: string, hint: string, excerpt = '') {
    super(`${file}:${line}: ${problem}${excerpt ? `\n${excerpt}` : ''}\nhint: ${hint}`);
    this.name = 'MemlaneSnippetError';
    this.loc = { file, line, column: 1 };
    this.hint = hint;
  }
}

/** Which line of the written snippet (1-based) a line of the run code came from. */
export function writtenLine(snippet: Snippet, codeLine: number | null | undefined): number {
  if (!codeLine || codeLine < 1) return 1;
  return snippet.sourceLines[Math.min(codeLine, snippet.sourceLines.length) - 1] ?? 1;
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

const limitHints: Record<string, (error: TraceError) => string> = {
  StepLimitError: () => 'the snippet ran more steps than allowed: shorten its loops, or raise the limit with max-steps=N in the fence',
  TimeLimitError: () => 'the snippet ran too long (an endless loop?): make it finish quickly',
  OutputLimitError: () => 'the snippet printed too much: print less',
  RecursionError: () => 'the recursion never stops: add a base case, or add raises=RecursionError if that is the point',
  MemoryError: () => 'the snippet allocated too much memory: use smaller data',
  MemoryLimitError: () => `the snippet's heap grew past the memory limit: ${memoryLimit.hint}`,
  SyntaxError: () => 'fix the Python syntax at the caret',
  IndentationError: () => 'fix the indentation at the caret (mixing tabs and spaces?)',
};

/** The error for a trace that stopped on a Python error the author did not expect. */
export function unexpectedTraceError(error: TraceError, snippet: Snippet, location: SnippetLocation, expected: string | null): SnippetError {
  const fileLine = location.firstLine + writtenLine(snippet, error.line) - 1;
  const codeText = snippet.code.split('\n')[(error.line ?? 1) - 1] ?? '';
  const column = typeof error.column === 'number' ? error.column : typeof error.offset === 'number' ? error.offset : undefined;
  const excerpt = caretExcerpt(fileLine, codeText, column);
  const hint = limitHints[error.type]?.(error)
    ?? (expected
      ? `the fence says raises=${expected}, but the snippet raised ${error.type}: fix the code or write raises=${error.type}`
      : `if the snippet is meant to end with this exception, add raises=${error.type} to the fence (or as a prop of <MemoryDiagram>)`);
  return new SnippetError(location.file, fileLine, `the Python snippet failed: ${error.type}: ${error.message}`, hint, excerpt);
}
