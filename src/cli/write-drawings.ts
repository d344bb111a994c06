// `memlane render`'s output: drawings encoded as SVG (fonts embedded) or PNG and written to -o, standard
// output or one file per step in --out-dir; a failure carries its exit status. Shared by one snippet and
// a comparison, whose steps are its aligned moments.
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { slideBackground } from '../slides/slide-backgrounds.ts';
import type { SlideOptions } from '../slides/slide-options.ts';
import { printError, resolveIn, type CliIo } from './cli-io.ts';

/** A failure with its exit status: 1 for the snippet, 2 for the command line. */
export class RenderFailure extends Error {
  constructor(
    message: string,
    readonly exitCode: 1 | 2,
    readonly hint?: string,
  ) {
    super(message);
  }
}

export interface Drawing {
  /** The 1-based step (of a comparison: the moment) drawn. */
  step: number;
  svg: string;
}

async function encode(svg: string, options: SlideOptions): Promise<{ data: string | Buffer; size: string }> {
  // A file travels: it carries the letters it draws of its fonts.
  if (options.format === 'svg') return { data: (await import('../slides/embed-fonts.ts')).embedFonts(svg), size: '' };
  const { svgToPng } = await import('../slides/svg-to-png.ts');
  const png = svgToPng(svg, { scale: options.scale, background: slideBackground(options.diagram.theme) });
  return { data: png.data, size: `, ${png.width}×${png.height} px` };
}

/** A step's file name, zero-padded to the digits of the total so that names sort in step order. */
export function stepFileName(step: number, total: number, format: string): string {
  return `step-${String(step).padStart(String(total).length, '0')}.${format}`;
}

/**
 * Removes step files of this format that this run did not write (a longer or older run's), so the directory holds
 * exactly this run.
 */
async function removeStaleSteps(dir: string, format: string, written: Set<string>): Promise<void> {
  const pattern = new RegExp(`^step-[0-9]+\\.${format}$`);
  for (const entry of await readdir(dir)) {
    if (pattern.test(entry) && !written.has(entry)) await rm(join(dir, entry));
  }
}

/** Writes the drawings where the options say and reports it on stderr; `unit` names what a step is. */
export async function writeDrawings(
  io: CliIo,
  drawings: Drawing[],
  total: number,
  options: SlideOptions,
  took: string,
  unit: 'step' | 'moment' = 'step',
): Promise<void> {
  if (options.allSteps) {
    const dir = resolveIn(io, options.outDir!);
    try {
      await mkdir(dir, { recursive: true });
    } catch (error) {
      throw new RenderFailure(
        `cannot create ${options.outDir}: ${(error as Error).message}`,
        2,
        'choose a directory you can write to',
      );
    }
    const written = new Set<string>();
    for (const drawing of drawings) {
      const name = stepFileName(drawing.step, total, options.format);
      await writeFile(join(dir, name), (await encode(drawing.svg, options)).data);
      written.add(name);
    }
    await removeStaleSteps(dir, options.format, written);
    printError(
      io,
      `memlane render: wrote ${drawings.length} files to ${options.outDir} (` +
        `${stepFileName(1, total, options.format)} … ${stepFileName(total, total, options.format)})${took}`,
    );
    return;
  }
  const drawing = drawings[0]!;
  const { data, size } = await encode(drawing.svg, options);
  await writeOut(io, data, options, `${unit} ${drawing.step} of ${total}${size}`, took);
}

/** One file to -o (or SVG to standard output), then the line that says what was written. */
export async function writeOut(
  io: CliIo,
  data: string | Uint8Array,
  options: SlideOptions,
  what: string,
  took: string,
): Promise<void> {
  if (!options.out) {
    io.stdout.write(data);
    return;
  }
  const out = resolveIn(io, options.out);
  try {
    await mkdir(dirname(out), { recursive: true });
    await writeFile(out, data);
  } catch (error) {
    throw new RenderFailure(
      `cannot write ${options.out}: ${(error as Error).message}`,
      2,
      'check that its directory exists and is writable',
    );
  }
  printError(io, `memlane render: wrote ${options.out} (${what})${took}`);
}
