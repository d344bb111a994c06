// `memlane render` of a comparison: two or three files (or one file whose code holds `# @side` lines)
// as the sides, through codeToCompare so the moments and the `data-differs` marks are the page's; each
// moment drawn as one picture (sides in labelled columns, what differs marked and said under them);
// a side's problem named by its file, line and caret as a single file's is.
import { basename, extname } from 'node:path';
import { codeToCompare } from '../compare/code-to-compare.ts';
import { markDiffers } from '../compare/mark-differs.ts';
import type { Comparison } from '../compare/types.ts';
import { flagSpelling, problemText, stageOptions, type Problem, type SimulatorHandle } from '../core/index.ts';
import { readSource, shownName, SourceReadError } from '../node/read-source.ts';
import { layoutToSvg } from '../render/layout-to-svg.ts';
import { codeToSvgPanel } from '../slides/code-to-svg-panel.ts';
import { composePair } from '../slides/compose-pair.ts';
import { differsCss } from '../render/differs-css.ts';
import { lineLabel } from '../slides/line-label.ts';
import { codeBackground, slideBackground, slidePalette } from '../slides/slide-backgrounds.ts';
import { allStepFormats, type SlideOptions } from '../slides/slide-options.ts';
import { foldTrace } from '../trace/fold-trace.ts';
import { printError, type CliIo } from './cli-io.ts';
import { RenderFailure, writeDrawings, writeOut, type Drawing } from './write-drawings.ts';

/** One file of a comparison of files: where its code starts in the body handed to codeToCompare. */
interface SideFile {
  file: string;
  label: string;
  /** 1-based line of the body where the file's first line is (its `# @side` line is the one before). */
  firstLine: number;
}

/** The compare body: the code as written, and the files it was made of (none for one file with sides). */
interface ComparedCode {
  body: string;
  files: SideFile[];
}

/** A side's label can be any name but one that reads as an option of the `# @side` line. */
const readsAsOption = /\s[A-Za-z][\w-]*=|^["']|["']$/;

/** Each file's stem (`shallow` for shallow.py), or its whole name if stems collide, or its path if names do. */
export function sideLabels(files: string[]): string[] {
  const unique = (labels: string[]) => new Set(labels).size === labels.length;
  const stems = files.map((file) => basename(file, extname(file)));
  if (unique(stems) && stems.every(Boolean)) return stems;
  const names = files.map((file) => basename(file));
  return unique(names) ? names : files;
}

/** The files as one compare body, each opened by a `# @side` line with its label. */
async function readFiles(options: SlideOptions, io: CliIo, firstWritten: string): Promise<ComparedCode> {
  const labels = sideLabels(options.files);
  const parts: string[] = [];
  const files: SideFile[] = [];
  let line = 1;
  for (const [index, file] of options.files.entries()) {
    const written = index === 0 ? firstWritten : await readOrFail(file, io);
    const label = labels[index]!;
    if (/^[ \t]*#[ \t]*@side\b/m.test(written)) {
      throw new RenderFailure(
        `${file} holds \`# @side\` lines, but with several files each file is one side`,
        2,
        `render ${file} alone (its \`# @side\` lines make the comparison), or remove them`,
      );
    }
    if (readsAsOption.test(` ${label}`)) {
      throw new RenderFailure(
        `cannot label a side "${label}": the name reads as an option of a \`# @side\` line`,
        2,
        'rename the file without "=" or quotes',
      );
    }
    parts.push(`# @side ${label}\n${written}`);
    files.push({ file, label, firstLine: line + 1 });
    line += 1 + written.split(/\r\n|\r|\n/).length;
  }
  return { body: parts.join('\n'), files };
}

async function readOrFail(file: string, io: CliIo): Promise<string> {
  try {
    return await readSource(file, io);
  } catch (error) {
    if (error instanceof SourceReadError) throw new RenderFailure(error.message, 2, error.hint);
    throw error;
  }
}

/** A problem worded with its file: a side's in its own file, the figure's naming every file. */
function problemOf(problem: Problem, code: ComparedCode, options: SlideOptions): string {
  if (!code.files.length) return problemText(problem, shownName(options.file));
  const side = [...code.files].reverse().find((f) => problem.line >= f.firstLine - 1);
  if (!side) return problemText(problem, options.files.join(' and '));
  const message = problem.message.startsWith(`${side.label}: `)
    ? problem.message.slice(side.label.length + 2)
    : problem.message;
  return problemText({ ...problem, message, line: problem.line - side.firstLine + 1 }, side.file);
}

function warnUnknownNames(io: CliIo, comparison: Comparison, hide: string[]): void {
  const names = new Set(
    comparison.sides.flatMap(({ diagram }) =>
      diagram.trace.steps.flatMap((s) => s.stack.flatMap((f) => f.locals.map(([name]) => name))),
    ),
  );
  const unknown = hide.filter((name) => !names.has(name));
  if (unknown.length) printError(io, `memlane render: note: --hide ${unknown.join(',')}: no such name on any side`);
}

const labelList = (labels: string[]) => `${labels.slice(0, -1).join(', ')} and ${labels.at(-1)}`;

/** Each moment as one picture: the sides at their steps, marked as the page marks them. */
async function drawMoments(comparison: Comparison, moments: number[], options: SlideOptions): Promise<Drawing[]> {
  const { sides } = comparison;
  const theme = options.diagram.theme;
  const dark = theme === 'dark';
  const palette = slidePalette(theme);
  const highlight = options.withCode ? (await import('../slides/highlight-code.ts')).highlightPython : undefined;
  const tokens = sides.map((side) => highlight?.(side.diagram.snippet.code, dark ? 'dark' : 'light'));
  const states = sides.map((side) => foldTrace(side.diagram.trace));
  const labels = sides.map((side) => side.label);
  const total = comparison.moments.length;
  return moments.map((n) => {
    const moment = comparison.moments[n - 1]!;
    const drawn = sides.map((side, s) => {
      const { diagram } = side;
      const step = moment.steps[s]!;
      // The side's own label and ids come last: figure options (--title, --id) must not name both sides alike.
      const svg = layoutToSvg(diagram.layout, {
        step,
        standalone: true,
        ...stageOptions(diagram.options).render,
        idPrefix: `ml-s${s + 1}`,
        title: side.label,
      });
      return {
        label: side.label,
        diagram: markDiffers(svg, moment.marks[s]!),
        description: diagram.layout.steps[step - 1]?.description ?? '',
        code: tokens[s]
          ? codeToSvgPanel({
              tokens: tokens[s],
              currentLine: diagram.trace.steps[step - 1]!.line,
              lineLabel: lineLabel(states[s]!, step),
              dark,
              background: codeBackground[theme],
            })
          : undefined,
      };
    });
    const title = `${options.diagram.title ?? `Compare ${labelList(labels)}`}, moment ${n} of ${total}`;
    const svg = composePair({
      sides: drawn,
      sentence: moment.sentence,
      width: options.width ?? undefined,
      background: slideBackground(theme),
      colors: { text: palette.text, muted: palette.muted, rule: palette.rule, differs: palette.differs },
      differsStyle: differsCss(theme),
      title,
      description: [moment.sentence, ...drawn.map((side) => `${side.label}: ${side.description}`)]
        .filter(Boolean)
        .join(' '),
    });
    return { step: n, svg };
  });
}

/** Every moment in one GIF (a frame each) or PDF (a page each: the pair, the sentence, each side's state). */
async function momentsFile(comparison: Comparison, drawings: Drawing[], options: SlideOptions) {
  const { slidesToGif, pagesToPdf } = await import('./all-steps-file.ts');
  if (options.format === 'gif')
    return slidesToGif(
      drawings.map((drawing) => drawing.svg),
      options,
    );
  const labels = labelList(comparison.sides.map((side) => side.label));
  const total = comparison.moments.length;
  const pages = drawings.map(({ step, svg }) => {
    const moment = comparison.moments[step - 1]!;
    const states = comparison.sides.map(
      (side, s) => `${side.label}: ${side.diagram.descriptions[moment.steps[s]! - 1] ?? ''}`,
    );
    return {
      svg,
      heading: `${labels}: moment ${step} of ${total}`,
      ...(moment.sentence ? { note: moment.sentence.replace(/`/g, '') } : {}),
      description: states.join(' '),
    };
  });
  const data = await pagesToPdf(pages, options, `Compare ${labels}`);
  return { data, summary: `${pages.length} pages, one per moment` };
}

/**
 * Renders the comparison once and reports on stderr, as renderSnippet does for one file. `firstWritten`
 * is the first file's code, already read; with one file it holds the `# @side` lines.
 */
export async function renderComparison(
  options: SlideOptions,
  io: CliIo,
  simulator: Promise<SimulatorHandle>,
  startedAt: number | undefined,
  firstWritten: string,
): Promise<number> {
  try {
    const code: ComparedCode =
      options.files.length > 1 ? await readFiles(options, io, firstWritten) : { body: firstWritten, files: [] };
    const outcome = await codeToCompare({
      written: code.body,
      options: options.diagram,
      spelling: flagSpelling,
      simulator: await simulator,
      ...(code.files.length ? {} : { filename: shownName(options.file) }),
      anyStep: true,
    });
    if (!outcome.ok) {
      const problem = outcome.problems[0]!;
      printError(io, `memlane render: ${problemOf(problem, code, options)}`);
      return problem.kind === 'step' || problem.kind === 'option' ? 2 : 1;
    }
    const { comparison } = outcome;
    warnUnknownNames(io, comparison, options.diagram.hide);
    const total = comparison.moments.length;
    const every = Array.from({ length: total }, (_, i) => i + 1);
    const took = () => (startedAt === undefined ? '' : ` in ${Math.round(performance.now() - startedAt)} ms`);
    if (allStepFormats.has(options.format)) {
      const file = await momentsFile(comparison, await drawMoments(comparison, every, options), options);
      await writeOut(io, file.data, options, file.summary, took());
      return 0;
    }
    const drawings = await drawMoments(comparison, options.allSteps ? every : [comparison.shownMoment], options);
    await writeDrawings(io, drawings, total, options, took(), 'moment');
    return 0;
  } catch (error) {
    if (error instanceof RenderFailure) {
      printError(io, `memlane render: ${error.message}${error.hint ? `\nhint: ${error.hint}` : ''}`);
      return error.exitCode;
    }
    throw error;
  }
}
