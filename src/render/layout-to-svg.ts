// layout-to-svg: draws one step of a layout, or every step in one SVG whose elements say when
// they show (data-steps), for the page island. Byte-identical output for identical input.
import type { Layout } from '../layout/types.ts';
import { drawArrow } from './draw-arrow.ts';
import { drawBox } from './draw-box.ts';
import { includesStep } from '../layout/step-ranges.ts';
import { drawLegend, drawMark } from './draw-marks.ts';
import { drawContext, paint } from './paint.ts';
import { checkRenderOptions, type RenderOptions } from './render-options.ts';
import { rootFontAttributes, textElement } from './svg-document.ts';
import { svgRoot } from './svg-element.ts';
import { standaloneCss } from './standalone-css.ts';

export type { RenderOptions } from './render-options.ts';

export function layoutToSvg(layout: Layout, options: RenderOptions): string {
  checkRenderOptions(options, layout.stepsTotal);
  if (layout.stepsTotal === 0)
    throw new RangeError('memlane render: the trace has no steps\nhint: trace a program that runs at least one line.');
  const theme = options.theme ?? 'light';
  const all = options.step === 'all';
  const shown = all ? (options.shownStep ?? layout.stepsTotal) : (options.step as number);
  const ctx = drawContext(theme, all ? undefined : shown, shown);

  const root = svgRoot();
  const prefix = options.idPrefix;
  root.attr({
    class: 'memlane-diagram',
    viewBox: `0 0 ${layout.width} ${layout.height}`,
    // The natural size, also as data: the page keeps diagrams at a readable scale and scrolls them on phones.
    width: layout.width,
    height: layout.height,
    'data-natural-width': layout.width,
    'data-natural-height': layout.height,
    role: 'img',
    ...rootFontAttributes(),
    'data-theme': theme,
    'data-steps-total': layout.stepsTotal,
    ...(all ? { 'data-shown-step': shown } : { 'data-step': shown }),
    ...(prefix ? { 'aria-labelledby': `${prefix}-title ${prefix}-desc` } : {}),
  });
  const titleText = options.title ?? 'Memory diagram';
  const title = textElement(root, 'title', all ? titleText : `${titleText}, step ${shown} of ${layout.stepsTotal}`);
  const desc = textElement(root, 'desc', layout.steps[shown - 1]!.description);
  if (prefix) {
    title.attr('id', `${prefix}-title`);
    desc.attr('id', `${prefix}-desc`);
  }
  if (options.standalone) textElement(root, 'style', standaloneCss(theme));
  if (theme !== 'site') paint(root.rect(layout.width, layout.height), 'ml-background', ctx);

  const boxes = root.group().attr({ class: 'ml-boxes' });
  for (const frame of layout.frames) drawBox(boxes, frame, ctx);
  for (const object of layout.objects) drawBox(boxes, object, ctx);
  const arrows = root.group().attr({ class: 'ml-arrows' });
  for (const arrow of layout.arrows) drawArrow(arrows, arrow, ctx);
  const marks = root.group().attr({ class: 'ml-marks' });
  const objectById = new Map(layout.objects.map((o) => [o.id, o]));
  for (const mark of layout.marks) {
    const box = mark.change === 'freed' ? objectById.get(mark.target) : undefined;
    const version =
      box?.versions.find((v) => includesStep(v.steps, mark.step - 1)) ?? box?.versions[box.versions.length - 1];
    drawMark(marks, mark, ctx, box && version ? { box, version } : undefined);
  }
  drawLegend(root, layout.legend, layout.notes, ctx);

  const svg = root.svg();
  return options.standalone ? `<?xml version="1.0" encoding="UTF-8"?>\n${svg}\n` : svg;
}
