// Change marks: a dotted outline (shape, not only colour) and a word ("new", "changed", "freed").
import type { SvgElement } from './svg-element.ts';
import type { BoxVersion, ChangeMark, LegendItem, ObjectBox, TextSpan } from '../layout/types.ts';
import { drawVersion } from './draw-box.ts';
import { drawLegendSample } from './legend-sample.ts';
import { cleanText, drawSpan, num, textElement } from './svg-document.ts';
import { colour, paint, showAt, type DrawContext } from './paint.ts';

const words: Record<ChangeMark['change'], string> = {
  new: 'new object',
  changed: 'changed',
  rebound: 'name bound to another object',
  freed: 'freed',
};

/** `departed`: on a freed mark, the box as it was the step before, drawn faded where it stood. */
export function drawMark(
  parent: SvgElement,
  mark: ChangeMark,
  ctx: DrawContext,
  departed?: { box: ObjectBox; version: BoxVersion },
): void {
  if (ctx.step !== undefined && ctx.step !== mark.step) return;
  const group = parent.group().attr({
    'data-change': mark.change,
    'data-target': cleanText(mark.target),
    ...(mark.change === 'freed' ? { 'data-freed': String(!mark.dropped) } : {}),
  });
  showAt(group, [[mark.step, mark.step]], ctx);
  textElement(
    group,
    'title',
    `${mark.dropped ? 'no longer referenced (CPython keeps the object)' : words[mark.change]}: ${mark.target}`,
  );
  // Faded shapes, words at full contrast, as for an exited frame.
  if (departed)
    drawVersion(
      group.group().attr({ 'data-departed': 'true' }),
      departed.box,
      { ...departed.version, exited: true, badge: undefined },
      ctx,
      true,
    );
  const { x, y, width, height } = mark.rect;
  paint(group.rect(num(width), num(height)).move(num(x), num(y)).attr({ rx: 5 }), 'ml-change', ctx).attr({
    'stroke-width': 2,
    'stroke-dasharray': mark.change === 'freed' ? '6 4' : '2 3',
    'stroke-linecap': 'round',
  });
  if (mark.label) drawSpan(group, mark.label, 0, 0, 'ml-change-text', colour(ctx, 'changeText'));
}

export function drawLegend(parent: SvgElement, legend: LegendItem[], notes: TextSpan[], ctx: DrawContext): void {
  const group = parent.group().attr({ class: 'ml-legend', 'aria-hidden': 'true' });
  for (const item of legend) {
    drawLegendSample(group, item.sample, item.rect, ctx);
    drawSpan(group, item.text, 0, 0, 'ml-muted', colour(ctx, 'muted'));
  }
  for (const note of notes) drawSpan(group, note, 0, 0, 'ml-muted', colour(ctx, 'muted'));
}
