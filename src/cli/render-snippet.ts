// `memlane render`, one run: the snippet read, traced by the simulator it is given, drawn (one step or
// all, optionally beside its highlighted source) and written as SVG or PNG (every step in one GIF or PDF:
// all-steps-file.ts); problems worded with flags.
// Loaded while the interpreter starts, so its modules load in parallel with it.
import { basename } from 'node:path';
import {
  codeToDiagram,
  diagramStepSvg,
  flagSpelling,
  problemText,
  type Diagram,
  type SimulatorHandle,
} from '../core/index.ts';
import { answerSentence } from '../page/exercises-to-html.ts';
import { hasSides } from '../compare/split-sides.ts';
import { printError, type CliIo } from './cli-io.ts';
import { readSource, shownName, SourceReadError } from '../node/read-source.ts';
import { codeToSvgPanel } from '../slides/code-to-svg-panel.ts';
import { composeSlide } from '../slides/compose-slide.ts';
import { lineLabel } from '../slides/line-label.ts';
import { codeBackground, slideBackground, slidePalette } from '../slides/slide-backgrounds.ts';
import { allStepFormats, type SlideOptions } from '../slides/slide-options.ts';
import { foldTrace } from '../trace/fold-trace.ts';
import type { Trace } from '../trace/types.ts';
import { RenderFailure, writeDrawings, writeOut, type Drawing } from './write-drawings.ts';

export { stepFileName } from './write-drawings.ts';

function warnUnknownNames(io: CliIo, trace: Trace, hide: string[]): void {
  const names = new Set(trace.steps.flatMap((s) => s.stack.flatMap((f) => f.locals.map(([name]) => name))));
  const unknown = hide.filter((name) => !names.has(name));
  if (unknown.length) printError(io, `memlane render: note: --hide ${unknown.join(',')}: no such name in the snippet`);
}

/** Exercise captions by step: the question on the step before its line, the answer on the step after. */
function exerciseCaptions(diagram: Diagram): Map<number, string> {
  const captions = new Map<number, string>();
  const plain = (text: string) => text.replace(/`/g, '');
  for (const exercise of diagram.exercises) {
    if (!captions.has(exercise.after)) captions.set(exercise.after, `Answer: ${plain(answerSentence(exercise))}`);
    captions.set(exercise.before, `Predict, line ${exercise.line}: ${exercise.question}`);
  }
  return captions;
}

async function drawSteps(
  file: string,
  diagram: Diagram,
  steps: number[],
  options: SlideOptions,
  captions = exerciseCaptions(diagram),
  /** Every code panel as wide as the widest (frames of one animation: the diagram never moves). */
  sameCodeWidth = false,
): Promise<Drawing[]> {
  const { trace, layout } = diagram;
  const theme = options.diagram.theme;
  const name = file === '-' ? '<stdin>' : basename(file);
  const total = trace.steps.length;
  const dark = theme === 'dark';
  const tokens = options.withCode
    ? await (await import('../slides/highlight-code.ts')).highlightPython(diagram.snippet.code, dark ? 'dark' : 'light')
    : undefined;
  const states = foldTrace(trace);
  const textColor = slidePalette(theme).text;
  const panel = (n: number, minWidth = 0) =>
    tokens
      ? codeToSvgPanel({
          tokens,
          currentLine: trace.steps[n - 1]!.line,
          lineLabel: lineLabel(states, n),
          dark,
          background: codeBackground[theme],
          minWidth,
        })
      : undefined;
  const codeWidth = sameCodeWidth ? Math.max(0, ...steps.map((n) => panel(n)?.width ?? 0)) : 0;
  return steps.map((n) => {
    const caption = captions.get(n);
    const step = trace.steps[n - 1]!;
    // The SVG's title says ", step n of total" for a one-step diagram.
    const svg = composeSlide({
      diagram: diagramStepSvg(diagram, n, { title: name, idPrefix: 'ml' }),
      code: panel(n, codeWidth),
      width: options.width ?? undefined,
      background: slideBackground(theme),
      title: `${name}, step ${n} of ${total}${caption ? `. ${caption}` : ''}`,
      description: (
        `The code of ${name} with line ${step.line} marked, beside the memory diagram. ` +
        `${layout.steps[n - 1]?.description ?? ''}`
      ).trim(),
      ...(caption ? { caption: { text: caption, color: textColor } } : {}),
    });
    return { step: n, svg };
  });
}

/**
 * Starts loading what this run's output needs beyond drawing (the font subsetter, resvg for PNG, the highlighter
 * for --with-code), to overlap the interpreter's start.
 */
export function prepareOutput(options: SlideOptions): void {
  if (options.format === 'png') import('../slides/svg-to-png.ts').catch(() => {});
  else if (options.format === 'svg') import('../slides/embed-fonts.ts').catch(() => {});
  else import('./all-steps-file.ts').then((m) => m.prepareAllStepsFile(options.format)).catch(() => {});
  if (options.withCode)
    import('../slides/highlight-code.ts').then((m) => m.highlightPython('', 'light')).catch(() => {});
}

/**
 * Renders the snippet once and reports on stderr: the file written, or the problem (file, line,
 * caret, hint). Returns the exit status. With `startedAt`, the line written says how long it took.
 */
export async function renderSnippet(
  options: SlideOptions,
  io: CliIo,
  simulator: Promise<SimulatorHandle>,
  startedAt?: number,
): Promise<number> {
  try {
    let written: string;
    try {
      written = await readSource(options.file, io);
    } catch (error) {
      if (error instanceof SourceReadError) throw new RenderFailure(error.message, 2, error.hint);
      throw error;
    }
    if (options.files.length > 1 || hasSides(written)) {
      const { renderComparison } = await import('./render-comparison.ts');
      return await renderComparison(options, io, simulator, startedAt, written);
    }
    const name = shownName(options.file);
    const outcome = await codeToDiagram({
      written,
      options: options.diagram,
      spelling: flagSpelling,
      simulator: await simulator,
      filename: name,
      anyStep: true,
    });
    if (!outcome.ok) {
      const problem = outcome.problems[0]!;
      printError(io, `memlane render: ${problemText(problem, name)}`);
      return problem.kind === 'step' || problem.kind === 'option' ? 2 : 1;
    }
    const { diagram } = outcome;
    const total = diagram.trace.steps.length;
    warnUnknownNames(io, diagram.trace, options.diagram.hide);
    // Read once the file is made, so the time includes drawing and encoding.
    const took = () => (startedAt === undefined ? '' : ` in ${Math.round(performance.now() - startedAt)} ms`);
    if (allStepFormats.has(options.format)) {
      // GIF and PDF: every step in one file (src/cli/all-steps-file.ts).
      const { allStepsFile } = await import('./all-steps-file.ts');
      const file = await allStepsFile(diagram, options, (steps, captions) =>
        drawSteps(options.file, diagram, steps, { ...options, width: null }, captions, true),
      );
      await writeOut(io, file.data, options, file.summary, took());
      return 0;
    }
    const steps = options.allSteps ? Array.from({ length: total }, (_, i) => i + 1) : [diagram.shownStep];
    const drawings = await drawSteps(options.file, diagram, steps, options);
    await writeDrawings(io, drawings, total, options, took());
    return 0;
  } catch (error) {
    if (error instanceof RenderFailure) {
      printError(io, `memlane render: ${error.message}${error.hint ? `\nhint: ${error.hint}` : ''}`);
      return error.exitCode;
    }
    throw error;
  }
}
