// `memlane render`: a snippet's memory diagram as SVG or PNG for slides, one step or all of them,
// optionally with the highlighted source beside it. Files and the simulator are touched only here.
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Layout } from '../layout/types.ts';
import { palettes } from '../render/themes.ts';
import { parseSlideOptions, SlideOptionError, type SlideOptions } from '../slides/slide-options.ts';
import { describeSnippetFailure } from '../slides/snippet-failure.ts';
import { foldTrace } from '../trace/fold-trace.ts';
import type { Trace } from '../trace/types.ts';
import type { Command } from './main.ts';

const usage = `Usage: memlane render FILE.py [options]

Draws the memory diagram of a Python snippet, run in real CPython, as SVG or PNG.
FILE.py can be - to read the snippet from standard input. Missing output directories are created.

Output:
  -o, --out FILE        write the last step (or --step N) to FILE (.svg or .png); SVG goes to stdout without -o
  --step N              the step to draw: a number from 1, first or last (default last)
  --all-steps           write every step, with --out-dir DIR: DIR/step-1.svg, DIR/step-2.svg, ...
  --out-dir DIR         the directory for --all-steps (created if missing)
  --format svg|png      the file format (default: from -o's extension, else svg)
  --scale N             PNG pixels per SVG pixel, 0.25 to 8 (default 1; 2 for crisp slides)
  --width PX            fit the image to PX pixels wide, keeping its proportions

Drawing:
  --theme light|dark|sketch   colours, or a hand-drawn look (default light)
  --with-code           draw the source beside the diagram, the running line marked
  --scalars heap|inline draw ints, strs, ... as heap objects (default) or inside their slot
  --hide a,b            leave these names out of the diagram

Running:
  --max-steps N         stop after N steps (default 1000)
  --raises TYPE         the snippet is expected to end with this exception (e.g. TypeError)

Exit status: 0 written, 1 the snippet failed in Python, 2 a bad option, file or step.
Examples:
  memlane render aliasing.py -o aliasing.svg
  memlane render aliasing.py --step 3 --with-code --theme dark -o step3.png --scale 2
  memlane render aliasing.py --all-steps --out-dir slides/aliasing --format png --width 1600`;

/** A failure with its exit status: 1 for the snippet, 2 for the command line. */
class RenderFailure extends Error {
  constructor(message: string, readonly exitCode: 1 | 2, readonly hint?: string) {
    super(message);
  }
}

async function readStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function readSnippet(file: string): Promise<string> {
  let bytes: Buffer;
  try {
    bytes = file === '-' ? await readStdin() : await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new RenderFailure(`cannot read ${file}: no such file`, 2, `check the path; it is relative to ${process.cwd()}`);
    if (code === 'EISDIR') throw new RenderFailure(`cannot read ${file}: it is a directory`, 2, 'give one Python file, e.g. memlane render examples/aliasing.py');
    if (code === 'EACCES') throw new RenderFailure(`cannot read ${file}: permission denied`, 2, 'check the file\'s permissions');
    throw new RenderFailure(`cannot read ${file}: ${(error as Error).message}`, 2, 'check the path');
  }
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new RenderFailure(`cannot read ${file}: it is not UTF-8 text`, 2, 'save the snippet as UTF-8 (Python\'s own default for source files)');
  }
}

function checkOutcome(file: string, trace: Trace, expected: string | null): void {
  const { error } = trace;
  if (error && error.type !== expected) {
    throw new RenderFailure(describeSnippetFailure(file, trace.source, error, expected), 1);
  }
  if (!error && expected) {
    throw new RenderFailure(`${file}: --raises says the snippet ends with ${expected}, but it ran to its end`, 1, `make the snippet raise ${expected}, or drop --raises`);
  }
  if (trace.steps.length === 0) {
    throw new RenderFailure(`${file}: nothing to draw: the snippet ran no statements`, 1, 'write at least one statement, e.g. x = [1, 2]');
  }
}

function chosenSteps(file: string, options: SlideOptions, total: number): number[] {
  if (options.allSteps) return Array.from({ length: total }, (_, i) => i + 1);
  if (options.step === 'first') return [1];
  if (options.step === 'last') return [total];
  if (options.step > total) {
    throw new RenderFailure(`step ${options.step} is out of range: ${file} runs ${total} step${total === 1 ? '' : 's'} (1..${total})`, 2, `use --step with a number from 1 to ${total}, or --all-steps`);
  }
  return [options.step];
}

function warnUnknownNames(trace: Trace, hide: string[]): void {
  const names = new Set(trace.steps.flatMap((s) => s.stack.flatMap((f) => f.locals.map(([name]) => name))));
  const unknown = hide.filter((name) => !names.has(name));
  if (unknown.length) console.error(`memlane render: note: --hide ${unknown.join(',')}: no such name in the snippet`);
}

/** The code panel keeps its own dark card on dark slides; on light and sketch slides it sits on the page colour. */
const codeBackground: Record<SlideOptions['theme'], string | undefined> = {
  light: palettes.light.background,
  dark: undefined,
  sketch: palettes.sketch.background,
};

interface Drawing {
  step: number;
  svg: string;
}

async function drawSteps(file: string, trace: Trace, layout: Layout, steps: number[], options: SlideOptions): Promise<Drawing[]> {
  const [{ layoutToSvg }, { codeToSvgPanel }, { composeSlide }, { highlightPython }, { lineLabel }] = await Promise.all([
    import('../render/layout-to-svg.ts'),
    import('../slides/code-to-svg-panel.ts'),
    import('../slides/compose-slide.ts'),
    import('../slides/highlight-code.ts'),
    import('../slides/line-label.ts'),
  ]);
  const name = file === '-' ? '<stdin>' : basename(file);
  const total = trace.steps.length;
  const dark = options.theme === 'dark';
  const tokens = options.withCode ? await highlightPython(trace.source, dark ? 'dark' : 'light') : undefined;
  const states = foldTrace(trace);
  return steps.map((n) => {
    const step = trace.steps[n - 1]!;
    // layoutToSvg adds ", step n of total" to the title of a one-step diagram.
    const diagram = layoutToSvg(layout, { step: n, theme: options.theme, standalone: true, title: name, idPrefix: 'ml' });
    const title = `${name}, step ${n} of ${total}`;
    const svg = composeSlide({
      diagram,
      code: tokens ? codeToSvgPanel({ tokens, currentLine: step.line, lineLabel: lineLabel(states, n), dark, background: codeBackground[options.theme] }) : undefined,
      width: options.width ?? undefined,
      background: palettes[options.theme].background,
      title,
      description: `The code of ${name} with line ${step.line} marked, beside the memory diagram. ${layout.steps[n - 1]?.description ?? ''}`.trim(),
    });
    return { step: n, svg };
  });
}

async function encode(svg: string, options: SlideOptions): Promise<{ data: string | Buffer; size: string }> {
  if (options.format === 'svg') return { data: svg, size: '' };
  const { svgToPng } = await import('../slides/svg-to-png.ts');
  const png = svgToPng(svg, { scale: options.scale, background: palettes[options.theme].background });
  return { data: png.data, size: `, ${png.width}×${png.height} px` };
}

/** Removes step-N files of this format left by an earlier, longer run, so the directory holds exactly this run. */
async function removeStaleSteps(dir: string, format: string, total: number): Promise<void> {
  const pattern = new RegExp(`^step-([1-9][0-9]*)\\.${format}$`);
  for (const entry of await readdir(dir)) {
    const match = pattern.exec(entry);
    if (match && Number(match[1]) > total) await rm(join(dir, entry));
  }
}

async function write(drawings: Drawing[], total: number, options: SlideOptions): Promise<void> {
  if (options.allSteps) {
    const dir = options.outDir!;
    try {
      await mkdir(dir, { recursive: true });
    } catch (error) {
      throw new RenderFailure(`cannot create ${dir}: ${(error as Error).message}`, 2, 'choose a directory you can write to');
    }
    for (const drawing of drawings) await writeFile(join(dir, `step-${drawing.step}.${options.format}`), (await encode(drawing.svg, options)).data);
    await removeStaleSteps(dir, options.format, total);
    console.error(`memlane render: wrote ${drawings.length} files to ${dir} (step-1.${options.format} … step-${total}.${options.format})`);
    return;
  }
  const drawing = drawings[0]!;
  const { data, size } = await encode(drawing.svg, options);
  if (!options.out) {
    process.stdout.write(data);
    return;
  }
  try {
    await mkdir(dirname(options.out), { recursive: true });
    await writeFile(options.out, data);
  } catch (error) {
    throw new RenderFailure(`cannot write ${options.out}: ${(error as Error).message}`, 2, 'check that its directory exists and is writable');
  }
  console.error(`memlane render: wrote ${options.out} (step ${drawing.step} of ${total}${size})`);
}

async function run(args: string[]): Promise<number> {
  try {
    const options = parseSlideOptions(args);
    const source = await readSnippet(options.file);
    // The stages load only when there is work for them, so --help and bad options answer at once.
    const { createSimulator } = await import('../simulate/index.ts');
    // The interpreter starts in its own process while this one loads the layout and drawing code.
    const starting = createSimulator();
    starting.catch(() => {}); // awaited below; a failure must not count as unhandled meanwhile
    const [{ traceToLayout }] = await Promise.all([import('../layout/trace-to-layout.ts'), import('../render/layout-to-svg.ts')]);
    const simulator = await starting;
    let trace: Trace;
    try {
      trace = await simulator.trace(source, { maxSteps: options.maxSteps, filename: options.file === '-' ? '<stdin>' : options.file });
    } finally {
      await simulator.close();
    }
    const shownName = options.file === '-' ? '<stdin>' : options.file;
    checkOutcome(shownName, trace, options.raises);
    const steps = chosenSteps(shownName, options, trace.steps.length);
    warnUnknownNames(trace, options.hide);
    const layout = traceToLayout(trace, { scalars: options.scalars, hide: options.hide });
    await write(await drawSteps(options.file, trace, layout, steps, options), trace.steps.length, options);
    return 0;
  } catch (error) {
    if (error instanceof SlideOptionError) {
      console.error(`memlane render: ${error.message}\nhint: ${error.hint}\n(run "memlane render --help" for every option)`);
      return 2;
    }
    if (error instanceof RenderFailure) {
      console.error(`memlane render: ${error.message}${error.hint ? `\nhint: ${error.hint}` : ''}`);
      return error.exitCode;
    }
    throw error;
  }
}

export const command: Command = {
  summary: 'draw a snippet\'s memory diagram as SVG or PNG, for slides',
  usage,
  run,
};
