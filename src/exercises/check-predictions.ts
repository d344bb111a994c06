// Predictions checked against the trace: the steps around each line, its answer and why.
// Pre: `trace` ran `code` (the shown code); predictions came from extractPredictions(code).
// Post: one exercise per prediction, or a problem on the line when the question cannot be asked.
import { foldTrace, type StepState } from '../trace/fold-trace.ts';
import type { Trace } from '../trace/types.ts';
import { explainOutput, explainPointer } from './explain-answer.ts';
import { objectWords } from './object-words.ts';
import { bindsName } from '../core/python-line.ts';
import { explainFreed, referrersOf } from './explain-freed.ts';
import type { Exercise, ExerciseProblem, FreedExercise, Prediction } from './types.ts';

export interface CheckedPredictions {
  exercises: Exercise[];
  problems: ExerciseProblem[];
}

/** Which objects the diagram draws at a step (1-based); by default, every object in the trace's state. */
export type DrawnAt = (objectId: string, step: number) => boolean;

export function checkPredictions(
  code: string,
  trace: Trace,
  predictions: Prediction[],
  drawnAt?: DrawnAt,
): CheckedPredictions {
  const states = foldTrace(trace);
  const drawn: DrawnAt = drawnAt ?? ((id, step) => states[step - 1]?.heap.has(id) ?? false);
  const lines = code.split('\n');
  const exercises: Exercise[] = [];
  const problems: ExerciseProblem[] = [];
  for (const prediction of predictions) {
    const text = lines[prediction.line - 1]!.trim();
    const problem = (message: string, hint: string) =>
      problems.push({ kind: 'exercise', line: prediction.line, message, hint });
    const around = stepsAround(states, prediction.line);
    if (!around) {
      problem(
        `line ${prediction.line} never runs, so its \`# @predict\` cannot be asked`,
        'move the question to a line the program reaches',
      );
      continue;
    }
    if (!around.after) {
      problem(
        `line ${prediction.line} never finishes: it raises or the program stops inside it`,
        'ask about a line that completes; show a line that raises with raises= and a # @note',
      );
      continue;
    }
    const { before, after, frame } = around;
    const question = prediction.wording ?? questions[prediction.kind](prediction.name);
    if (prediction.kind === 'output') {
      // The trace counts stdout in code points.
      const printed = Array.from(trace.stdout).slice(before.step.stdout, after.step.stdout).join('').trim();
      if (printed === '') {
        problem(
          `line ${prediction.line} prints nothing, so \`# @predict output\` has no answer`,
          'put `# @predict output` on a line that prints, or ask where a name will point with `# @predict NAME`',
        );
        continue;
      }
      exercises.push({
        kind: 'output',
        line: prediction.line,
        question,
        before: before.index,
        after: after.index,
        answer: printed,
        explanation: explainOutput(text, printed, before, frame, freedBetween(trace, before.index, after.index)),
      });
      continue;
    }
    if (prediction.kind === 'freed') {
      exercises.push(freedExercise(trace, prediction.line, question, before, after, drawn));
      continue;
    }
    const name = prediction.name!;
    const bound = after.stack.find((f) => f.id === frame)?.locals.find(([n]) => n === name);
    if (!bindsName(text, name) || !bound) {
      const names =
        after.stack
          .find((f) => f.id === frame)
          ?.locals.map(([n]) => n)
          .filter((n) => bindsName(text, n)) ?? [];
      problem(
        `line ${prediction.line} (\`${text}\`) does not bind \`${name}\``,
        names.length
          ? `did you mean \`# @predict ${names[0]}\`?`
          : 'ask about a name the line assigns, e.g. `x = ...  # @predict x`',
      );
      continue;
    }
    const answer = bound[1].ref;
    exercises.push({
      kind: 'pointer',
      line: prediction.line,
      name,
      frame,
      question,
      before: before.index,
      after: after.index,
      answer,
      answerIsNew: !drawn(answer, before.index),
      answerWords: objectWords(after.heap, answer),
      explanation: explainPointer(text, name, answer, before, after, frame),
    });
  }
  return { exercises, problems };
}

const questions: Record<Prediction['kind'], (name?: string) => string> = {
  output: () => 'What will this line print?',
  pointer: (name) => `Where will ${name} point after this line runs?`,
  freed: () => 'Which objects does this line free?',
};

/** The objects drawn before the line are the choices; the answer is those of them CPython frees while it runs. */
function freedExercise(
  trace: Trace,
  line: number,
  question: string,
  before: StepState,
  after: StepState,
  drawn: DrawnAt,
): FreedExercise {
  const choiceIds = [...before.heap.keys()].filter((id) => drawn(id, before.index));
  const freed = new Set(freedBetween(trace, before.index, after.index));
  const answer = choiceIds.filter((id) => freed.has(id));
  const reasons = explainFreed(choiceIds, freed, before, after);
  const unseen = [...freed].filter((id) => !choiceIds.includes(id)).length;
  const temporaries = unseen
    ? ` It also frees ${unseen} object${unseen === 1 ? '' : 's'} the diagram did not draw as a box before ` +
      `the line (made while it ran, or written in a slot).`
    : '';
  // Why, for what the line freed and for what lost a reference yet lives on: the objects a reader weighs.
  const lost = choiceIds.filter((id) => !freed.has(id) && lostReference(id, before, after));
  const told =
    [...answer, ...lost].map((id) => reasons[id]).join(' ') || 'No drawn object loses a reference on this line.';
  return {
    kind: 'freed',
    line,
    question,
    before: before.index,
    after: after.index,
    answer,
    choices: Object.fromEntries(choiceIds.map((id) => [id, objectWords(before.heap, id)])),
    reasons,
    explanation: `${told}${temporaries}`,
  };
}

/** Whether something that referred to `id` before the line no longer does after it. */
function lostReference(id: string, before: StepState, after: StepState): boolean {
  const now = after.heap.has(id) ? referrersOf(after, id) : [];
  return referrersOf(before, id).some((referrer) => !now.includes(referrer));
}

/** The first time `line` runs: the step before it, the step where its frame resumes after it, and that frame. */
function stepsAround(
  states: StepState[],
  line: number,
): { before: StepState; after?: StepState; frame: string } | undefined {
  const start = states.findIndex((s) => s.step.event === 'line' && s.step.line === line);
  if (start < 0) return undefined;
  const before = states[start]!;
  const frame = before.stack.at(-1)!.id;
  const rest = states.slice(start + 1);
  const resumed = rest.findIndex(
    (s) => s.stack.at(-1)?.id === frame && (s.step.event === 'line' || s.step.event === 'return'),
  );
  // An exception passing through the line's own frame means the line did not complete.
  const raised = rest
    .slice(0, resumed < 0 ? rest.length : resumed + 1)
    .some((s) => s.step.event === 'exception' && s.stack.at(-1)?.id === frame);
  const after = resumed < 0 || raised ? undefined : rest[resumed];
  return { before, frame, ...(after ? { after } : {}) };
}

/** Ids CPython deallocated after step `before` up to and including step `after` (both 1-based). */
function freedBetween(trace: Trace, before: number, after: number): string[] {
  return trace.steps.slice(before, after).flatMap((step) => step.freed ?? []);
}
