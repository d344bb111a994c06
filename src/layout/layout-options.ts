// Layout options, validated once against one zod schema, with errors that say what is accepted.
// Each option's name, default and hint live in LAYOUT_OPTIONS below, one entry per option.
import { z } from 'zod';

export interface LayoutOptions {
  /**
   * 'auto' (default): scalars in their slot unless a name shares one; 'heap': every value a box; 'inline': every scalar
   * in its slot.
   */
  scalars?: 'auto' | 'heap' | 'inline';
  /** Names not drawn. */
  hide?: string[];
  /** Keep frames after they return, faded. */
  showExited?: boolean;
  /** A chain or tree of more objects of one type than this is drawn shortened; false draws all. */
  shortenAbove?: number | false;
  /** Width in px the diagram reflows to fit (later layers continue below); false never reflows. */
  fitWidth?: number | false;
  /** Draw the legend and notes under the picture (default); false leaves them to the caller (`layout.key`). */
  legend?: boolean;
}

export type ResolvedLayoutOptions = Required<LayoutOptions>;

/** Every layout option: its zod schema, default and the hint an error gives. */
export const LAYOUT_OPTIONS = {
  scalars: { schema: z.enum(['auto', 'heap', 'inline']), default: 'auto', hint: '"auto" | "heap" | "inline"' },
  hide: { schema: z.array(z.string()), default: [] as string[], hint: 'string[]' },
  showExited: { schema: z.boolean(), default: false, hint: 'boolean' },
  shortenAbove: {
    schema: z.union([z.number().int().min(4), z.literal(false)]),
    default: 30,
    hint:
      'an integer >= 4 (chains and trees of more objects of one type are drawn as their first and last ' +
      'parts and a count) or false',
  },
  fitWidth: {
    schema: z.union([z.number().int().min(200), z.literal(false)]),
    default: 650,
    hint: 'a width in px >= 200 that wider diagrams reflow to, or false',
  },
  legend: {
    schema: z.boolean(),
    default: true,
    hint: 'boolean (false: the legend and notes are left to the caller, in layout.key)',
  },
} as const;

const schema = z
  .object(Object.fromEntries(Object.entries(LAYOUT_OPTIONS).map(([name, o]) => [name, o.schema.optional()])))
  .strict();

/** Where an issue is, as the option's path (`/scalars`), or (options) when the whole value is wrong. */
function optionPath(issue: z.ZodIssue): string {
  const key = issue.code === 'unrecognized_keys' ? issue.keys[0] : issue.path[0];
  return key === undefined ? '(options)' : `/${String(key)}`;
}

export function resolveLayoutOptions(options: LayoutOptions = {}): ResolvedLayoutOptions {
  const parsed = schema.safeParse(options);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const name = optionPath(issue).slice(1) as keyof typeof LAYOUT_OPTIONS;
    const accepted = LAYOUT_OPTIONS[name]
      ? `${name} is ${LAYOUT_OPTIONS[name].hint}`
      : `the layout options are ${Object.keys(LAYOUT_OPTIONS).join(', ')}`;
    throw new TypeError(`memlane layout: invalid option ${optionPath(issue)}: ${issue.message}\nhint: ${accepted}.`);
  }
  return {
    scalars: options.scalars ?? LAYOUT_OPTIONS.scalars.default,
    hide: options.hide ?? LAYOUT_OPTIONS.hide.default,
    showExited: options.showExited ?? LAYOUT_OPTIONS.showExited.default,
    shortenAbove: options.shortenAbove ?? LAYOUT_OPTIONS.shortenAbove.default,
    fitWidth: options.fitWidth ?? LAYOUT_OPTIONS.fitWidth.default,
    legend: options.legend ?? LAYOUT_OPTIONS.legend.default,
  };
}
