// Render options, validated once against one zod schema.
import { z } from 'zod';
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

const schema = z
  .object({
    step: z.union([z.number().int().min(1), z.literal('all')]),
    shownStep: z.number().int().min(1).optional(),
    theme: z.enum(['site', 'light', 'dark', 'sketch']).optional(),
    standalone: z.boolean().optional(),
    title: z.string().optional(),
    idPrefix: z
      .string()
      .regex(/^[A-Za-z][A-Za-z0-9_-]*$/)
      .optional(),
  })
  .strict();

export function checkRenderOptions(options: RenderOptions, stepsTotal: number): void {
  const parsed = schema.safeParse(options);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const key = issue.code === 'unrecognized_keys' ? issue.keys[0] : issue.path[0];
    throw new TypeError(
      `memlane render: invalid option ${key === undefined ? '(options)' : `/${String(key)}`}: ${issue.message}\n` +
        "hint: step is a step number from 1 or 'all'; theme is 'site', 'light', 'dark' or 'sketch'; " +
        'idPrefix starts with a letter.',
    );
  }
  for (const [name, value] of [
    ['step', options.step],
    ['shownStep', options.shownStep],
  ] as const) {
    if (typeof value === 'number' && value > stepsTotal) {
      throw new RangeError(
        `memlane render: ${name} ${value} is out of range: the trace has ${stepsTotal} step` +
          `${stepsTotal === 1 ? '' : 's'}\nhint: use a step from 1 to ${stepsTotal}.`,
      );
    }
  }
}
