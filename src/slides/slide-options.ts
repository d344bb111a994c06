// `memlane render` options: argv split into raw strings, then validated once against one schema.
// Every rule lives here so the command and its documentation agree on what is accepted.
import { extname } from 'node:path';
import { z } from 'astro/zod';
import { editDistance } from '../hints/edit-distance.ts';

export type SlideTheme = 'light' | 'dark' | 'sketch';
export type SlideFormat = 'svg' | 'png';

export interface SlideOptions {
  file: string;
  /** Output file; SVG goes to stdout when absent. */
  out: string | null;
  /** With allSteps: the directory that receives step-1.svg, step-2.svg, ... */
  outDir: string | null;
  step: number | 'first' | 'last';
  allSteps: boolean;
  theme: SlideTheme;
  format: SlideFormat;
  scale: number;
  withCode: boolean;
  width: number | null;
  scalars: 'heap' | 'inline';
  hide: string[];
  maxSteps: number;
  raises: string | null;
}

/** A mistake on the command line; `hint` says what would be accepted. */
export class SlideOptionError extends Error {
  constructor(message: string, readonly hint: string) {
    super(message);
    this.name = 'SlideOptionError';
  }
}

interface FlagSpec {
  key: keyof SlideOptions;
  takesValue: boolean;
  hint: string;
}

const flags: Record<string, FlagSpec> = {
  '--out': { key: 'out', takesValue: true, hint: '-o slide.svg or -o slide.png' },
  '--out-dir': { key: 'outDir', takesValue: true, hint: '--out-dir DIR, with --all-steps' },
  '--step': { key: 'step', takesValue: true, hint: '--step N (1 is the first step), --step first or --step last' },
  '--all-steps': { key: 'allSteps', takesValue: false, hint: '--all-steps --out-dir DIR' },
  '--theme': { key: 'theme', takesValue: true, hint: '--theme light, --theme dark or --theme sketch' },
  '--format': { key: 'format', takesValue: true, hint: '--format svg or --format png' },
  '--scale': { key: 'scale', takesValue: true, hint: '--scale 2 renders PNG pixels at twice the SVG size (0.25 to 8)' },
  '--with-code': { key: 'withCode', takesValue: false, hint: '--with-code draws the source beside the diagram' },
  '--width': { key: 'width', takesValue: true, hint: '--width 1600 fits the image to 1600 px wide (100 to 20000)' },
  '--scalars': { key: 'scalars', takesValue: true, hint: '--scalars heap (every value an object) or --scalars inline' },
  '--hide': { key: 'hide', takesValue: true, hint: '--hide tmp,i (Python names, comma-separated, no spaces)' },
  '--max-steps': { key: 'maxSteps', takesValue: true, hint: '--max-steps 5000 (a whole number from 1 to 1000000)' },
  '--raises': { key: 'raises', takesValue: true, hint: '--raises TypeError when the snippet is meant to end with that exception' },
};
const shortFlags: Record<string, string> = { '-o': '--out' };

export const flagNames = Object.keys(flags);

const identifier = /^[A-Za-z_][A-Za-z0-9_]*$/;
const positiveInteger = /^[1-9][0-9]*$/;
const decimal = /^(\d+(\.\d*)?|\.\d+)$/;

const rawSchema = z
  .object({
    file: z.string().min(1),
    out: z.string().min(1).optional(),
    outDir: z.string().min(1).optional(),
    step: z.string().regex(/^(first|last|[1-9][0-9]*)$/).optional(),
    allSteps: z.literal(true).optional(),
    theme: z.enum(['light', 'dark', 'sketch']).default('light'),
    format: z.enum(['svg', 'png']).optional(),
    scale: z.string().regex(decimal).transform(Number).pipe(z.number().min(0.25).max(8)).optional(),
    withCode: z.literal(true).optional(),
    width: z.string().regex(positiveInteger).transform(Number).pipe(z.number().int().min(100).max(20000)).optional(),
    scalars: z.enum(['heap', 'inline']).default('heap'),
    hide: z
      .string()
      .transform((list) => list.split(','))
      .pipe(z.array(z.string().regex(identifier)))
      .optional(),
    maxSteps: z.string().regex(positiveInteger).transform(Number).pipe(z.number().int().max(1_000_000)).optional(),
    raises: z.string().regex(/^[A-Za-z_][A-Za-z0-9_.]*$/).optional(),
  })
  .strict();

type RawOptions = Record<string, string | true>;

function flagOf(key: string): string {
  if (key === 'file') return 'FILE';
  return Object.entries(flags).find(([, spec]) => spec.key === key)?.[0] ?? key;
}

/** Splits argv into raw option strings: `--flag value`, `--flag=value`, `-o value`, one FILE. */
export function splitArgs(args: string[]): RawOptions {
  const raw: RawOptions = {};
  const set = (name: string, key: string, value: string | true) => {
    if (key in raw) throw new SlideOptionError(`${name} is given twice`, 'keep one of them');
    raw[key] = value;
  };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg.startsWith('-') && arg !== '-') {
      const [given, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
      const name = shortFlags[given] ?? given;
      const spec = flags[name];
      if (!spec) throw new SlideOptionError(`unknown option ${given}`, suggestFlag(given));
      if (!spec.takesValue) {
        if (inline !== undefined) throw new SlideOptionError(`${name} takes no value`, spec.hint);
        set(name, spec.key, true);
        continue;
      }
      const value = inline ?? args[++i];
      if (value === undefined || (inline === undefined && value.startsWith('--'))) {
        throw new SlideOptionError(`${given} needs a value`, spec.hint);
      }
      set(name, spec.key, value);
    } else {
      if ('file' in raw) throw new SlideOptionError(`one FILE.py at a time, got "${raw.file}" and "${arg}"`, 'render each file with its own command');
      raw.file = arg;
    }
  }
  return raw;
}

function suggestFlag(given: string): string {
  const plain = given.replace(/^-+/, '');
  const close = flagNames.filter((name) => {
    const candidate = name.slice(2);
    return candidate.startsWith(plain) || plain.startsWith(candidate) || editDistance(candidate, plain) <= 2;
  });
  const known = `the options are -o, ${flagNames.join(', ')}`;
  return close.length ? `did you mean ${close.join(' or ')}? ${known}` : known;
}

function formatFromPath(path: string): SlideFormat | null | 'unknown' {
  const ext = extname(path).toLowerCase();
  if (ext === '.svg') return 'svg';
  if (ext === '.png') return 'png';
  return ext ? 'unknown' : null;
}

/** Validates argv for `memlane render`; throws SlideOptionError naming the option and what it accepts. */
export function parseSlideOptions(args: string[]): SlideOptions {
  const raw = splitArgs(args);
  if (!('file' in raw)) throw new SlideOptionError('no FILE.py given', 'memlane render FILE.py -o slide.svg');
  const parsed = rawSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const key = String(issue.path[0] ?? '');
    const flag = flagOf(key);
    const value = raw[key];
    const spec = flags[flag];
    throw new SlideOptionError(
      value === undefined || value === true ? `${flag} is not valid` : `${flag} "${value}" is not valid`,
      spec?.hint ?? 'run memlane render --help',
    );
  }
  const o = parsed.data;
  if (o.allSteps && o.step) throw new SlideOptionError('--step and --all-steps cannot be used together', 'pick one step with --step N, or write every step with --all-steps --out-dir DIR');
  if (o.allSteps && !o.outDir) throw new SlideOptionError('--all-steps needs --out-dir DIR', 'memlane render FILE.py --all-steps --out-dir slides/ writes slides/step-1.svg, slides/step-2.svg, ...');
  if (o.allSteps && o.out) throw new SlideOptionError('--all-steps writes one file per step, so -o does not apply', 'use --out-dir DIR instead of -o');
  if (o.outDir && !o.allSteps) throw new SlideOptionError('--out-dir is for --all-steps', 'add --all-steps, or write one step with -o FILE');

  const inferred = o.out ? formatFromPath(o.out) : null;
  if (inferred === 'unknown' && !o.format) {
    throw new SlideOptionError(`cannot tell the format of "${o.out}" from its extension`, 'name the file .svg or .png, or add --format svg|png');
  }
  if (o.format && inferred && inferred !== 'unknown' && inferred !== o.format) {
    throw new SlideOptionError(`-o "${o.out}" ends in .${inferred} but --format is ${o.format}`, `name the file .${o.format}, or drop --format`);
  }
  const format: SlideFormat = o.format ?? (inferred === 'png' ? 'png' : 'svg');
  if (format === 'png' && !o.out && !o.outDir) throw new SlideOptionError('PNG output needs a file', 'add -o slide.png (only SVG can go to standard output)');
  if (o.scale !== undefined && format !== 'png') throw new SlideOptionError('--scale applies to PNG output', 'add --format png or name the output .png; SVG scales freely');

  return {
    file: o.file,
    out: o.out ?? null,
    outDir: o.outDir ?? null,
    step: o.step === undefined ? 'last' : o.step === 'first' || o.step === 'last' ? o.step : Number(o.step),
    allSteps: o.allSteps ?? false,
    theme: o.theme,
    format,
    scale: o.scale ?? 1,
    withCode: o.withCode ?? false,
    width: o.width ?? null,
    scalars: o.scalars,
    hide: o.hide ?? [],
    maxSteps: o.maxSteps ?? 1000,
    raises: o.raises ?? null,
  };
}
