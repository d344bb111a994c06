// Layout options, validated once against one schema, with errors that say what is accepted.
// Each option's name, default and hint live in LAYOUT_OPTIONS below, one entry per option.
import { Ajv } from 'ajv';

export interface LayoutOptions {
  /** 'heap' (default): every value is an object; 'inline': ints, strs... drawn inside their slot. */
  scalars?: 'heap' | 'inline';
  /** Names not drawn. */
  hide?: string[];
  /** Keep frames after they return, faded. */
  showExited?: boolean;
  /** A chain or tree of more objects of one type than this is drawn shortened; false draws all. */
  shortenAbove?: number | false;
  /** Width in px the diagram reflows to fit (later layers continue below); false never reflows. */
  fitWidth?: number | false;
}

export type ResolvedLayoutOptions = Required<LayoutOptions>;

/** Every layout option: its schema, default and the hint an error gives. */
export const LAYOUT_OPTIONS = {
  scalars: { schema: { enum: ['heap', 'inline'] }, default: 'heap', hint: '"heap" | "inline"' },
  hide: { schema: { type: 'array', items: { type: 'string' } }, default: [] as string[], hint: 'string[]' },
  showExited: { schema: { type: 'boolean' }, default: false, hint: 'boolean' },
  shortenAbove: {
    schema: { anyOf: [{ type: 'integer', minimum: 4 }, { const: false }] }, default: 30,
    hint: 'an integer >= 4 (chains and trees of more objects of one type are drawn as their first and last parts and a count) or false',
  },
  fitWidth: {
    schema: { anyOf: [{ type: 'integer', minimum: 200 }, { const: false }] }, default: 650,
    hint: 'a width in px >= 200 that wider diagrams reflow to, or false',
  },
} as const;

const validate = new Ajv({ allErrors: false, strict: true }).compile<LayoutOptions>({
  type: 'object',
  additionalProperties: false,
  properties: Object.fromEntries(Object.entries(LAYOUT_OPTIONS).map(([name, o]) => [name, o.schema])),
});

export function resolveLayoutOptions(options: LayoutOptions = {}): ResolvedLayoutOptions {
  if (!validate(options)) {
    const error = validate.errors?.[0];
    const where = error?.instancePath || (error?.params && 'additionalProperty' in error.params ? `/${String(error.params['additionalProperty'])}` : '');
    throw new TypeError(
      `memlane layout: invalid option ${where || '(options)'}: ${error?.message ?? 'not valid'}\n` +
        `hint: the layout options are ${Object.entries(LAYOUT_OPTIONS).map(([name, o]) => `${name}: ${o.hint}`).join(', ')}.`,
    );
  }
  return {
    scalars: options.scalars ?? LAYOUT_OPTIONS.scalars.default,
    hide: options.hide ?? LAYOUT_OPTIONS.hide.default,
    showExited: options.showExited ?? LAYOUT_OPTIONS.showExited.default,
    shortenAbove: options.shortenAbove ?? LAYOUT_OPTIONS.shortenAbove.default,
    fitWidth: options.fitWidth ?? LAYOUT_OPTIONS.fitWidth.default,
  };
}
