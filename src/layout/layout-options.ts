// Layout options, validated once against one schema, with errors that say what is accepted.
import { Ajv } from 'ajv';

export interface LayoutOptions {
  /** 'heap' (default): every value is an object; 'inline': ints, strs... drawn inside their slot. */
  scalars?: 'heap' | 'inline';
  /** Names not drawn. */
  hide?: string[];
  /** Keep frames after they return, faded. */
  showExited?: boolean;
}

export type ResolvedLayoutOptions = Required<LayoutOptions>;

const validate = new Ajv({ allErrors: false, strict: true }).compile<LayoutOptions>({
  type: 'object',
  additionalProperties: false,
  properties: {
    scalars: { enum: ['heap', 'inline'] },
    hide: { type: 'array', items: { type: 'string' } },
    showExited: { type: 'boolean' },
  },
});

export function resolveLayoutOptions(options: LayoutOptions = {}): ResolvedLayoutOptions {
  if (!validate(options)) {
    const error = validate.errors?.[0];
    const where = error?.instancePath || (error?.params && 'additionalProperty' in error.params ? `/${String(error.params['additionalProperty'])}` : '');
    throw new TypeError(
      `memlane layout: invalid option ${where || '(options)'}: ${error?.message ?? 'not valid'}\n` +
        'hint: the layout options are scalars: "heap" | "inline", hide: string[], showExited: boolean.',
    );
  }
  return { scalars: options.scalars ?? 'heap', hide: options.hide ?? [], showExited: options.showExited ?? false };
}
