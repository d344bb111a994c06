// The advance-width tables of the diagram faces, read from the TTFs with fontkit
// (through svgdom's font loader). scripts/generate-font-metrics.ts writes them to
// src/fonts/advance-widths.json, and a test checks that the committed file still matches the TTFs.
import { config } from 'svgdom';
import type { AdvanceWidthTable } from '../src/fonts/advance-widths.ts';
import type { TextFace } from '../src/layout/types.ts';
import { faces } from '../src/node/font-files.ts';

interface FontkitFont {
  unitsPerEm: number;
  characterSet: number[];
  glyphForCodePoint(codePoint: number): { id: number; advanceWidth: number };
  _cmapProcessor: { uvs?: unknown };
}

/** One face's table: runs of consecutive code points with one advance, and the .notdef advance. */
function tableOf(font: FontkitFont, file: string): AdvanceWidthTable {
  // Variation sequences would map a code point to another glyph; none of the faces has them.
  if (font._cmapProcessor.uvs) throw new Error(`${file} has Unicode variation sequences, which the tables do not hold`);
  const runs: [number, number, number][] = [];
  for (const codePoint of [...font.characterSet].sort((a, b) => a - b)) {
    const advance = font.glyphForCodePoint(codePoint).advanceWidth;
    const last = runs[runs.length - 1];
    if (last && last[0] + last[1] === codePoint && last[2] === advance) last[1] += 1;
    else runs.push([codePoint, 1, advance]);
  }
  return { unitsPerEm: font.unitsPerEm, missing: font.glyphForCodePoint(0x10ffff).advanceWidth, runs };
}

export function advanceWidthTables(): Record<TextFace, AdvanceWidthTable> {
  const mapping = Object.fromEntries(Object.entries(faces).map(([face, f]) => [`Memlane ${face}`, f.file]));
  // Mapping entries are joined to the font dir; the files are absolute, so the dir is the root.
  config.setFontDir('/').setFontFamilyMappings(mapping).preloadFonts();
  const loaded = config.getFonts() as Record<string, FontkitFont>;
  return Object.fromEntries(
    Object.entries(faces).map(([face, f]) => {
      const font = loaded[`Memlane ${face}`];
      if (!font)
        throw new Error(
          `memlane: could not load the font file ${f.file}\nhint: run "npm install" so the ` +
            `@expo-google-fonts ` +
            `packages are present.`,
        );
      return [face, tableOf(font, f.file)];
    }),
  ) as Record<TextFace, AdvanceWidthTable>;
}

/** The committed JSON text: one run per line keeps diffs readable when a font is updated. */
export function advanceWidthsJson(tables: Record<TextFace, AdvanceWidthTable>): string {
  const faceJson = (table: AdvanceWidthTable) =>
    `{\n    "unitsPerEm": ${table.unitsPerEm},\n    "missing": ${table.missing},\n    "runs": [\n` +
    `${table.runs.map((r) => `      ${JSON.stringify(r)}`).join(',\n')}` +
    `\n    ]\n  }`;
  return `{\n${Object.entries(tables)
    .map(([face, table]) => `  "${face}": ${faceJson(table)}`)
    .join(',\n')}\n}\n`;
}
