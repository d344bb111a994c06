// A reader's failed run in words: limits say what to change in the code, never an author's option or
// flag; other errors keep the line, the Python error and a caret under what Python points at.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runProblemText } from '../../components/live/run-problem.ts';
import {
  defaultDiagramOptions,
  extractNotes,
  fenceSpelling,
  outcomeProblems,
  type Problem,
} from '../../src/core/index.ts';
import type { Trace, TraceError } from '../../src/trace/types.ts';

const code = 'n = 0\nwhile True:\n    n += 1';
function problemOf(error: TraceError, source = code): Problem {
  const trace: Trace = { format: 'memlane-trace', version: 1, python: '3.14.2', source, stdout: '', error, steps: [] };
  return outcomeProblems(trace, defaultDiagramOptions, extractNotes(source), fenceSpelling)[0]!;
}
const authorWords = /--max|max-steps|maxSteps|maxMemory|max-memory|--timeout|maxOutput|=N\b/;

describe("a reader's failed run", () => {
  it('a limit names what the reader can change, with the limit in numbers, and no option or flag', () => {
    const steps = runProblemText(
      problemOf({
        type: 'StepLimitError',
        message: 'the snippet ran more than 1000 steps (the step limit, --max-steps / max-steps=N)',
        line: 3,
      }),
      defaultDiagramOptions,
      10_000,
    );
    assert.match(
      steps,
      /^Line 3: This run took more than 1,000 steps: shorten the loop or run fewer iterations\.\n {2}3 \| {5}n \+= 1\n/,
    );
    const memory = runProblemText(
      problemOf({
        type: 'MemoryLimitError',
        message: "the snippet's heap grew past 64 MiB (the memory limit, --max-memory / maxMemoryMb)",
        line: 3,
      }),
      { ...defaultDiagramOptions, maxMemory: 64 },
      10_000,
    );
    assert.match(memory, /This run used more than 64 MB of memory: build smaller data\./);
    const time = runProblemText(
      problemOf({
        type: 'TimeLimitError',
        message: 'the snippet ran longer than 10000 ms (the time limit, --timeout)',
        line: 2,
      }),
      defaultDiagramOptions,
      10_000,
    );
    assert.match(time, /This run took longer than 10 seconds/);
    const output = runProblemText(
      problemOf({
        type: 'OutputLimitError',
        message: 'the snippet printed more than 100000 characters (the output limit, --max-output / maxOutput)',
        line: 3,
      }),
      defaultDiagramOptions,
      10_000,
    );
    assert.match(output, /This run printed more than 100,000 characters: print less\./);
    for (const text of [steps, memory, time, output]) assert.doesNotMatch(text, authorWords);
  });

  it('a Python error keeps its type and message, with carets under the columns Python gives', () => {
    const source = 'count = 3\ntotal = count + cuont';
    const text = runProblemText(
      problemOf(
        { type: 'NameError', message: "name 'cuont' is not defined", line: 2, column: 17, endColumn: 22 },
        source,
      ),
      defaultDiagramOptions,
      10_000,
    );
    assert.equal(
      text,
      `Line 2: NameError: name 'cuont' is not defined\n  2 | total = count + cuont\n${' '.repeat(6 + 16)}^^^^^`,
    );
  });

  it('a NameError names what the snippet most likely meant, from the names its frames bind', () => {
    const source = 'shopping = ["eggs"]\nshoping.append("milk")';
    const step = (line: number, locals: [string, { ref: string }][]) => ({
      event: 'line' as const,
      line,
      stdout: 0,
      stack: [{ id: 'f1', name: '<module>', line, locals }],
      heap: {},
    });
    const trace: Trace = {
      format: 'memlane-trace',
      version: 1,
      python: '3.14.2',
      source,
      stdout: '',
      steps: [step(1, []), step(2, [['shopping', { ref: 'o1' }]])],
      error: { type: 'NameError', message: "name 'shoping' is not defined", line: 2, column: 1, endColumn: 8 },
    };
    const problem = outcomeProblems(trace, defaultDiagramOptions, extractNotes(source), fenceSpelling)[0]!;
    assert.equal(problem.meant, 'shopping');
    assert.match(
      problem.hint,
      /^did you mean `shopping`\? \(If the snippet is meant to end with this NameError, add raises=NameError\.\)$/,
    );
    assert.match(
      runProblemText(problem, defaultDiagramOptions, 10_000),
      /^Line 2: NameError: name 'shoping' is not defined\. Did you mean `shopping`\?\n/,
    );
    // A builtin misspelt, and a name nothing is near.
    const builtin = { ...trace, error: { ...trace.error!, message: "name 'pritn' is not defined" } };
    assert.equal(
      outcomeProblems(builtin, defaultDiagramOptions, extractNotes(source), fenceSpelling)[0]!.meant,
      'print',
    );
    const far = { ...trace, error: { ...trace.error!, message: "name 'basket' is not defined" } };
    assert.equal(outcomeProblems(far, defaultDiagramOptions, extractNotes(source), fenceSpelling)[0]!.meant, undefined);
  });
});
