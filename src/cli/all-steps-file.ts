// `memlane render -o steps.gif | handout.pdf`: every step in one file. The GIF is the slides as frames;
// the PDF a page per step (code, note, description), with a question page before each # @predict answer.
import type { Diagram } from '../core/index.ts';
import { answerSentence } from '../page/exercises-to-html.ts';
import { palettes } from '../render/themes.ts';
import type { SlideFormat, SlideOptions } from '../slides/slide-options.ts';
import type { HandoutPage } from '../slides/slides-to-pdf.ts';
import { parseSvgRoot } from '../slides/svg-root.ts';

/** A step as a slide, as `memlane render` draws it. */
export interface StepSlide {
  step: number;
  svg: string;
}

/** Draws the given steps as slides at their own size (no --width), each with its caption if it has one. */
export type DrawSteps = (steps: number[], captions: Map<number, string>) => Promise<StepSlide[]>;

export interface AllStepsFile {
  data: Uint8Array;
  /** What was written, for the line on stderr: frames or pages, size. */
  summary: string;
}

/** Starts loading the encoder while the interpreter starts. */
export function prepareAllStepsFile(format: SlideFormat): void {
  if (format === 'gif') import('../slides/frames-to-gif.ts').catch(() => {});
  if (format === 'pdf') import('../slides/slides-to-pdf.ts').catch(() => {});
  import('../slides/svg-to-png.ts').catch(() => {});
}

const plain = (text: string) => text.replace(/`/g, '');
const everyStep = (diagram: Diagram) => Array.from({ length: diagram.trace.steps.length }, (_, i) => i + 1);
const paletteOf = (options: SlideOptions) =>
  palettes[options.diagram.theme === 'site' ? 'light' : options.diagram.theme];

/** The answer of each question on the step after its line; the question pages are drawn apart. */
function answerCaptions(diagram: Diagram): Map<number, string> {
  return new Map(diagram.exercises.map((e) => [e.after, `Answer: ${plain(answerSentence(e))}`]));
}

/**
 * Every frame has a caption line, so none is taller than another: the answer to a question on the step after its
 * line, else the step's note, else where the step is.
 */
function frameCaptions(diagram: Diagram): Map<number, string> {
  const answers = answerCaptions(diagram);
  const total = diagram.trace.steps.length;
  return new Map(
    everyStep(diagram).map((step) => {
      const line = diagram.trace.steps[step - 1]!.line;
      return [step, answers.get(step) ?? diagram.snippet.notes.get(line) ?? `Step ${step} of ${total}, line ${line}`];
    }),
  );
}

async function gifFile(diagram: Diagram, options: SlideOptions, draw: DrawSteps): Promise<AllStepsFile> {
  const slides = await draw(everyStep(diagram), frameCaptions(diagram));
  return slidesToGif(
    slides.map((slide) => slide.svg),
    options,
  );
}

/** Slides as the frames of one GIF, at one zoom, so nothing moves or changes size between frames. */
export async function slidesToGif(svgs: string[], options: SlideOptions): Promise<AllStepsFile> {
  const [{ svgsToPixels }, { framesToGif }] = await Promise.all([
    import('../slides/svg-to-png.ts'),
    import('../slides/frames-to-gif.ts'),
  ]);
  const background = paletteOf(options).background;
  // A wider slide is padded.
  const widest = Math.max(...svgs.map((svg) => parseSvgRoot(svg).viewBox[2]));
  const scale = options.scale * (options.width ? options.width / widest : 1);
  const frames = svgsToPixels(svgs, { scale, background });
  const data = framesToGif(frames, { delayMs: options.delayMs, background });
  const width = Math.max(...frames.map((f) => f.width));
  const height = Math.max(...frames.map((f) => f.height));
  return {
    data,
    summary: `${frames.length} frames, ${width}×${height} px, ${Math.round(options.delayMs / 10) * 10} ms each`,
  };
}

/** Pages of a handout as one PDF, in the theme's colours. */
export async function pagesToPdf(pages: HandoutPage[], options: SlideOptions, title: string): Promise<Buffer> {
  const { slidesToPdf } = await import('../slides/slides-to-pdf.ts');
  const palette = paletteOf(options);
  return slidesToPdf(pages, { title, background: palette.background, textColor: palette.text });
}

async function pdfFile(diagram: Diagram, options: SlideOptions, draw: DrawSteps): Promise<AllStepsFile> {
  const { trace, snippet, exercises } = diagram;
  const name = options.file === '-' ? '<stdin>' : (options.file.split(/[\\/]/).pop() ?? options.file);
  const total = trace.steps.length;
  const stepSlides = await draw(everyStep(diagram), answerCaptions(diagram));
  const questions = new Map(exercises.map((e) => [e.before, `Predict, line ${e.line}: ${e.question}`]));
  const questionSlides = new Map(
    (await draw([...questions.keys()], questions)).map((slide) => [slide.step, slide.svg]),
  );
  const pages = stepSlides.flatMap(({ step, svg }) => {
    const line = trace.steps[step - 1]!.line;
    const asked = exercises.filter((e) => e.after === step);
    const questionPages = asked.map((e) => ({
      svg: questionSlides.get(e.before)!,
      heading: `${name}: question, line ${e.line}`,
      note: 'Predict before you turn the page.',
      description: diagram.descriptions[e.before - 1] ?? '',
    }));
    const note = snippet.notes.get(line);
    return [
      ...questionPages,
      {
        svg,
        heading: `${name}: step ${step} of ${total}, line ${line}`,
        ...(note ? { note } : {}),
        description: diagram.descriptions[step - 1] ?? '',
      },
    ];
  });
  const data = await pagesToPdf(pages, options, name);
  const asked = pages.length - stepSlides.length;
  return {
    data,
    summary: `${pages.length} pages: ${stepSlides.length} steps${asked ? ` and ${asked} questions` : ''}`,
  };
}

/** Every step of `diagram` in one GIF or PDF, as `options.format` says. */
export function allStepsFile(diagram: Diagram, options: SlideOptions, draw: DrawSteps): Promise<AllStepsFile> {
  return options.format === 'gif' ? gifFile(diagram, options, draw) : pdfFile(diagram, options, draw);
}
