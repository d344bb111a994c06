// Text widths from the real TTF files, through svgdom's font mapping (fontkit underneath), so
// labels are sized for the exact glyphs a browser or resvg will draw.
import { config } from 'svgdom';
import { faces } from '../render/fonts.ts';
import type { TextFace } from './types.ts';

interface FontkitFont {
  unitsPerEm: number;
  glyphsForString(text: string): { advanceWidth: number }[];
}

const mappingName: Record<TextFace, string> = {
  label: 'Memlane Label',
  heading: 'Memlane Heading',
  value: 'Memlane Value',
};

let loaded: Record<TextFace, FontkitFont> | undefined;

function fonts(): Record<TextFace, FontkitFont> {
  if (loaded) return loaded;
  // Mapping entries are joined to the font dir; the files are absolute, so the dir is the root.
  config
    .setFontDir('/')
    .setFontFamilyMappings(Object.fromEntries(Object.entries(faces).map(([face, f]) => [mappingName[face as TextFace], f.file])))
    .preloadFonts();
  const byName = config.getFonts() as Record<string, FontkitFont>;
  const pick = (face: TextFace) => {
    const font = byName[mappingName[face]];
    if (!font) throw new Error(`memlane: could not load the font file ${faces[face].file}\nhint: run "npm install" so the @expo-google-fonts packages are present.`);
    return font;
  };
  loaded = { label: pick('label'), heading: pick('heading'), value: pick('value') };
  return loaded;
}

const cache = new Map<string, number>();

/** Width in em, glyph by glyph without shaping: JetBrains Mono's contextual alternates keep every
 * advance the same (and fontkit cannot decode some, e.g. for "__"), and Inter's kerning only ever
 * narrows text a little, so boxes sized this way always hold their words. Shaping is also slow. */
function advance(font: FontkitFont, text: string): number {
  try {
    return font.glyphsForString(text).reduce((sum, glyph) => sum + glyph.advanceWidth, 0) / font.unitsPerEm;
  } catch {
    // A glyph the font cannot describe: count it as a wide character rather than fail the diagram.
    return [...text].length * 0.62;
  }
}

/** Advance width in px of `text` set in `face` at `size` px. */
export function measureText(text: string, face: TextFace, size: number): number {
  const key = `${face}\u0000${size}\u0000${text}`;
  let width = cache.get(key);
  if (width === undefined) {
    width = advance(fonts()[face], text) * size;
    if (cache.size > 50_000) cache.clear();
    cache.set(key, width);
  }
  return width;
}

/** `text` itself when it fits in `maxWidth`, else the longest prefix that fits followed by an ellipsis. */
export function fitText(text: string, face: TextFace, size: number, maxWidth: number): { text: string; shortened: boolean } {
  if (measureText(text, face, size) <= maxWidth) return { text, shortened: false };
  const chars = [...text];
  let low = 0;
  let high = chars.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (measureText(chars.slice(0, mid).join('') + '…', face, size) <= maxWidth) low = mid;
    else high = mid - 1;
  }
  return { text: chars.slice(0, low).join('') + '…', shortened: true };
}
