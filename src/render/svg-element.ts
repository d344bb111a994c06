// The element tree render draws into and writes out as SVG markup: elements, attributes in the
// order first set, text; no DOM and no window, so Node and the browser write the same bytes.
import { escapeDoubleQuoted as markup } from './escape-markup.ts';

const SVG_NAMESPACE = 'http://www.w3.org/2000/svg';
/** Attributes whose hex colours are written in full lowercase (#abc becomes #aabbcc). */
const COLOUR_ATTRIBUTES = new Set(['fill', 'stroke', 'color', 'stop-color', 'flood-color', 'lighting-color']);

export type AttrValue = string | number;

/** A number as written: NaN as 0, infinities clamped to the float range SVG allows. */
function numberText(value: number): string {
  if (Number.isNaN(value)) return '0';
  if (!Number.isFinite(value)) return value < 0 ? '-3.4e+38' : '3.4e+38';
  return String(value);
}

function valueText(name: string, value: AttrValue): string {
  if (typeof value === 'number') return numberText(value);
  if (COLOUR_ATTRIBUTES.has(name)) {
    if (/^#[a-f0-9]{6}$/i.test(value)) return value.toLowerCase();
    if (/^#[a-f0-9]{3}$/i.test(value)) return `#${[...value.slice(1).toLowerCase()].map((c) => c + c).join('')}`;
  }
  return value;
}

/**
 * One element. Post of every setter: an attribute set again keeps its place and takes the new
 * value; children and text are written in the order they were added.
 */
export class SvgElement {
  /** Names and values in turn, in the order first set (a handful per element: a scan beats a Map). */
  private readonly attrs: string[] = [];
  private readonly children: (SvgElement | string)[] = [];

  constructor(readonly name: string) {}

  attr(name: string, value: AttrValue): this;
  attr(values: Record<string, AttrValue>): this;
  attr(nameOrValues: string | Record<string, AttrValue>, value?: AttrValue): this {
    if (typeof nameOrValues === 'string') this.set(nameOrValues, valueText(nameOrValues, value!));
    else for (const name in nameOrValues) this.set(name, valueText(name, nameOrValues[name]!));
    return this;
  }

  private set(name: string, value: string): void {
    const attrs = this.attrs;
    for (let i = 0; i < attrs.length; i += 2) {
      if (attrs[i] === name) {
        attrs[i + 1] = value;
        return;
      }
    }
    attrs.push(name, value);
  }

  removeAttribute(name: string): this {
    const attrs = this.attrs;
    for (let i = 0; i < attrs.length; i += 2) {
      if (attrs[i] === name) {
        attrs.splice(i, 2);
        break;
      }
    }
    return this;
  }

  /** Post: the text is the element's only content (until more children are added). */
  text(text: string): this {
    this.children.length = 0;
    this.children.push(text);
    return this;
  }

  /** Appends an empty child element. */
  element(name: string): SvgElement {
    const child = new SvgElement(name);
    this.children.push(child);
    return child;
  }

  group(): SvgElement {
    return this.element('g');
  }

  rect(width: number, height: number): SvgElement {
    return this.element('rect').attr({ width, height });
  }

  /** A circle of the given diameter, centred at (r, r) until moved with center(). */
  circle(diameter: number): SvgElement {
    const r = diameter / 2;
    return this.element('circle').attr({ r, cx: r, cy: r });
  }

  path(d: string): SvgElement {
    return this.element('path').attr('d', d);
  }

  /** Top left corner (x, y attributes). */
  move(x: number, y: number): this {
    return this.attr({ x, y });
  }

  /** Centre of a circle (cx, cy attributes). */
  center(cx: number, cy: number): this {
    return this.attr({ cx, cy });
  }

  /** The element as markup: `<name a="v">children</name>`, never self-closed. */
  svg(): string {
    let out = `<${this.name}`;
    const attrs = this.attrs;
    for (let i = 0; i < attrs.length; i += 2) out += ` ${attrs[i]}="${markup(attrs[i + 1]!)}"`;
    out += '>';
    for (const child of this.children) out += typeof child === 'string' ? markup(child) : child.svg();
    return `${out}</${this.name}>`;
  }
}

/** A fresh root <svg> in the SVG namespace. */
export function svgRoot(): SvgElement {
  return new SvgElement('svg').attr('xmlns', SVG_NAMESPACE);
}
