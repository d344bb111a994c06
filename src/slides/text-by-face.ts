// Which characters each face draws in an SVG the slides made: its text walked with the font
// attributes every element inherits, each text given the face CSS font matching would pick.
// Fonts are set by attributes only (font-family, font-weight, font-style), as render and slides write them.
import { readAttributes } from './svg-root.ts';
import type { SlideFace } from './font-files.ts';

interface Font {
  families: string[];
  weight: number;
  style: string;
}

/** Elements whose text is never drawn. */
const undrawn = new Set(['title', 'desc', 'style', 'script', 'metadata']);
const markup = /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<(\/?)([\w:.-]+)((?:[^>"']|"[^"]*"|'[^']*')*)>|([^<]+)/g;
const named: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

const decode = (text: string) =>
  text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (entity, name: string) =>
    name[0] === '#'
      ? String.fromCodePoint(name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1)))
      : (named[name] ?? entity),
  );

const familiesOf = (value: string) =>
  value
    .split(',')
    .map((family) => family.trim().replace(/^(['"])(.*)\1$/, '$2'))
    .filter(Boolean);

function weightOf(value: string, inherited: number): number {
  if (value === 'normal') return 400;
  if (value === 'bold' || value === 'bolder') return 700;
  if (value === 'lighter') return 300;
  const number = Number(value);
  return Number.isFinite(number) ? number : inherited;
}

/**
 * CSS font matching (CSS Fonts 4, §5.2) over one family's faces: the style first, then the nearest weight the way CSS
 * prefers it.
 */
export function matchFace(faces: readonly SlideFace[], font: Font): SlideFace | undefined {
  for (const family of font.families) {
    const candidates = faces.filter((face) => face.family.toLowerCase() === family.toLowerCase());
    if (!candidates.length) continue;
    const italic = font.style === 'italic' || font.style === 'oblique';
    const styled = candidates.filter((face) => (face.style === 'italic') === italic);
    const pool = styled.length ? styled : candidates;
    const wanted = font.weight;
    const heavier = (a: SlideFace, b: SlideFace) => a.weight - b.weight;
    const lighter = (a: SlideFace, b: SlideFace) => b.weight - a.weight;
    const exact = pool.find((face) => face.weight === wanted);
    if (exact) return exact;
    const above = pool.filter((face) => face.weight > wanted).sort(heavier);
    const below = pool.filter((face) => face.weight < wanted).sort(lighter);
    if (wanted >= 400 && wanted <= 500) {
      const upTo500 = above.filter((face) => face.weight <= 500);
      return upTo500[0] ?? below[0] ?? above[0];
    }
    return wanted > 500 ? (above[0] ?? below[0]) : (below[0] ?? above[0]);
  }
  return undefined;
}

export interface TextByFace {
  /** The code points each face draws, for every face given (empty when unused). */
  byFace: Map<SlideFace, Set<number>>;
  /** Every code point drawn, whatever its face, the ones of no packaged family too. */
  all: Set<number>;
}

/** Walks the SVG's elements, keeping each one's inherited font, and files every drawn character under its face. */
export function textByFace(svg: string, faces: readonly SlideFace[]): TextByFace {
  const byFace = new Map(faces.map((face) => [face, new Set<number>()]));
  const all = new Set<number>();
  const stack: { name: string; font: Font }[] = [];
  let font: Font = { families: [], weight: 400, style: 'normal' };
  let inText = 0;
  let hidden = 0;
  for (const [token, closing, name, attributeText, text] of svg.matchAll(markup)) {
    if (text !== undefined) {
      if (!inText || hidden) continue;
      const face = matchFace(faces, font);
      for (const char of decode(text)) {
        // A tab or newline is drawn as a space.
        const codePoint = char.codePointAt(0)! < 0x20 ? 0x20 : char.codePointAt(0)!;
        all.add(codePoint);
        if (face) byFace.get(face)!.add(codePoint);
      }
    } else if (name !== undefined && closing) {
      const open = stack.pop();
      if (open?.name !== name)
        throw new Error(
          `text-by-face: </${name}> closes <${open?.name ?? 'nothing'}>\nhint: the SVG is not well-formed`,
        );
      if (name === 'text') inText--;
      if (undrawn.has(name)) hidden--;
      font = stack.at(-1)?.font ?? { families: [], weight: 400, style: 'normal' };
    } else if (name !== undefined) {
      const attributes = new Map(readAttributes(attributeText ?? '').map(([key, value]) => [key, decode(value)]));
      const own: Font = {
        families: attributes.has('font-family') ? familiesOf(attributes.get('font-family')!) : font.families,
        weight: attributes.has('font-weight') ? weightOf(attributes.get('font-weight')!, font.weight) : font.weight,
        style: attributes.get('font-style') ?? font.style,
      };
      if (token.endsWith('/>')) continue;
      stack.push({ name, font: own });
      font = own;
      if (name === 'text') inText++;
      if (undrawn.has(name)) hidden++;
    }
  }
  return { byFace, all };
}
