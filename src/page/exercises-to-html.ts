// Pure: checked exercises -> their HTML inside a diagram's figure. Without JavaScript each shows its
// question and, in a <details>, the answer; the island reveals "Try it" and the answering controls.
import { escapeMarkup as escape } from '../render/escape-markup.ts';
import { foldTrace } from '../trace/fold-trace.ts';
import type { Trace } from '../trace/types.ts';
import { listWords, objectWords } from '../exercises/object-words.ts';
import type { Exercise } from '../exercises/types.ts';

/** Inline `code` spans of a generated sentence as <code>, the rest escaped. */
const withCode = (text: string) =>
  text
    .split('`')
    .map((part, i) => (i % 2 ? `<code>${escape(part)}</code>` : escape(part)))
    .join('');

/** The answer stated plainly, for the <details> and "Show answer". */
export function answerSentence(exercise: Exercise): string {
  if (exercise.kind === 'output') return `It prints \`${exercise.answer}\`.`;
  if (exercise.kind === 'freed') {
    const freed = exercise.answer.map((id) => exercise.choices[id]!);
    return freed.length === 0 ? 'It frees none of the drawn objects.' : `It frees ${listWords(freed)}.`;
  }
  return `\`${exercise.name}\` names ${exercise.answerIsNew ? 'a new object, ' : ''}${exercise.answerWords}.`;
}

/** In a comparison: the side the questions belong to, and the moment at which it shows a step. */
export interface ExerciseSide {
  index: number;
  label: string;
  moment: (step: number) => number;
}

/**
 * Pre: `exercises` were checked against `trace`; `id` is the figure's page-unique id.
 * Post: one <section data-exercise> per exercise, in order, with ids `id-exercise-N-*`.
 */
export function exercisesToHtml(exercises: Exercise[], trace: Trace, id: string, side?: ExerciseSide): string {
  if (exercises.length === 0) return '';
  const states = foldTrace(trace);
  return `<div class="memlane-exercises">${exercises
    .map((exercise, i) => {
      const base = `${id}-exercise-${i + 1}`;
      const data = [
        `data-exercise="${exercise.kind}"`,
        `data-before="${side ? side.moment(exercise.before) : exercise.before}"`,
        `data-after="${side ? side.moment(exercise.after) : exercise.after}"`,
        ...(side ? [`data-side="${side.index}"`] : []),
        `data-answer="${escape(Array.isArray(exercise.answer) ? exercise.answer.join(' ') : exercise.answer)}"`,
        `data-answer-words="${escape(answerSentence(exercise))}"`,
        `data-explanation="${escape(exercise.explanation)}"`,
      ];
      if (exercise.kind === 'pointer') {
        const heap = states[exercise.before - 1]!.heap;
        const choices = Object.fromEntries([...heap.keys()].map((objectId) => [objectId, objectWords(heap, objectId)]));
        data.push(`data-answer-new="${exercise.answerIsNew}"`, `data-choices="${escape(JSON.stringify(choices))}"`);
      }
      if (exercise.kind === 'freed')
        data.push(
          `data-choices="${escape(JSON.stringify(exercise.choices))}"`,
          `data-reasons="${escape(JSON.stringify(exercise.reasons))}"`,
        );
      const answering = {
        pointer:
          `<span class="memlane-exercise-hint">Pick the object in the diagram, or</span> <button ` +
          `type="button" class="memlane-button" data-exercise-action="new">A new object</button>`,
        output:
          `<label class="memlane-exercise-label">Predicted output <input type="text" ` +
          `class="memlane-exercise-input" autocomplete="off" spellcheck="false"></label> <button ` +
          `type="button" class="memlane-button" data-exercise-action="check">Check</button>`,
        freed:
          `<span class="memlane-exercise-hint">Mark each object in the diagram that the line frees, ` +
          `then</span> <button type="button" class="memlane-button" ` +
          `data-exercise-action="check">Check</button> <button type="button" class="memlane-button" ` +
          `data-exercise-action="none">None of them</button>`,
      }[exercise.kind];
      return [
        `<section class="memlane-exercise" ${data.join(' ')} aria-labelledby="${base}-question">`,
        `<p class="memlane-exercise-question" id="${base}-question"><span ` +
          `class="memlane-exercise-line">Predict, line ${exercise.line}${side ? ` of ${escape(side.label)}` : ''}:` +
          `</span> ${escape(exercise.question)}</p>`,
        `<div class="memlane-exercise-controls" hidden>`,
        `<button type="button" class="memlane-button" data-exercise-action="try">Try it</button>`,
        `<span class="memlane-exercise-answering" hidden>${answering} <button type="button" ` +
          `class="memlane-button" data-exercise-action="show">Show answer</button></span>`,
        `<p class="memlane-exercise-feedback" role="status"></p>`,
        `</div>`,
        `<details class="memlane-exercise-details"><summary>Answer</summary><p>` +
          `${withCode(answerSentence(exercise))} ${withCode(exercise.explanation)}</p></details>`,
        `</section>`,
      ].join('');
    })
    .join('')}</div>`;
}
