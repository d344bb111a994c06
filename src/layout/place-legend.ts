// The legend and notes under a picture: which entries a diagram needs (only what it draws), and
// where they go when the picture draws them (rows no wider than the drawing or 560 px).
import { measureText } from './measure-text.ts';
import { MARGIN, SMALL_SIZE } from './metrics.ts';
import type { LayoutKey, LegendItem, LegendSample, TextSpan } from './types.ts';

const LEGEND: { sample: LegendSample; text: string }[] = [
  { sample: 'mutable', text: 'mutable object (square corners, solid)' },
  { sample: 'immutable', text: 'immutable object (round corners, dashed)' },
  { sample: 'running', text: 'running frame (thick border)' },
  { sample: 'change', text: 'changed at this step (dotted outline)' },
  { sample: 'unreachable', text: 'unreachable: kept alive only by a cycle (faded)' },
  { sample: 'immortal', text: 'immortal: CPython never frees it (None, True, small ints...)' },
];

/** The legend entries of the samples a diagram draws, in the legend's order, and its notes. */
export function layoutKey(
  used: Record<LegendSample, boolean>,
  leftOut: { frames: boolean; objects: boolean },
): LayoutKey {
  return {
    entries: LEGEND.filter((item) => used[item.sample]),
    notes: [
      ...(leftOut.frames ? ['Deeper frames of this run are not drawn.'] : []),
      ...(leftOut.objects
        ? ['Some objects are not drawn: more than fit in one diagram are alive at once (shown as …).']
        : []),
    ],
  };
}

/** The key placed under a drawing that ends at (contentRight, contentBottom), and the picture's size with it. */
export function placeLegend(
  key: LayoutKey,
  contentRight: number,
  contentBottom: number,
): { legend: LegendItem[]; notes: TextSpan[]; width: number; height: number } {
  const legend: LegendItem[] = [];
  let legendX = MARGIN;
  let legendY = contentBottom + 24;
  for (const item of key.entries) {
    const width = 22 + measureText(item.text, 'label', SMALL_SIZE);
    if (legendX > MARGIN && legendX + width > Math.max(contentRight, 560)) {
      legendX = MARGIN;
      legendY += 20;
    }
    legend.push({
      sample: item.sample,
      rect: { x: legendX, y: legendY, width: 16, height: 11 },
      text: { text: item.text, x: legendX + 22, y: legendY + 10, face: 'label', size: SMALL_SIZE, tone: 'muted' },
    });
    legendX += width + 18;
  }
  const notes: TextSpan[] = [];
  let noteY = legendY + 34;
  for (const text of key.notes) {
    notes.push({ text, x: MARGIN, y: noteY, face: 'label', size: SMALL_SIZE, tone: 'muted' });
    noteY += 16;
  }
  const width = Math.ceil(
    Math.max(contentRight, ...legend.map((l) => l.text.x + measureText(l.text.text, 'label', SMALL_SIZE))) + MARGIN,
  );
  const height = Math.ceil((notes.length ? noteY - 16 : legendY + 11) + MARGIN);
  return { legend, notes, width, height };
}
