// Draws a reference: a dot in the source row, an orthogonal line with softened corners, and a
// head at the target's edge.
import type { SvgElement } from './svg-element.ts';
import type { Arrow, Point } from '../layout/types.ts';
import { FADED_ARROW_OPACITY } from './draw-box.ts';
import { cleanText, num } from './svg-document.ts';
import { drawn, paint, showAt, type DrawContext } from './paint.ts';
import { sketchLinePath } from './sketch.ts';

const CORNER = 6;
const HEAD_LENGTH = 7;
const HEAD_HALF_WIDTH = 4;

/** The polyline with each corner replaced by a short quadratic curve. */
export function roundedPath(points: Point[]): string {
  if (points.length < 2) return '';
  let d = `M${num(points[0]!.x)} ${num(points[0]!.y)}`;
  for (let i = 1; i < points.length - 1; i++) {
    const [a, b, c] = [points[i - 1]!, points[i]!, points[i + 1]!];
    const inLength = Math.hypot(b.x - a.x, b.y - a.y);
    const outLength = Math.hypot(c.x - b.x, c.y - b.y);
    const r = Math.min(CORNER, inLength / 2, outLength / 2);
    const p = { x: b.x - ((b.x - a.x) / inLength) * r, y: b.y - ((b.y - a.y) / inLength) * r };
    const q = { x: b.x + ((c.x - b.x) / outLength) * r, y: b.y + ((c.y - b.y) / outLength) * r };
    d += ` L${num(p.x)} ${num(p.y)} Q${num(b.x)} ${num(b.y)} ${num(q.x)} ${num(q.y)}`;
  }
  const last = points[points.length - 1]!;
  return `${d} L${num(last.x)} ${num(last.y)}`;
}

export function drawArrow(parent: SvgElement, arrow: Arrow, ctx: DrawContext): void {
  if (!drawn(ctx, arrow.steps) || arrow.points.length < 2) return;
  const group = parent.group().attr({
    'data-arrow-from': cleanText(arrow.from),
    'data-arrow-to': cleanText(arrow.to),
    'data-slot': arrow.slot,
    ...(arrow.part === 'key' ? { 'data-part': 'key' } : {}),
  });
  showAt(group, arrow.steps, ctx);
  if (arrow.faded) group.attr('opacity', FADED_ARROW_OPACITY);
  const start = arrow.points[0]!;
  const end = arrow.points[arrow.points.length - 1]!;
  const before = arrow.points[arrow.points.length - 2]!;
  // The last leg is horizontal: it enters the target's left edge rightwards or its right edge leftwards.
  const sign = end.x >= before.x ? 1 : -1;
  const line = [...arrow.points.slice(0, -1), { x: end.x - sign * (HEAD_LENGTH - 1), y: end.y }];
  paint(group.circle(6.4).center(num(start.x), num(start.y)), 'ml-arrow-head', ctx);
  paint(group.path(ctx.sketch ? sketchLinePath(line) : roundedPath(line)), 'ml-arrow-line', ctx).attr({
    'stroke-width': 1.5,
    'stroke-linejoin': 'round',
    'stroke-linecap': 'round',
  });
  const back = end.x - sign * HEAD_LENGTH;
  paint(
    group.path(
      `M${num(end.x)} ${num(end.y)} L${num(back)} ${num(end.y - HEAD_HALF_WIDTH)} L${num(back)} ` +
        `${num(end.y + HEAD_HALF_WIDTH)} Z`,
    ),
    'ml-arrow-head',
    ctx,
  );
}
