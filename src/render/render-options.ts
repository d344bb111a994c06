// Render options, validated once against one schema.
import { Ajv } from 'ajv';
import type { ThemeName } from './themes.ts';

export interface RenderOptions {
  /** One step (1-based) or every step in one SVG (for pages). */
  step: number | 'all';
  /** With 'all': the step visible without JavaScript (default: the last). */
  shownStep?: number;
  /** 'site' = CSS custom properties, for pages. Default 'light'. */
  theme?: ThemeName;
  /** XML prolog + xmlns + embedded <style> (CLI files). */
  standalone?: boolean;
  title?: string;
  /** Prefix for ids inside the SVG, unique per page. */
  idPrefix?: string;
}

const validate = new Ajv({ allErrors: false, strict: true }).compile<RenderOptions>({
  type: 'object',
  required: ['step'],
  additionalProperties: false,
  properties: {
    step: { anyOf: [{ type: 'integer', minimum: 1 }, { const: 'all' }] },
    shownStep: { type: 'integer', minimum: 1 },
    theme: { enum: ['site', 'light', 'dark', 'sketch'] },
    standalone: { type: 'boolean' },
    title: { type: 'string' },
    idPrefix: { type: 'string', pattern: '^[A-Za-z][A-Za-z0-9_-]*$' },
  },
});

export function checkRenderOptions(options: RenderOptions, stepsTotal: number): void {
  if (!validate(options)) {
    const error = validate.errors?.[0];
    const where = error?.instancePath || (error?.params && 'additionalProperty' in error.params ? `/${String(error.params['additionalProperty'])}` : '');
    throw new TypeError(
      `memlane render: invalid option ${where || '(options)'}: ${error?.message ?? 'not valid'}\n` +
        "hint: step is a step number from 1 or 'all'; theme is 'site', 'light', 'dark' or 'sketch'; idPrefix starts with a letter.",
    );
  }
  for (const [name, value] of [['step', options.step], ['shownStep', options.shownStep]] as const) {
    if (typeof value === 'number' && value > stepsTotal) {
      throw new RangeError(`memlane render: ${name} ${value} is out of range: the trace has ${stepsTotal} step${stepsTotal === 1 ? '' : 's'}\nhint: use a step from 1 to ${stepsTotal}.`);
    }
  }
}
