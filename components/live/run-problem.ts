// A reader's failed run in words: the line, the Python error and a caret, as a build words it. A limit
// says what the reader can change in the code: the author's options and flags (max-steps=N,
// --max-memory) are no use in a reader's hands.
import { caretExcerpt, simulateDefaults, type DiagramOptions, type Problem } from 'memlane/browser';

const count = (n: number) => n.toLocaleString('en-US');
const duration = (ms: number) =>
  ms % 1000 === 0 ? `${count(ms / 1000)} second${ms === 1000 ? '' : 's'}` : `${count(ms)} ms`;

/** Each limit as a reader meets it, by the error's type. */
const limitWords: Record<string, (options: DiagramOptions, timeoutMs: number) => string> = {
  StepLimitError: ({ maxSteps }) =>
    `This run took more than ${count(maxSteps)} steps: shorten the loop or run fewer iterations.`,
  TimeLimitError: (_, timeoutMs) =>
    `This run took longer than ${duration(timeoutMs)}: make it finish sooner (does a loop never end?).`,
  MemoryLimitError: ({ maxMemory }) => `This run used more than ${count(maxMemory)} MB of memory: build smaller data.`,
  OutputLimitError: () => `This run printed more than ${count(simulateDefaults.maxOutput)} characters: print less.`,
  TraceSizeError: () => 'This run recorded too much to draw: run fewer steps or use smaller data.',
};

/** `Line 2: NameError: ...`, the line of code and a caret under what Python points at. */
export function runProblemText(problem: Problem, options: DiagramOptions, timeoutMs: number): string {
  const limit = problem.pythonError !== undefined ? limitWords[problem.pythonError] : undefined;
  const python = problem.message.replace(/^the Python snippet failed: /, '');
  const message = limit
    ? limit(options, timeoutMs)
    : problem.meant
      ? `${python}. Did you mean \`${problem.meant}\`?`
      : python;
  const where = problem.line >= 1 ? `Line ${problem.line}: ` : '';
  const excerpt =
    problem.excerpt !== undefined && problem.line >= 1
      ? `\n${caretExcerpt(problem.line, problem.excerpt, problem.column, problem.endColumn)}`
      : '';
  return `${where}${message}${excerpt}`;
}
