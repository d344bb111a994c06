// The immortal badge: a small ∞ in a pill on a box's lower right corner, drawn as a path (no glyph),
// for objects CPython never frees (None, True, small ints...); the legend shows the same badge.
import type { SvgElement } from './svg-element.ts';
import { num } from './svg-document.ts';
import { paint, type DrawContext } from './paint.ts';

export const IMMORTAL_BADGE = { width: 17, height: 10 };

/** An ∞ centred on (cx, cy), 10 px wide, as two loops through the centre. */
function infinity(cx: number, cy: number): string {
  const p = (x: number, y: number) => `${num(cx + x)} ${num(cy + y)}`;
  return (
    `M${p(0, 0)} C${p(1.6, -2.8)} ${p(5, -2.8)} ${p(5, 0)} C${p(5, 2.8)} ${p(1.6, 2.8)} ${p(0, 0)} C` +
    `${p(-1.6, -2.8)} ${p(-5, -2.8)} ${p(-5, 0)} C${p(-5, 2.8)} ${p(-1.6, 2.8)} ${p(0, 0)} Z`
  );
}

/** The badge centred on (cx, cy). */
export function drawImmortalBadge(parent: SvgElement, cx: number, cy: number, ctx: DrawContext): void {
  const group = parent.group().attr({ class: 'ml-immortal' });
  const { width, height } = IMMORTAL_BADGE;
  paint(
    group
      .rect(width, height)
      .move(num(cx - width / 2), num(cy - height / 2))
      .attr({ rx: height / 2 }),
    'ml-immutable',
    ctx,
  ).attr({ 'stroke-width': 1 });
  paint(group.path(infinity(cx, cy)), 'ml-outline-immutable', ctx).attr({ 'stroke-width': 1.2 });
}
