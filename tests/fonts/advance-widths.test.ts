import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { advanceWidthTables, advanceWidthsJson } from '../../scripts/advance-width-tables.ts';
import { config } from 'svgdom';
import { faces } from '../../src/node/font-files.ts';
import { measureText } from '../../src/layout/measure-text.ts';

describe('the advance-width tables layout measures with', () => {
  it('are what the bundled TTFs say today (run scripts/generate-font-metrics.ts after a font update)', () => {
    const committed = readFileSync(new URL('../../src/fonts/advance-widths.json', import.meta.url), 'utf8');
    assert.equal(committed, advanceWidthsJson(advanceWidthTables()));
  });

  it('give the widths fontkit gives from the TTFs, for every character of the first planes and odd sequences', () => {
    advanceWidthTables();
    const fonts = config.getFonts() as Record<
      string,
      { unitsPerEm: number; glyphsForString(text: string): { advanceWidth: number }[] }
    >;
    const samples = ['', 'list', '__init__', 'a\uFE0Fb', '\uFE0F', '\uD800x', 'x\uDC00', '😀\u{E0100}', '\u0000'];
    for (let codePoint = 0; codePoint < 0x20000; codePoint += 7) samples.push(`${String.fromCodePoint(codePoint)}W`);
    for (const face of Object.keys(faces) as (keyof typeof faces)[]) {
      const font = fonts[`Memlane ${face}`]!;
      for (const text of samples) {
        const expected =
          (font.glyphsForString(text).reduce((sum, glyph) => sum + glyph.advanceWidth, 0) / font.unitsPerEm) * 11;
        assert.equal(measureText(text, face, 11), expected, `${face} ${JSON.stringify(text)}`);
      }
    }
  });
});
