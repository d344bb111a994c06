// code-to-compare: a compare fence's body -> its sides, each through the one orchestration
// (codeToDiagram) with the fence's options and its own -> moments aligned by shared lines -> what
// differs at each moment -> each side's SVG showing the shown moment. Environment-free.
import { chooseStep } from '../core/check-outcome.ts';
import { codeToDiagram, type DiagramRequest } from '../core/code-to-diagram.ts';
import { readFenceMeta } from '../core/options/fence-meta.ts';
import { readDiagramOptions } from '../core/options/read-options.ts';
import type { DiagramOptionName } from '../core/options/option-table.ts';
import type { Problem } from '../core/problems.ts';
import type { Diagram } from '../core/types.ts';
import { layoutToSvg } from '../render/layout-to-svg.ts';
import { stageOptions } from '../core/options/option-table.ts';
import { foldTrace } from '../trace/fold-trace.ts';
import { alignMoments } from './align-moments.ts';
import { differsAt } from './differs-at.ts';
import { markDiffers } from './mark-differs.ts';
import { namePaths } from './name-paths.ts';
import { splitSides } from './split-sides.ts';
import type { CompareSide, Comparison, Moment, WrittenSide } from './types.ts';

export interface CompareRequest extends Omit<DiagramRequest, 'written' | 'anyStep'> {
  /** The fence body as written: `# @side` lines, notes and questions included. */
  written: string;
  /** A speaker's slide may show any moment; pages refuse one after the first question. */
  anyStep?: boolean;
}

export type CompareOutcome = { ok: true; comparison: Comparison } | { ok: false; problems: Problem[] };

/** Options that belong to the whole figure, not to one side's run. */
const figureOptions: DiagramOptionName[] = ['id', 'title', 'step', 'theme', 'editable'];

export async function codeToCompare(request: CompareRequest): Promise<CompareOutcome> {
  const split = splitSides(request.written);
  if (!split.ok) return split;
  const sides: CompareSide[] = [];
  for (const [index, side] of split.sides.entries()) {
    const options = sideOptions(side, request);
    if (!options.ok) return options;
    const outcome = await codeToDiagram({
      ...request,
      written: side.written,
      options: options.options,
      anyStep: true,
      renderDefaults: {
        ...request.renderDefaults,
        idPrefix: `${request.renderDefaults?.idPrefix ?? 'compare'}-s${index + 1}`,
        title: side.label,
      },
    });
    if (!outcome.ok) return { ok: false, problems: outcome.problems.map((p) => inSide(p, side)) };
    sides.push({ label: side.label, diagram: outcome.diagram, firstLine: side.firstLine });
  }
  const moments = momentsOf(sides);
  const question = firstQuestion(sides, moments);
  const shown = chooseStep(request.options.step, moments.length, request.spelling, question, !request.anyStep);
  if (typeof shown !== 'number') {
    // A comparison's steps are its moments.
    const message = shown.message.replace(/the snippet runs (\d+) steps?/, 'the programs run $1 moments together');
    return { ok: false, problems: [{ ...shown, message }] };
  }
  for (const [s, side] of sides.entries()) {
    const step = moments[shown - 1]!.steps[s]!;
    const svg = layoutToSvg(side.diagram.layout, {
      step: 'all',
      shownStep: step,
      ...request.renderDefaults,
      ...stageOptions(side.diagram.options).render,
      // After the fence's options: its `id=` and `title=` name the figure, not each side's picture.
      idPrefix: `${request.renderDefaults?.idPrefix ?? 'compare'}-s${s + 1}`,
      title: side.label,
    });
    side.diagram = { ...side.diagram, shownStep: step, svg: markDiffers(svg, moments[shown - 1]!.marks[s]!) };
  }
  return { ok: true, comparison: { sides, moments, shownMoment: shown } };
}

/** The fence's options with those on the side's `# @side` line. */
function sideOptions(side: WrittenSide, request: CompareRequest) {
  // Each side's picture is titled by its label (its <title> names it for assistive tech).
  const base = { ...request.options, step: 'auto' as const, title: side.label };
  if (!side.meta) return { ok: true as const, options: base };
  const meta = readFenceMeta(`memory ${side.meta}`);
  const sideLine = side.firstLine - 1;
  if (!meta.ok) return { ok: false as const, problems: meta.problems.map((p) => ({ ...p, line: sideLine })) };
  const figureOnly = figureOptions.find((name) => name in meta.raw);
  if (figureOnly) {
    return {
      ok: false as const,
      problems: [
        {
          kind: 'option' as const,
          line: sideLine,
          message: `${request.spelling.say(figureOnly, String(meta.raw[figureOnly]))} belongs to the whole figure`,
          hint: 'write it in the fence meta, not on a `# @side` line',
        },
      ],
    };
  }
  const read = readDiagramOptions(meta.raw, request.spelling, base);
  return read.ok ? read : { ok: false as const, problems: read.problems.map((p) => ({ ...p, line: sideLine })) };
}

/** A side's problem placed in the fence body and named by its side. */
function inSide(problem: Problem, side: WrittenSide): Problem {
  return {
    ...problem,
    line: problem.line >= 1 ? problem.line + side.firstLine - 1 : side.firstLine - 1,
    message: `${side.label}: ${problem.message}`,
    // An option for one side goes on its own `# @side` line (in the fence meta it would hold for every side).
    hint: /raises|max-steps|max-memory/.test(problem.hint)
      ? `${problem.hint} (one side's options go on its \`# @side\` line: \`# @side ${side.label} raises=…\`)`
      : problem.hint,
  };
}

/** Steps aligned by the text of the line each runs, and what differs at each moment. */
export function momentsOf(sides: CompareSide[]): Moment[] {
  const keys = sides.map(({ diagram }) => {
    const lines = diagram.snippet.code.split('\n');
    return diagram.trace.steps.map((step) => `${step.event} ${lines[step.line - 1]?.trim() ?? ''}`);
  });
  const states = sides.map(({ diagram }) => foldTrace(diagram.trace));
  const pathsAt = sides.map(() => new Map<number, ReturnType<typeof namePaths>>());
  const labels = sides.map((side) => side.label);
  return alignMoments(keys).map((steps) => {
    const paths = steps.map((step, s) => {
      const known = pathsAt[s]!.get(step);
      if (known) return known;
      const found = namePaths(states[s]![step - 1]!);
      pathsAt[s]!.set(step, found);
      return found;
    });
    return { steps, ...differsAt(paths, labels) };
  });
}

/** The earliest question of any side, as a moment: the figure opens just before it. */
function firstQuestion(sides: CompareSide[], moments: Moment[]) {
  let first: { line: number; before: number; excerpt: string } | undefined;
  sides.forEach((side, s) => {
    for (const exercise of side.diagram.exercises) {
      const before = momentOf(moments, s, exercise.before);
      if (first && first.before <= before) continue;
      const line = side.diagram.snippet.sourceLines[exercise.line - 1] ?? 1;
      first = {
        line: line + side.firstLine - 1,
        before,
        excerpt: side.diagram.snippet.code.split('\n')[exercise.line - 1] ?? '',
      };
    }
  });
  return first;
}

/** The first moment at which side `s` shows step `step`. */
export function momentOf(moments: Moment[], s: number, step: number): number {
  const index = moments.findIndex((moment) => moment.steps[s] === step);
  return index < 0 ? moments.length : index + 1;
}

export type { Diagram };
