// The one outcome check: a snippet must run at least one step and to its end, or end with exactly
// the exception `raises` names; a chosen step must exist. Problems are worded in the surface's spelling.
import type { Trace, TraceError } from '../trace/types.ts';
import { editDistance } from './options/edit-distance.ts';
import type { Spelling } from './options/read-options.ts';
import type { DiagramOptions } from './options/option-table.ts';
import type { Problem } from './problems.ts';
import type { Snippet } from './types.ts';

/** Which line of the written snippet (1-based) a line of the run code came from. */
export function writtenLine(snippet: Snippet, codeLine: number | null | undefined): number {
  if (!codeLine || codeLine < 1) return 1;
  return snippet.sourceLines[Math.min(codeLine, snippet.sourceLines.length) - 1] ?? 1;
}

const limitHints: Record<string, (spelling: Spelling) => string> = {
  StepLimitError: ({ say }) =>
    `the snippet ran more steps than allowed: shorten its loops, or raise the limit with ${say('maxSteps', 'N')}`,
  TimeLimitError: () => 'the snippet ran too long (an endless loop?): make it finish quickly',
  OutputLimitError: () => 'the snippet printed too much: print less',
  RecursionError: ({ say }) =>
    `the recursion never stops: add a base case, or add ${say('raises', 'RecursionError')} if that is the point`,
  MemoryError: () => 'the snippet allocated too much memory: use smaller data',
  MemoryLimitError: ({ say }) =>
    `the snippet's heap grew past the memory limit: build smaller data, or raise the limit with ` +
    `${say('maxMemory', 'MB')}`,
  SyntaxError: () => 'fix the Python syntax at the caret',
  IndentationError: () => 'fix the indentation at the caret (mixing tabs and spaces?)',
};

const isLimit = (type: string) => type.endsWith('LimitError') || type === 'MemoryError';

/** The part of the line Python points at: a syntax error's offsets, an exception's instruction (none for a limit). */
function columnsOf(error: TraceError): Pick<Problem, 'column' | 'endColumn'> {
  const column = wholeAbove(error.column, 0);
  if (column === undefined || isLimit(error.type)) return {};
  const endColumn = wholeAbove(error.endColumn, column);
  return endColumn === undefined ? { column } : { column, endColumn };
}

const wholeAbove = (value: unknown, floor: number): number | undefined =>
  typeof value === 'number' && Number.isInteger(value) && value > floor ? value : undefined;

/** Builtins a beginner's snippet most often calls, for "did you mean" after a NameError. */
const commonBuiltins = [
  'print',
  'len',
  'range',
  'list',
  'dict',
  'set',
  'tuple',
  'str',
  'int',
  'float',
  'bool',
  'sorted',
  'sum',
  'min',
  'max',
  'enumerate',
  'zip',
  'isinstance',
  'id',
  'type',
  'input',
  'abs',
  'round',
  'map',
  'filter',
  'reversed',
  'iter',
  'next',
  'object',
  'super',
  'True',
  'False',
  'None',
];

/** Whether `b` is `a` with two neighbouring characters swapped (`pritn`, `print`): one slip of the fingers. */
function swapsTwo(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  const differ = [...a].flatMap((char, i) => (char === b[i] ? [] : [i]));
  return (
    differ.length === 2 &&
    differ[1] === differ[0]! + 1 &&
    a[differ[0]!] === b[differ[1]!] &&
    a[differ[1]!] === b[differ[0]!]
  );
}

/**
 * For a NameError, the name the snippet most likely meant: one its frames bind at some step, or a
 * common builtin, a few edits away (the hint CPython prints as "Did you mean"). Read from the trace,
 * so no code of the snippet's runs to find it.
 */
export function meantName(error: TraceError, trace: Trace): string | undefined {
  const missing = error.type === 'NameError' ? /^name '([^']+)' is not defined/.exec(error.message)?.[1] : undefined;
  if (!missing) return undefined;
  const bound = new Set(
    trace.steps.flatMap((step) => step.stack.flatMap((frame) => frame.locals.map(([name]) => name))),
  );
  const near = [...bound, ...commonBuiltins]
    .filter((name) => name !== missing)
    .map((name) => ({ name, distance: swapsTwo(missing, name) ? 1 : editDistance(missing, name) }))
    .filter(({ name, distance }) => distance <= Math.max(1, Math.floor(Math.max(missing.length, name.length) / 3)))
    .sort((a, b) => a.distance - b.distance || a.name.localeCompare(b.name));
  return near[0]?.name;
}

/** A Python error the options did not expect. */
function unexpectedError(
  error: TraceError,
  snippet: Snippet,
  expected: string | null,
  spelling: Spelling,
  trace: Trace,
): Problem {
  const { say } = spelling;
  const meant = meantName(error, trace);
  const hint =
    limitHints[error.type]?.(spelling) ??
    (meant
      ? `did you mean \`${meant}\`? (If the snippet is meant to end with this NameError, add ` +
        `${say('raises', error.type)}.)`
      : undefined) ??
    (expected
      ? `${say('raises', expected)} says the snippet ends with ${expected}, but it raised ${error.type}: ` +
        `fix the code or write ${say('raises', error.type)}`
      : `if the snippet is meant to end with this exception, add ${say('raises', error.type)}`);
  return {
    kind: isLimit(error.type) ? 'limit' : 'python',
    line: writtenLine(snippet, error.line),
    ...columnsOf(error),
    pythonError: error.type,
    ...(meant && { meant }),
    message: `the Python snippet failed: ${error.type}: ${error.message}`,
    hint,
    excerpt: snippet.code.split('\n')[(error.line ?? 1) - 1] ?? '',
  };
}

export function outcomeProblems(
  trace: Trace,
  options: DiagramOptions,
  snippet: Snippet,
  spelling: Spelling,
): Problem[] {
  const { error } = trace;
  const { say } = spelling;
  if (error && error.type !== options.raises) return [unexpectedError(error, snippet, options.raises, spelling, trace)];
  if (!error && options.raises) {
    const lines = snippet.code.split('\n');
    return [
      {
        kind: 'outcome',
        line: writtenLine(snippet, lines.length),
        message:
          `${say('raises', options.raises)} says the snippet ends with ${options.raises}, but it ran ` +
          `to its end without an exception`,
        hint: `make the code raise ${options.raises}, or drop ${say('raises', options.raises)}`,
        excerpt: lines[lines.length - 1] ?? '',
      },
    ];
  }
  if (trace.steps.length === 0)
    return [
      {
        kind: 'outcome',
        line: 0,
        message: 'the snippet ran no steps',
        hint: 'write at least one statement, e.g. x = [1, 2]',
      },
    ];
  return [];
}

/** The first question a diagram asks: its line as written, and the step just before that line runs. */
export interface FirstQuestion {
  line: number;
  before: number;
  excerpt: string;
}

/**
 * The 1-based step `step` chooses, or the problem of a step past the end or past the first question.
 * `auto` is the last step, or the step just before the first question: a diagram asks before it shows.
 * With `askFirst`, a chosen step after the first question is a problem too.
 */
export function chooseStep(
  step: DiagramOptions['step'],
  total: number,
  spelling: Spelling,
  question?: FirstQuestion,
  askFirst = true,
): number | Problem {
  if (step === 'auto') return question ? question.before : total;
  if (step === 'first') return 1;
  const chosen = step === 'last' ? total : step;
  if (chosen > total) {
    return {
      kind: 'step',
      line: 0,
      message:
        `${spelling.say('step', String(step))} is out of range: the snippet runs ${total} step` +
        `${total === 1 ? '' : 's'} (1..${total})`,
      hint: `use ${spelling.say('step', 'last')} or a number from 1 to ${total}`,
    };
  }
  if (askFirst && question && chosen > question.before) {
    return {
      kind: 'step',
      line: question.line,
      excerpt: question.excerpt,
      message:
        `${spelling.say('step', String(step))} shows step ${chosen}, after this line's \`# ` +
        `@predict\` question: its answer would be on screen before it is asked`,
      hint:
        `drop ${spelling.say('step', String(step))} (a diagram with questions opens at step ` +
        `${question.before}, just before the first), or choose a step from 1 to ${question.before}`,
    };
  }
  return chosen;
}
