// code-to-diagram: the one orchestration every surface shares. Written source and checked options
// -> notes and `# @predict` questions out -> trace (through the simulator handle given at the edge) -> outcome check ->
// chosen
// step -> layout -> checked exercises -> SVG, or the problems that stopped it. Environment-free: no files, no Node.
import { checkPredictions } from '../exercises/check-predictions.ts';
import { extractPredictions } from '../exercises/extract-predictions.ts';
import type { Exercise, ExerciseProblem } from '../exercises/types.ts';
import { includesStep } from '../layout/step-ranges.ts';
import { traceToLayout } from '../layout/trace-to-layout.ts';
import type { Layout } from '../layout/types.ts';
import { layoutToSvg, type RenderOptions } from '../render/layout-to-svg.ts';
import { chooseStep, outcomeProblems, writtenLine } from './check-outcome.ts';
import { extractNotes } from './extract-notes.ts';
import { stageOptions, type DiagramOptions } from './options/option-table.ts';
import type { Spelling } from './options/read-options.ts';
import type { Problem } from './problems.ts';
import type { Diagram, SimulatorHandle } from './types.ts';

export interface DiagramRequest {
  /** The code as written, `# @note` comments included. */
  written: string;
  options: DiagramOptions;
  /** How the surface spells options, for the hints of its problems. */
  spelling: Spelling;
  simulator: SimulatorHandle;
  /** Render options the surface fills in where the diagram options say nothing (id prefix, title). */
  renderDefaults?: Pick<RenderOptions, 'idPrefix' | 'title'>;
  timeoutMs?: number;
  /** The snippet's file, only for Python's messages. */
  filename?: string;
  /**
   * Pages refuse a chosen step after the first question (its answer would show before it is
   * asked); a speaker's slide of one step may show any step.
   */
  anyStep?: boolean;
  /** Pages show the legend and notes in HTML (they wrap with the column): the picture leaves them out. */
  htmlLegend?: boolean;
}

export type DiagramOutcome = { ok: true; diagram: Diagram } | { ok: false; problems: Problem[] };

export async function codeToDiagram(request: DiagramRequest): Promise<DiagramOutcome> {
  const { options, spelling } = request;
  const noted = extractNotes(request.written);
  const asked = extractPredictions(noted.code);
  const snippet = { ...noted, code: asked.code };
  const writtenLines = request.written.split(/\r?\n/);
  /** A line of the shown code as the author wrote it: its written line number and text. */
  const written = (codeLine: number) => ({
    line: writtenLine(snippet, codeLine),
    excerpt: writtenLines[writtenLine(snippet, codeLine) - 1] ?? '',
  });
  const asProblem = (p: ExerciseProblem): Problem => ({ ...p, ...written(p.line) });
  if (asked.problems.length) return { ok: false, problems: asked.problems.map(asProblem) };
  if (snippet.code.trim() === '') {
    return {
      ok: false,
      problems: [
        { kind: 'empty', line: 0, message: 'the snippet is empty', hint: 'write some Python in it, e.g. x = [1, 2]' },
      ],
    };
  }
  const stages = stageOptions(options);
  const trace = await request.simulator.trace(snippet.code, {
    ...stages.simulate,
    timeoutMs: request.timeoutMs,
    filename: request.filename,
  });
  const problems = outcomeProblems(trace, options, snippet, spelling);
  if (problems.length) return { ok: false, problems };
  const layout = traceToLayout(trace, request.htmlLegend ? { ...stages.layout, legend: false } : stages.layout);
  const checked = checkPredictions(snippet.code, trace, asked.predictions, (id, step) => drawnAt(layout, id, step));
  const undrawn = checked.exercises.flatMap((e) =>
    e.kind === 'pointer' && !drawnAt(layout, e.answer, e.after)
      ? [
          {
            kind: 'exercise' as const,
            line: e.line,
            message: `\`${e.name}\` names ${e.answerWords}, which the diagram does not draw as a box`,
            hint:
              `draw scalars as boxes with ${spelling.say('scalars', 'heap')}, or ask about a name bound ` +
              `to a container`,
          },
        ]
      : [],
  );
  const exerciseProblems = [...checked.problems, ...undrawn].sort((a, b) => a.line - b.line);
  if (exerciseProblems.length) return { ok: false, problems: exerciseProblems.map(asProblem) };
  const first = checked.exercises.reduce<Exercise | undefined>(
    (soonest, e) => (!soonest || e.before < soonest.before ? e : soonest),
    undefined,
  );
  const question = first && { ...written(first.line), before: first.before };
  const shownStep = chooseStep(options.step, trace.steps.length, spelling, question, !request.anyStep);
  if (typeof shownStep !== 'number') return { ok: false, problems: [shownStep] };
  const svg = layoutToSvg(layout, { step: 'all', shownStep, ...request.renderDefaults, ...stages.render });
  const descriptions = layout.steps.map((step) => step.description);
  return {
    ok: true,
    diagram: { snippet, options, trace, layout, shownStep, descriptions, svg, exercises: checked.exercises },
  };
}

/** Whether the layout draws object `id` as a box at `step` (1-based). */
function drawnAt(layout: Layout, id: string, step: number): boolean {
  return layout.objects.some((box) => box.id === id && box.versions.some((v) => includesStep(v.steps, step)));
}

/** One step of a diagram as its own SVG (slides, downloads), with the diagram's render options. */
export function diagramStepSvg(
  diagram: Diagram,
  step: number,
  renderDefaults: Pick<RenderOptions, 'idPrefix' | 'title'> = {},
): string {
  return layoutToSvg(diagram.layout, {
    step,
    standalone: true,
    ...renderDefaults,
    ...stageOptions(diagram.options).render,
  });
}
