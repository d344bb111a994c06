// A legend's sample shapes: drawn under the picture by the CLI, or each as a small SVG of its own
// beside the entry's words when a page shows the legend in HTML (so it wraps with the column).
import type { LegendSample, Rect } from '../layout/types.ts';
import { drawImmortalBadge } from './draw-immortal.ts';
import { FADED_OPACITY } from './draw-box.ts';
import { drawContext, paint, type DrawContext } from './paint.ts';
import type { ThemeName } from './themes.ts';
import { svgRoot, type SvgElement } from './svg-element.ts';

/** The sample of `sample` in `rect` (16 x 11 in the legend). */
export function drawLegendSample(parent: SvgElement, sample: LegendSample, rect: Rect, ctx: DrawContext): void {
  const { x, y, width, height } = rect;
  if (sample === 'mutable' || sample === 'unreachable') {
    const box = paint(parent.rect(width, height).move(x, y).attr({ rx: 1.5 }), 'ml-mutable', ctx).attr({
      'stroke-width': 1.5,
    });
    if (sample === 'unreachable') box.attr('opacity', FADED_OPACITY);
  } else if (sample === 'immutable') {
    paint(parent.rect(width, height).move(x, y).attr({ rx: 5 }), 'ml-immutable', ctx).attr({
      'stroke-width': 1.5,
      'stroke-dasharray': '4 2',
    });
  } else if (sample === 'immortal') {
    drawImmortalBadge(parent, x + width / 2, y + height / 2, ctx);
  } else if (sample === 'running') {
    paint(parent.rect(width, height).move(x, y).attr({ rx: 3 }), 'ml-frame', ctx).attr({ 'stroke-width': 3 });
  } else {
    paint(parent.rect(width, height).move(x, y).attr({ rx: 3 }), 'ml-change', ctx).attr({
      'stroke-width': 2,
      'stroke-dasharray': '2 3',
    });
  }
}

/** One sample as inline SVG markup, 20 x 15 px, coloured like the diagram (site theme: by the page's CSS). */
export function legendSampleSvg(sample: LegendSample, theme: ThemeName): string {
  const root = svgRoot().attr({
    class: 'memlane-legend-sample',
    viewBox: '0 0 20 15',
    width: 20,
    height: 15,
    'data-theme': theme,
    'aria-hidden': 'true',
    focusable: 'false',
  });
  drawLegendSample(root, sample, { x: 2, y: 2, width: 16, height: 11 }, drawContext(theme, 1, 1));
  return root.svg();
}
