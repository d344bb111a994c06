// How an element gets its colours: a class the site's CSS can restyle, plus concrete colours of
// the chosen theme as attributes, so files and PNGs look right with no CSS at all.
import type { SvgElement } from './svg-element.ts';
import { formatSteps, includesStep } from '../layout/step-ranges.ts';
import type { StepRanges } from '../layout/types.ts';
import { classPaint, paletteOf, type Palette, type ThemeName } from './themes.ts';

export interface DrawContext {
  theme: ThemeName;
  palette: Palette;
  /** The step drawn alone, or undefined when every step is drawn. */
  step: number | undefined;
  /** The step visible without JavaScript when every step is drawn. */
  shownStep: number;
  sketch: boolean;
}

export function drawContext(theme: ThemeName, step: number | undefined, shownStep: number): DrawContext {
  return { theme, palette: paletteOf(theme), step, shownStep, sketch: theme === 'sketch' };
}

/** Sets the class and its fallback colours. */
export function paint(element: SvgElement, cls: string, ctx: DrawContext): SvgElement {
  const [fill, stroke] = classPaint[cls] ?? ['none'];
  element.attr({ class: cls, fill: fill === 'none' ? 'none' : ctx.palette[fill] });
  if (stroke && stroke !== 'none') element.attr({ stroke: ctx.palette[stroke] });
  return element;
}

/** Colour of a palette entry (for elements painted by attribute only). */
export function colour(ctx: DrawContext, key: keyof Palette): string {
  return ctx.palette[key];
}

/** Whether something shown at `steps` is drawn at all in this SVG. */
export function drawn(ctx: DrawContext, steps: StepRanges): boolean {
  return ctx.step === undefined || includesStep(steps, ctx.step);
}

/** In an all-steps SVG: says when the element shows, and hides it unless it shows at the shown step. */
export function showAt(element: SvgElement, steps: StepRanges, ctx: DrawContext): void {
  if (ctx.step !== undefined) return;
  element.attr('data-steps', formatSteps(steps));
  if (!includesStep(steps, ctx.shownStep)) element.attr('display', 'none');
}
