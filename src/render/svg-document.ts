// The helpers that keep the SVG output well-formed and byte-stable (clean text, rounded numbers).
import type { SvgElement } from './svg-element.ts';
import { fontFamilyOf } from '../fonts/faces.ts';
import type { TextSpan } from '../layout/types.ts';
import { cleanText } from './escape-markup.ts';

export { cleanText } from './escape-markup.ts';

/** Numbers with at most one decimal, so float noise never changes the bytes. */
export function num(value: number): number {
  const rounded = Math.round(value * 10) / 10;
  return Object.is(rounded, -0) ? 0 : rounded;
}

/** Appends an element whose only content is text (title, desc, style). */
export function textElement(parent: SvgElement, tag: string, text: string): SvgElement {
  const element = parent.element(tag);
  element.text(cleanText(text));
  return element;
}

export const BASE_FONT_SIZE = 12;

/** Font attributes of the root element, inherited by every text. */
export function rootFontAttributes(): Record<string, string | number> {
  return { 'font-family': fontFamilyOf('label'), 'font-size': BASE_FONT_SIZE };
}

/** Appends a <text> for a span placed relative to (dx, dy). */
export function drawSpan(
  parent: SvgElement,
  span: TextSpan,
  dx: number,
  dy: number,
  cls: string,
  fill: string,
): SvgElement {
  // The root sets the label face at the base size; a text only says how it differs.
  const text = parent.element('text').attr({
    x: num(span.x + dx),
    y: num(span.y + dy),
    ...(span.face === 'value' ? { 'font-family': fontFamilyOf('value') } : {}),
    ...(span.size !== BASE_FONT_SIZE ? { 'font-size': span.size } : {}),
    ...(span.face === 'heading' ? { 'font-weight': 600 } : {}),
    ...(span.anchor === 'end' ? { 'text-anchor': 'end' } : {}),
    class: cls,
    fill,
  });
  text.text(cleanText(span.text));
  if (span.full !== undefined) textElement(text, 'title', span.full);
  return text;
}
