// Text widths from the advance-width tables of the real TTFs (src/fonts), so labels are sized for
// the exact glyphs a browser or resvg will draw, in Node and in a browser alike.
import { faceMetrics, type FaceMetrics } from '../fonts/advance-widths.ts';
import type { TextFace } from './types.ts';

const isVariationSelector = (codePoint: number) =>
  (codePoint >= 0xfe00 && codePoint <= 0xfe0f) || (codePoint >= 0xe0100 && codePoint <= 0xe01ef);

/** Width in em, glyph by glyph without shaping: JetBrains Mono's contextual alternates keep every
 * advance the same, and Inter's kerning only ever narrows text a little, so boxes sized this way
 * always hold their words. A variation selector adds no glyph of its own. */
function advance(metrics: FaceMetrics, text: string): number {
  let units = 0;
  for (const char of text) {
    const codePoint = char.codePointAt(0)!;
    if (!isVariationSelector(codePoint)) units += metrics.advance(codePoint);
  }
  return units / metrics.unitsPerEm;
}

const cache = new Map<string, number>();

/** Advance width in px of `text` set in `face` at `size` px. */
export function measureText(text: string, face: TextFace, size: number): number {
  const key = `${face}\u0000${size}\u0000${text}`;
  let width = cache.get(key);
  if (width === undefined) {
    width = advance(faceMetrics()[face], text) * size;
    if (cache.size > 50_000) cache.clear();
    cache.set(key, width);
  }
  return width;
}

/** `text` itself when it fits in `maxWidth`, else the longest prefix that fits followed by an ellipsis. */
export function fitText(
  text: string,
  face: TextFace,
  size: number,
  maxWidth: number,
): { text: string; shortened: boolean } {
  if (measureText(text, face, size) <= maxWidth) return { text, shortened: false };
  const chars = [...text];
  let low = 0;
  let high = chars.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (measureText(`${chars.slice(0, mid).join('')}…`, face, size) <= maxWidth) low = mid;
    else high = mid - 1;
  }
  return { text: `${chars.slice(0, low).join('')}…`, shortened: true };
}
