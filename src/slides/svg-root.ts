// Reads and rewrites the root <svg> element of a standalone SVG string, without a DOM.
export interface SvgRoot {
  /** Attributes of the root element, in document order. */
  attributes: [string, string][];
  /** Everything between the root's start and end tags. */
  body: string;
  viewBox: [number, number, number, number];
}

const rootTag = /<svg\b((?:[^>"']|"[^"]*"|'[^']*')*)>/;
const attribute = /([\w:.-]+)\s*=\s*("([^"]*)"|'([^']*)')/g;

/**
 * The attributes written inside a start tag (its text after the name), in document order, values as written (entities
 * kept).
 */
export function readAttributes(tagText: string): [string, string][] {
  return [...tagText.matchAll(attribute)].map((m) => [m[1]!, m[3] ?? m[4] ?? ''] as [string, string]);
}

/** Where the root element's content begins: just after its start tag. */
export function rootContentStart(svg: string): number {
  const open = rootTag.exec(svg);
  if (!open) throw new Error('not an SVG document: no <svg> root element');
  return open.index + open[0].length;
}

export function parseSvgRoot(svg: string): SvgRoot {
  const open = rootTag.exec(svg);
  const close = svg.lastIndexOf('</svg>');
  if (!open || close < open.index) throw new Error('not an SVG document: no <svg> root element');
  if (open[1]!.trimEnd().endsWith('/')) throw new Error('the SVG root element is empty');
  const attributes = readAttributes(open[1]!);
  const lookup = new Map(attributes);
  const numbers = (lookup.get('viewBox') ?? '')
    .trim()
    .split(/[\s,]+/)
    .map(Number);
  let viewBox: SvgRoot['viewBox'];
  if (numbers.length === 4 && numbers.every(Number.isFinite)) {
    viewBox = numbers as SvgRoot['viewBox'];
  } else {
    const width = parseFloat(lookup.get('width') ?? '');
    const height = parseFloat(lookup.get('height') ?? '');
    if (!(width > 0 && height > 0)) throw new Error('the SVG root has neither a viewBox nor a width and height');
    viewBox = [0, 0, width, height];
  }
  return { attributes, body: svg.slice(open.index + open[0].length, close), viewBox };
}

/** The root start tag with attributes replaced (value given) or removed (value null), others kept in place. */
export function rootStartTag(root: SvgRoot, changes: Record<string, string | null>): string {
  const seen = new Set<string>();
  const kept: string[] = [];
  for (const [name, value] of root.attributes) {
    seen.add(name);
    if (name in changes) {
      const replacement = changes[name];
      if (replacement !== null && replacement !== undefined) kept.push(`${name}="${replacement}"`);
    } else {
      kept.push(`${name}="${value}"`);
    }
  }
  for (const [name, value] of Object.entries(changes)) {
    if (!seen.has(name) && value !== null) kept.push(`${name}="${value}"`);
  }
  return `<svg ${kept.join(' ')}>`;
}
