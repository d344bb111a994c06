// Draws a frame or an object: body, header band, row rules, words and the outline that says
// mutable (square, solid) or immutable (round, dashed), with the state of each version.
import type { SvgElement } from './svg-element.ts';
import { includesStep, rangesOf } from '../layout/step-ranges.ts';
import type { BoxVersion, FrameBox, ObjectBox, Row, TextSpan } from '../layout/types.ts';
import { cleanText, drawSpan, num, textElement } from './svg-document.ts';
import { colour, drawn, paint, showAt, type DrawContext } from './paint.ts';
import { sketchRectPath } from './sketch.ts';
import { drawImmortalBadge, IMMORTAL_BADGE } from './draw-immortal.ts';

const RADIUS = { frame: 4, mutable: 1.5, immutable: 9 } as const;
/** Faded shapes (unreachable objects, returned frames). Words stay at full contrast: they carry the meaning. */
export const FADED_OPACITY = 0.45;
/** Faded arrows keep 3:1 contrast against the background. */
export const FADED_ARROW_OPACITY = 0.6;

function toneClass(span: TextSpan): { cls: string; fill: 'text' | 'muted' | 'alert' } {
  if (span.tone === 'muted') return { cls: 'ml-muted', fill: 'muted' };
  if (span.tone === 'alert') return { cls: 'ml-alert', fill: 'alert' };
  return { cls: 'ml-text', fill: 'text' };
}

/** A rect path whose top corners are rounded: the header band. */
function headerBand(x: number, y: number, width: number, height: number, r: number): string {
  const rr = Math.min(r, height);
  return (
    `M${num(x)} ${num(y + height)} V${num(y + rr)} Q${num(x)} ${num(y)} ${num(x + rr)} ${num(y)} H` +
    `${num(x + width - rr)} Q${num(x + width)} ${num(y)} ${num(x + width)} ${num(y + rr)} V${num(y + height)} Z`
  );
}

function drawRowWords(parent: SvgElement, row: Row, x: number, y: number, ctx: DrawContext): void {
  for (const span of [row.label, row.value]) {
    if (!span) continue;
    const tone = toneClass(span);
    drawSpan(parent, span, x, y, tone.cls, colour(ctx, tone.fill));
  }
}

export function drawVersion(
  parent: SvgElement,
  box: FrameBox | ObjectBox,
  version: BoxVersion,
  ctx: DrawContext,
  withRows: boolean,
): void {
  const { x, y, width } = box;
  const height = version.height;
  const style = box.style;
  const r = RADIUS[style];
  textElement(parent, 'title', version.summary);
  // Shapes of a faded version sit in one group with the opacity; its words are drawn after, unfaded.
  const shapes = version.unreachable || version.exited ? parent.group().attr('opacity', FADED_OPACITY) : parent;
  paint(shapes.rect(width, height).move(x, y).attr({ rx: r }), `ml-${style}`, ctx).attr({ stroke: 'none' });
  if (box.headerHeight > 0 && height <= box.headerHeight)
    paint(shapes.rect(width, height).move(x, y).attr({ rx: r }), `ml-${style}-header`, ctx);
  else if (box.headerHeight > 0)
    paint(shapes.path(headerBand(x, y, width, box.headerHeight, r)), `ml-${style}-header`, ctx);
  // Rules between rows and the label/value divider (through labelled rows only, never through a
  // row of words), as one path.
  let rules = '';
  for (const row of version.rows) {
    if (row.y > box.headerHeight) rules += `M${num(x)} ${num(y + row.y)}H${num(x + width)}`;
    if (box.divider > 0 && (row.label || row.keyDot))
      rules += `M${num(x + box.divider)} ${num(y + row.y)}V${num(y + row.y + row.height)}`;
  }
  if (rules) paint(shapes.path(rules), 'ml-rule', ctx).attr({ 'stroke-width': 1 });
  for (const span of version.header) {
    const tone = toneClass(span);
    drawSpan(parent, span, x, y, tone.cls, colour(ctx, tone.fill));
  }
  if (version.badge) drawSpan(parent, version.badge, x, y, 'ml-muted', colour(ctx, 'muted'));
  if (withRows) for (const row of version.rows) drawRowWords(parent, row, x, y, ctx);

  const strokeWidth = version.running ? 3 : style === 'frame' ? 1.25 : 1.5;
  const outline = { x, y, width, height };
  const outlineClass = `ml-outline-${style}`;
  if (ctx.sketch) {
    const rough = paint(
      shapes.path(sketchRectPath(outline, strokeWidth, style === 'immutable' ? r : 0, box.id)),
      outlineClass,
      ctx,
    ).attr({ 'stroke-width': strokeWidth, 'stroke-linecap': 'round' });
    if (style === 'immutable') rough.attr({ 'stroke-dasharray': '5 3' });
  } else {
    const rect = paint(shapes.rect(width, height).move(x, y).attr({ rx: r }), outlineClass, ctx).attr({
      'stroke-width': strokeWidth,
    });
    if (style === 'immutable') rect.attr({ 'stroke-dasharray': '5 3' });
  }
}

export function drawBox(parent: SvgElement, box: FrameBox | ObjectBox, ctx: DrawContext): void {
  if (!drawn(ctx, box.steps)) return;
  const group = parent.group();
  if (box.kind === 'frame') group.attr({ 'data-frame-id': cleanText(box.id), 'data-name': cleanText(box.name) });
  else
    group.attr({
      'data-object-id': cleanText(box.id),
      'data-kind': box.kind,
      'data-type': cleanText(box.type),
      'data-mutable': String(box.mutable),
    });
  showAt(group, box.steps, ctx);
  const versions = ctx.step === undefined ? box.versions : box.versions.filter((v) => includesStep(v.steps, ctx.step!));
  const several = versions.length > 1;
  for (const version of versions) {
    const target = several ? group.group() : group;
    if (several) showAt(target, version.steps, ctx);
    if (version.running) target.attr('data-running', 'true');
    if (version.unreachable) target.attr('data-unreachable', 'true');
    if (version.exited) target.attr('data-exited', 'true');
    drawVersion(target, box, version, ctx, !several);
  }
  if (several) drawSharedRows(group, box, versions, ctx);
  if (box.kind !== 'frame' && box.immortal) {
    group.attr('data-immortal', 'true');
    // On the lower right corner, clear of where arrows arrive (ANCHOR_Y below the top).
    const height = Math.max(...versions.map((v) => v.height));
    drawImmortalBadge(group, box.x + box.width - IMMORTAL_BADGE.width / 2 - 4, box.y + height, ctx);
  }
}

/**
 * With several versions (all-steps SVG), a row whose words stay the same across versions is
 * drawn once, shown at all their steps: a list that grows redraws only its new rows.
 */
function drawSharedRows(group: SvgElement, box: FrameBox | ObjectBox, versions: BoxVersion[], ctx: DrawContext): void {
  const shared = new Map<string, { row: Row; steps: number[] }>();
  for (const version of versions) {
    for (const row of version.rows) {
      if (!row.label && !row.value) continue;
      const key = JSON.stringify([row.label, row.value]);
      let entry = shared.get(key);
      if (!entry) shared.set(key, (entry = { row, steps: [] }));
      for (const [a, b] of version.steps) for (let s = a; s <= b; s++) entry.steps.push(s);
    }
  }
  for (const { row, steps } of shared.values()) {
    const words = group.group();
    showAt(words, rangesOf(steps), ctx);
    drawRowWords(words, row, box.x, box.y, ctx);
  }
}
