// The helpers that keep svg.js output well-formed and byte-stable (clean text, rounded numbers).
import type { Container, Element } from '@svgdotjs/svg.js';
import { fontFamilyOf } from '../fonts/faces.ts';
import type { TextSpan } from '../layout/types.ts';

/** Characters XML 1.0 forbids (controls, lone surrogates, U+FFFE/FFFF) become U+FFFD; escaping is svgdom's job. */
export function cleanText(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

/** Numbers with at most one decimal, so float noise never changes the bytes. */
export function num(value: number): number {
  const rounded = Math.round(value * 10) / 10;
  return Object.is(rounded, -0) ? 0 : rounded;
}

/** Appends an element whose only content is text (title, desc, style). */
export function textElement(parent: Container, tag: string, text: string): Element {
  const element = parent.element(tag);
  element.node.textContent = cleanText(text);
  return element;
}

export const BASE_FONT_SIZE = 12;

/** Font attributes of the root element, inherited by every text. */
export function rootFontAttributes(): Record<string, string | number> {
  return { 'font-family': fontFamilyOf('label'), 'font-size': BASE_FONT_SIZE };
}

/** Appends a <text> for a span placed relative to (dx, dy). */
export function drawSpan(parent: Container, span: TextSpan, dx: number, dy: number, cls: string, fill: string): Element {
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
  text.node.textContent = cleanText(span.text);
  if (span.full !== undefined) textElement(text, 'title', span.full);
  return text;
}
