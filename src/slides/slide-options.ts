// `memlane render` options: argv read by node:util parseArgs from flags made from the option table
// (the diagram options, spelt --max-steps, ...) plus the output flags of slides; values checked by
// the same schemas as fences, so both accept exactly the same things with the same hints.
import { extname } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { joinNegativeValues } from '../core/options/negative-values.ts';
import { z } from 'zod';
import {
  cliDefaultOptions,
  cliOptionNames,
  optionTable,
  type DiagramOptionName,
  type DiagramOptions,
} from '../core/options/option-table.ts';
import { flagSpelling, nearestNames, readDiagramOptions } from '../core/options/read-options.ts';
import { MAX_SIDES } from '../compare/split-sides.ts';

export type SlideFormat = 'svg' | 'png' | 'gif' | 'pdf';

/** Formats that hold every step in one file: an animation, a handout. */
export const allStepFormats: ReadonlySet<SlideFormat> = new Set(['gif', 'pdf']);

export interface SlideOptions {
  /** The first (or only) program; `files[0]`. */
  file: string;
  /** Every program given: one, or two or three sides of a comparison drawn in one picture. */
  files: string[];
  /** Output file; SVG goes to stdout when absent. */
  out: string | null;
  /** With allSteps: the directory that receives step-01.svg, step-02.svg, ... */
  outDir: string | null;
  allSteps: boolean;
  format: SlideFormat;
  scale: number;
  /** GIF: how long each step stays, ms. */
  delayMs: number;
  withCode: boolean;
  width: number | null;
  /** Render again on every save of `file`. */
  watch: boolean;
  /** The diagram options, as a fence would have them. */
  diagram: DiagramOptions;
}

/** A mistake on the command line; `hint` says what would be accepted. */
export class SlideOptionError extends Error {
  constructor(
    message: string,
    readonly hint: string,
  ) {
    super(message);
    this.name = 'SlideOptionError';
  }
}

const decimal = /^(\d+(\.\d*)?|\.\d+)$/;
/** PNG pixels per SVG pixel unless --scale says otherwise: twice, so text stays crisp on a projector. */
export const DEFAULT_PNG_SCALE = 2;
/** GIF pixels per SVG pixel: once, so --width 1280 makes a 1280 px animation that a slide shows at its size. */
export const DEFAULT_GIF_SCALE = 1;
/** How long a GIF shows each step unless --delay says otherwise, ms: time to read what changed. */
export const DEFAULT_DELAY_MS = 1500;
/**
 * The flags of slides alone (where the output goes and how it is drawn): schema, hint, and for
 * --help the value they take, what they do and their default.
 */
export const outputFlags = {
  out: {
    short: 'o',
    type: 'string',
    value: 'FILE',
    hint: '-o slide.svg, -o slide.png, -o steps.gif or -o handout.pdf',
    does:
      'Write the shown step to FILE, .svg or .png; .gif writes every step as one looping animation, .pdf a ' +
      'handout with a page per step (code, note, description) and a question page before each # @predict ' +
      'answer. Missing directories are created.',
    default: 'SVG to standard output',
  },
  'out-dir': {
    type: 'string',
    value: 'DIR',
    hint: '--out-dir DIR, with --all-steps',
    does: 'The directory --all-steps writes to (created if missing).',
    default: 'none',
  },
  'all-steps': {
    type: 'boolean',
    hint: '--all-steps --out-dir DIR',
    does:
      'Write every step, DIR/step-01.svg, DIR/step-02.svg, ... (numbers zero-padded to the digits of ' +
      'the last step, so names sort in step order; needs --out-dir). A comparison writes every aligned moment.',
    default: 'off: one step',
  },
  format: {
    type: 'string',
    value: 'svg|png|gif|pdf',
    schema: z.enum(['svg', 'png', 'gif', 'pdf']),
    hint: '--format svg, png, gif or pdf',
    does: 'The image format.',
    default: 'from the extension of -o, else svg',
  },
  scale: {
    type: 'string',
    value: 'N',
    schema: z.string().regex(decimal).transform(Number).pipe(z.number().min(0.25).max(8)),
    hint: '--scale 2 renders PNG or GIF pixels at twice the SVG size (0.25 to 8)',
    does: 'PNG or GIF pixels per SVG pixel, 0.25 to 8.',
    default: `${DEFAULT_PNG_SCALE} for PNG, ${DEFAULT_GIF_SCALE} for GIF`,
  },
  delay: {
    type: 'string',
    value: 'MS',
    schema: z
      .string()
      .regex(/^[1-9][0-9]*$/)
      .transform(Number)
      .pipe(z.number().int().min(20).max(60000)),
    hint: '--delay 1200 shows each step of the GIF for 1.2 s (20 to 60000 ms)',
    does: 'How long the GIF shows each step, in ms (20 to 60000; GIF keeps hundredths of a second).',
    default: `${DEFAULT_DELAY_MS}`,
  },
  width: {
    type: 'string',
    value: 'PX',
    schema: z
      .string()
      .regex(/^[1-9][0-9]*$/)
      .transform(Number)
      .pipe(z.number().int().min(100).max(20000)),
    hint: '--width 1600 fits the image to 1600 px wide (100 to 20000)',
    does: 'Fit the image to PX pixels wide (100 to 20000), keeping its proportions.',
    default: "the diagram's own width",
  },
  'with-code': {
    type: 'boolean',
    hint: '--with-code draws the source beside the diagram',
    does:
      'Draw the highlighted source beside the diagram, the running line marked; in a comparison, each ' +
      "side's source above its diagram.",
    default: 'off',
  },
  watch: {
    type: 'boolean',
    hint: '--watch -o slide.svg renders again on every save of FILE.py',
    does:
      'Keep running and render again each time FILE.py (or a side of a comparison) is saved (Ctrl-C ' +
      'stops); a bad edit prints its error and keeps the last good image.',
    default: 'off: render once',
  },
} as const satisfies Record<
  string,
  {
    type: 'string' | 'boolean';
    short?: string;
    value?: string;
    schema?: z.ZodTypeAny;
    hint: string;
    does: string;
    default: string;
  }
>;

const diagramFlags = new Map(cliOptionNames.map((name) => [optionTable[name].fence, name]));
/** Every long flag, without its dashes. */
export const flagNames: string[] = [...diagramFlags.keys(), ...Object.keys(outputFlags)];

const parseConfig: ParseArgsConfig['options'] = {
  ...Object.fromEntries([...diagramFlags.keys()].map((flag) => [flag, { type: 'string' as const }])),
  ...Object.fromEntries(
    Object.entries(outputFlags).map(([flag, spec]) => [
      flag,
      { type: spec.type, ...('short' in spec ? { short: spec.short } : {}) },
    ]),
  ),
};

function unknownFlagError(given: string): SlideOptionError {
  const near = nearestNames(given.replace(/^-+/, '').replace(/=.*$/, ''), flagNames);
  const known = `the options are -o, ${flagNames.map((f) => `--${f}`).join(', ')}`;
  return new SlideOptionError(`unknown option ${given}`, near.length ? `did you mean --${near[0]}? ${known}` : known);
}

function hintOf(flag: string): string {
  const name = diagramFlags.get(flag);
  if (name) return `use ${optionTable[name].hint(flagSpelling.say)}`;
  return (outputFlags as Record<string, { hint: string }>)[flag]?.hint ?? 'run memlane render --help';
}

/** argv -> flag values and the positionals, refusing unknown, repeated and valueless flags. */
function readArgv(args: string[]): { values: Record<string, string | boolean>; files: string[] } {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: joinNegativeValues(args, parseConfig),
      options: parseConfig,
      allowPositionals: true,
      strict: true,
      tokens: true,
    });
  } catch (error) {
    const message = (error as Error).message;
    const code = (error as { code?: string }).code;
    const flag = /'(-[^' ,]+)/.exec(message)?.[1] ?? '';
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') throw unknownFlagError(flag);
    const long = flag.replace(/^-o$/, '--out').replace(/^--/, '');
    if (/does not take an argument/.test(message)) throw new SlideOptionError(`--${long} takes no value`, hintOf(long));
    throw new SlideOptionError(`${flag} needs a value`, hintOf(long));
  }
  const seen = new Set<string>();
  for (const token of parsed.tokens ?? []) {
    if (token.kind !== 'option') continue;
    if (seen.has(token.name)) throw new SlideOptionError(`--${token.name} is given twice`, 'keep one of them');
    seen.add(token.name);
  }
  return { values: parsed.values as Record<string, string | boolean>, files: parsed.positionals };
}

function formatFromPath(path: string): SlideFormat | null | 'unknown' {
  const ext = extname(path).toLowerCase();
  if (ext === '.svg') return 'svg';
  if (ext === '.png') return 'png';
  if (ext === '.gif') return 'gif';
  if (ext === '.pdf') return 'pdf';
  return ext ? 'unknown' : null;
}

function checked<T>(
  flag: keyof typeof outputFlags,
  value: string | undefined,
  schema: z.ZodType<T, z.ZodTypeDef, string>,
): T | undefined {
  if (value === undefined) return undefined;
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new SlideOptionError(`--${flag} "${value}" is not valid`, outputFlags[flag].hint);
  return parsed.data;
}

/** Several files are the sides of one comparison: two or three, each a file of its own. */
function checkSideFiles(files: string[]): void {
  if (files.length === 1) return;
  if (files.length > MAX_SIDES)
    throw new SlideOptionError(
      `a comparison has at most ${MAX_SIDES} sides, got ${files.length} files`,
      'compare two or three programs (memlane render a.py b.py -o pair.svg), or render each file on its own',
    );
  if (files.includes('-'))
    throw new SlideOptionError(
      'standard input cannot be a side of a comparison',
      'save that program to a file, or give one file whose code holds `# @side` lines as -',
    );
  const twice = files.find((file, i) => files.indexOf(file) !== i);
  if (twice) throw new SlideOptionError(`"${twice}" is given twice`, 'compare two different programs');
}

/** Validates argv for `memlane render`; throws SlideOptionError naming the flag and what it accepts. */
export function parseSlideOptions(args: string[]): SlideOptions {
  const { values, files } = readArgv(args);
  if (files.length === 0) throw new SlideOptionError('no FILE.py given', 'memlane render FILE.py -o slide.svg');
  checkSideFiles(files);
  const raw: Partial<Record<DiagramOptionName, string>> = {};
  for (const [flag, name] of diagramFlags) if (typeof values[flag] === 'string') raw[name] = values[flag] as string;
  const read = readDiagramOptions(raw, flagSpelling, cliDefaultOptions);
  if (!read.ok) {
    const name = read.problems[0]!.option as DiagramOptionName;
    throw new SlideOptionError(`--${optionTable[name].fence} "${raw[name]}" is not valid`, read.problems[0]!.hint);
  }
  const out = values.out as string | undefined;
  const outDir = values['out-dir'] as string | undefined;
  const allSteps = values['all-steps'] === true;
  const formatGiven = checked('format', values.format as string | undefined, outputFlags.format.schema);
  const scale = checked('scale', values.scale as string | undefined, outputFlags.scale.schema);
  const width = checked('width', values.width as string | undefined, outputFlags.width.schema);
  const delay = checked('delay', values.delay as string | undefined, outputFlags.delay.schema);
  if (allSteps && raw.step !== undefined)
    throw new SlideOptionError(
      '--step and --all-steps cannot be used together',
      'pick one step with --step N, or write every step with --all-steps --out-dir DIR',
    );
  if (allSteps && !outDir)
    throw new SlideOptionError(
      '--all-steps needs --out-dir DIR',
      'memlane render FILE.py --all-steps --out-dir slides/ writes slides/step-01.svg, slides/step-02.svg, ...',
    );
  const inferred = out ? formatFromPath(out) : null;
  // -o steps.gif --all-steps: the GIF's own words, not those of -o beside --all-steps.
  if (allSteps && inferred && inferred !== 'unknown')
    checkAllStepFormat(inferred, { allSteps, step: undefined, width: undefined, delay: undefined });
  if (allSteps && out)
    throw new SlideOptionError(
      '--all-steps writes one file per step, so -o does not apply',
      'use --out-dir DIR instead of -o',
    );
  if (outDir && !allSteps)
    throw new SlideOptionError('--out-dir is for --all-steps', 'add --all-steps, or write one step with -o FILE');

  if (inferred === 'unknown' && !formatGiven)
    throw new SlideOptionError(
      `cannot tell the format of "${out}" from its extension`,
      'name the file .svg, .png, .gif or .pdf, or add --format svg|png|gif|pdf',
    );
  if (formatGiven && inferred && inferred !== 'unknown' && inferred !== formatGiven) {
    throw new SlideOptionError(
      `-o "${out}" ends in .${inferred} but --format is ${formatGiven}`,
      `name the file .${formatGiven}, or drop --format`,
    );
  }
  const format: SlideFormat = formatGiven ?? (inferred && inferred !== 'unknown' ? inferred : 'svg');
  if (format !== 'svg' && !out && !outDir)
    throw new SlideOptionError(
      `${format.toUpperCase()} output needs a file`,
      `add -o slide.${format} (only SVG can go to standard output)`,
    );
  checkAllStepFormat(format, { allSteps, step: raw.step, width, delay });
  if (scale !== undefined && format !== 'png' && format !== 'gif')
    throw new SlideOptionError(
      '--scale applies to PNG and GIF output',
      'name the output .png or .gif; SVG and PDF scale freely',
    );
  const watch = values.watch === true;
  if (watch && files[0] === '-')
    throw new SlideOptionError(
      '--watch needs a file to watch, not standard input',
      'memlane render snippet.py -o slide.svg --watch',
    );
  if (watch && !out && !outDir)
    throw new SlideOptionError(
      '--watch needs an output file',
      'add -o slide.svg (or --all-steps --out-dir DIR): each save rewrites it',
    );
  if (format !== 'svg' && read.options.theme === 'site')
    throw new SlideOptionError(
      `--theme site follows the viewer's light or dark mode, which a ${format.toUpperCase()} cannot`,
      `use --theme light, --theme dark or --theme sketch for ${format.toUpperCase()}`,
    );
  return {
    file: files[0]!,
    files,
    out: out ?? null,
    outDir: outDir ?? null,
    allSteps,
    format,
    scale: scale ?? (format === 'gif' ? DEFAULT_GIF_SCALE : DEFAULT_PNG_SCALE),
    delayMs: delay ?? DEFAULT_DELAY_MS,
    // A handout page always shows the code it narrates.
    withCode: values['with-code'] === true || format === 'pdf',
    width: width ?? null,
    watch,
    diagram: read.options,
  };
}

/** What a GIF or PDF (every step in one file) cannot be combined with. */
function checkAllStepFormat(
  format: SlideFormat,
  given: { allSteps: boolean; step: string | undefined; width: number | undefined; delay: number | undefined },
): void {
  const name = format.toUpperCase();
  if (allStepFormats.has(format) && given.allSteps)
    throw new SlideOptionError(
      `a ${name} holds every step in one file, so --all-steps does not apply`,
      `drop --all-steps and write -o steps.${format}`,
    );
  if (allStepFormats.has(format) && given.step !== undefined)
    throw new SlideOptionError(
      `a ${name} holds every step, so --step does not apply`,
      `drop --step, or write one step with -o slide.png`,
    );
  if (format === 'pdf' && given.width !== undefined)
    throw new SlideOptionError(
      '--width does not apply to a PDF: each page fits its slide',
      'drop --width, or use it with -o steps.gif or -o slide.png',
    );
  if (given.delay !== undefined && format !== 'gif')
    throw new SlideOptionError('--delay applies to GIF output', 'name the output .gif: -o steps.gif --delay 1200');
}
