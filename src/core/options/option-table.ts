// Every diagram option in one table: its name (also the <MemoryDiagram> prop and the memlane()
// default key), fence spelling, CLI flag, zod schema over the written string, default, what it
// accepts (worded by each surface) and what it does, and which stage it configures. Fence meta,
// props, memlane() defaults, `memlane render` flags, the types and the options reference page all
// come from here: adding an option is adding one entry.
import { z } from 'zod';
import { LAYOUT_OPTIONS, type LayoutOptions } from '../../layout/layout-options.ts';
import type { RenderOptions } from '../../render/render-options.ts';
import { memoryLimit, type SimulateOptions } from '../../simulate/simulate-options.ts';

/** How a surface writes an option set to a value: `max-steps=N` in a fence, `--max-steps N` on the command line. */
export type Say = (name: string, value: string) => string;

/** What an option configures in the stages it reaches. */
export interface StageOptions {
  simulate: Pick<SimulateOptions, 'maxSteps' | 'maxMemoryMb'>;
  layout: LayoutOptions;
  render: Pick<RenderOptions, 'theme' | 'title' | 'idPrefix'>;
}

export interface OptionEntry<Value> {
  /** Spelling in a fence's meta (`max-steps=2000`); the CLI flag is `--` and the same. */
  fence: string;
  /** Parses the written string (fence value, flag value, prop as text). */
  schema: z.ZodType<Value, z.ZodTypeDef, string>;
  default: Value;
  /** The CLI's default, where slides differ from pages. */
  cliDefault?: Value;
  /** Only pages have it (fences, props, memlane() defaults): the CLI has no such flag. */
  pagesOnly?: true;
  /** Accepted values, for the reference table. */
  values: string;
  /** What is accepted, in the surface's own spelling. */
  hint: (say: Say) => string;
  /** What it does, for the reference page. */
  does: string;
  /** The part of each stage's options this value sets. */
  into?: (value: Value) => Partial<{ [S in keyof StageOptions]: StageOptions[S] }>;
}

const identifier = '[A-Za-z_][A-Za-z0-9_]*';
const wholeNumber = (max: number) =>
  z
    .string()
    .regex(/^[1-9][0-9]*$/)
    .transform(Number)
    .pipe(z.number().int().max(max));
const orFalse = (schema: z.ZodType<number, z.ZodTypeDef, string>) =>
  z.union([z.literal('false').transform(() => false as const), schema]);
const orNull = (schema: z.ZodType<string, z.ZodTypeDef, string>) =>
  schema as z.ZodType<string | null, z.ZodTypeDef, string>;
const entry = <Value>(spec: OptionEntry<Value>) => spec;

export const MAX_STEPS_LIMIT = 1_000_000;

export const optionTable = {
  step: entry<'auto' | 'first' | 'last' | number>({
    fence: 'step',
    schema: z.union([z.enum(['auto', 'first', 'last']), wholeNumber(MAX_STEPS_LIMIT)]),
    default: 'auto',
    values: '`auto`, `last`, `first` or a step number',
    hint: (say) =>
      `${say('step', 'auto')}, ${say('step', 'last')}, ${say('step', 'first')} or a step number such as ` +
      `${say('step', '4')}`,
    does:
      'The step shown before any JavaScript runs (and in print, and drawn by the CLI). `auto` is the ' +
      'last step, or, when the code asks `# @predict` questions, the step just before the first one. On ' +
      'pages a step past the first question is an error, so no answer is on screen before it is asked; the ' +
      'CLI draws any step it is given.',
  }),
  scalars: entry<'auto' | 'heap' | 'inline'>({
    fence: 'scalars',
    schema: LAYOUT_OPTIONS.scalars.schema,
    default: LAYOUT_OPTIONS.scalars.default,
    values: '`auto`, `heap`, `inline`',
    hint: (say) =>
      `${say('scalars', 'auto')} (a scalar in its slot unless a name shares it), ${say('scalars', 'heap')} ` +
      `(every value an object) or ${say('scalars', 'inline')} (every int, str... inside its slot)`,
    does:
      '`auto` writes ints, floats, strings, `None` and booleans inside the slot that refers to them, ' +
      'and draws a scalar as a box (an arrow from each reference) at the steps where a name shares it with ' +
      'another name or slot; `heap` draws every value as a box, for lessons on identity; `inline` writes ' +
      'every such scalar in its slot.',
    into: (scalars) => ({ layout: { scalars } }),
  }),
  hide: entry<string[]>({
    fence: 'hide',
    schema: z
      .string()
      .regex(new RegExp(`^${identifier}(,${identifier})*$`))
      .transform((list) => list.split(',')),
    default: [],
    values: 'Python names, comma separated',
    hint: (say) => `a comma-separated list of Python names without spaces, e.g. ${say('hide', 'tmp,i')}`,
    does: 'Names left out of the drawing, e.g. loop counters.',
    into: (hide) => ({ layout: { hide } }),
  }),
  exited: entry<'show' | 'hide'>({
    fence: 'exited',
    schema: z.enum(['show', 'hide']),
    default: 'hide',
    values: '`show`, `hide`',
    hint: (say) => `${say('exited', 'show')} keeps returned frames (faded), ${say('exited', 'hide')} drops them`,
    does: '`show` keeps frames after their call returned, faded.',
    into: (exited) => ({ layout: { showExited: exited === 'show' } }),
  }),
  raises: entry<string | null>({
    fence: 'raises',
    schema: orNull(z.string().regex(/^[A-Za-z_][A-Za-z0-9_.]*$/)),
    default: null,
    values: 'an exception type',
    hint: (say) => `the exception type the snippet is expected to end with, e.g. ${say('raises', 'TypeError')}`,
    does: 'The snippet is expected to end with exactly that uncaught exception.',
  }),
  title: entry<string | null>({
    fence: 'title',
    schema: orNull(z.string().min(1).max(200)),
    default: null,
    values: 'text, 1 to 200 characters',
    hint: (say) => `a short title in quotes, e.g. ${say('title', '"Two names, one list"')}`,
    does: 'A caption above the diagram; also its accessible name. The CLI uses the file name without it.',
    into: (title) => ({ render: title === null ? {} : { title } }),
  }),
  theme: entry<'site' | 'light' | 'dark' | 'sketch'>({
    fence: 'theme',
    schema: z.enum(['site', 'light', 'dark', 'sketch']),
    default: 'site',
    cliDefault: 'light',
    values: '`site`, `light`, `dark`, `sketch`',
    hint: (say) =>
      `${say('theme', 'site')} (follows light/dark mode), ${say('theme', 'light')}, ${say('theme', 'dark')} ` +
      `or ${say('theme', 'sketch')} (hand-drawn)`,
    does:
      "`site` follows the reader's light or dark mode (pages default); `light` and `dark` are fixed " +
      "colours (the CLI's default is `light`); `sketch` looks hand-drawn.",
    into: (theme) => ({ render: { theme } }),
  }),
  shortenAbove: entry<number | false>({
    fence: 'shorten-above',
    schema: orFalse(wholeNumber(MAX_STEPS_LIMIT).pipe(z.number().min(4))),
    default: LAYOUT_OPTIONS.shortenAbove.default,
    values: 'a whole number from 4, or `false`',
    hint: (say) =>
      `a whole number of objects from 4, e.g. ${say('shortenAbove', '30')}, or ` +
      `${say('shortenAbove', 'false')} to draw every object`,
    does:
      'A chain or tree of more objects of one type than this is drawn as its first and last parts and a ' +
      'count; `false` draws it all.',
    into: (shortenAbove) => ({ layout: { shortenAbove } }),
  }),
  fitWidth: entry<number | false>({
    fence: 'fit-width',
    schema: orFalse(wholeNumber(100_000).pipe(z.number().min(200))),
    default: LAYOUT_OPTIONS.fitWidth.default,
    values: 'a width in px from 200, or `false`',
    hint: (say) =>
      `a width in px from 200, e.g. ${say('fitWidth', '650')}, or ${say('fitWidth', 'false')} to never reflow`,
    does: 'A diagram wider than this many px reflows: later layers of objects continue below; `false` never reflows.',
    into: (fitWidth) => ({ layout: { fitWidth } }),
  }),
  maxSteps: entry<number>({
    fence: 'max-steps',
    schema: wholeNumber(MAX_STEPS_LIMIT),
    default: 1000,
    values: `a whole number from 1 to ${MAX_STEPS_LIMIT}`,
    hint: (say) => `a whole number of steps from 1 to ${MAX_STEPS_LIMIT}, e.g. ${say('maxSteps', '2000')}`,
    does: 'Stop (and fail) after this many steps.',
    into: (maxSteps) => ({ simulate: { maxSteps } }),
  }),
  maxMemory: entry<number>({
    fence: 'max-memory',
    schema: wholeNumber(memoryLimit.maximum).pipe(z.number().min(memoryLimit.minimum)),
    default: 256,
    values: `MiB, a whole number from ${memoryLimit.minimum} to ${memoryLimit.maximum}`,
    hint: (say) =>
      `the MiB the snippet's heap may grow by, from ${memoryLimit.minimum} to ${memoryLimit.maximum}, e.g. ` +
      `${say('maxMemory', '512')}`,
    does: 'Past this much new heap, CPython raises MemoryError in the snippet (reported as MemoryLimitError).',
    into: (maxMemoryMb) => ({ simulate: { maxMemoryMb } }),
  }),
  id: entry<string | null>({
    fence: 'id',
    schema: orNull(z.string().regex(/^[a-z][a-z0-9-]{0,63}$/)),
    default: null,
    values: 'lowercase letters, digits, dashes',
    hint: (say) => `lowercase letters, digits and dashes, starting with a letter, e.g. ${say('id', 'aliasing')}`,
    does: 'The anchor of permalinks (`#id-step-N`) and the prefix of ids inside the SVG. Pages default to `diagram-N`.',
    into: (id) => ({ render: id === null ? {} : { idPrefix: id } }),
  }),
  editable: entry<boolean>({
    fence: 'editable',
    schema: z.enum(['true', 'false']).transform((value) => value === 'true'),
    default: true,
    pagesOnly: true,
    values: '`true`, `false`',
    hint: (say) => `${say('editable', 'true')} or ${say('editable', 'false')}`,
    does: 'Whether readers get "Edit code" to change the code and run it in their browser (pages only).',
  }),
  // biome-ignore lint/suspicious/noExplicitAny: each entry keeps its own value type; the table only checks the shape.
} satisfies Record<string, OptionEntry<never> | OptionEntry<any>>;

export type DiagramOptionName = keyof typeof optionTable;
export type DiagramOptions = { [K in DiagramOptionName]: (typeof optionTable)[K]['default'] };
export const optionNames = Object.keys(optionTable) as DiagramOptionName[];
/** The options `memlane render` takes as flags (all but the pages-only ones). */
export const cliOptionNames = optionNames.filter((name) => !(optionTable[name] as OptionEntry<unknown>).pagesOnly);

export const defaultDiagramOptions = Object.fromEntries(
  optionNames.map((name) => [name, optionTable[name].default]),
) as DiagramOptions;
export const cliDefaultOptions = Object.fromEntries(
  optionNames.map((name) => [
    name,
    (optionTable[name] as OptionEntry<unknown>).cliDefault ?? optionTable[name].default,
  ]),
) as DiagramOptions;

/** The stage options a set of diagram options amounts to. */
export function stageOptions(options: DiagramOptions): StageOptions {
  const stages: StageOptions = { simulate: {}, layout: {}, render: {} };
  for (const name of optionNames) {
    const parts = (optionTable[name] as OptionEntry<unknown>).into?.(options[name]) ?? {};
    for (const stage of Object.keys(parts) as (keyof StageOptions)[]) Object.assign(stages[stage], parts[stage]);
  }
  return stages;
}
