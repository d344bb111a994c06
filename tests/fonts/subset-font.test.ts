// subset-font: the packaged faces cut down by HarfBuzz to the glyphs of some characters, their
// ligature features gone (JetBrains Mono's `<=` as ⩽), the names renderers match them by kept.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { subsetFont } from '../../src/node/subset-font.ts';
import { slideFaces } from '../../src/slides/font-files.ts';
import { glyphCount, nameIds, substitutionFeatures, ttfTables } from './font-tables.ts';

const codePoints = (text: string) => [...text].map((char) => char.codePointAt(0)!);
const faceOf = (family: string, weight: number) =>
  slideFaces.find((face) => face.family === family && face.weight === weight && face.style === 'normal')!;

describe('subsetFont', () => {
  for (const face of slideFaces) {
    it(`cuts ${face.family} ${face.weight} ${face.style} to a few glyphs and drops its ligatures`, () => {
      const ttf = readFileSync(face.file);
      const subset = subsetFont(ttf, codePoints('a <= b != c -> d == e'));
      assert.ok(substitutionFeatures(ttf).has('calt'), 'the whole font has contextual alternates');
      for (const feature of ['liga', 'clig', 'calt', 'dlig'])
        assert.ok(!substitutionFeatures(subset).has(feature), `no ${feature} left`);
      // The 11 characters and .notdef; a composite may pull in a part or two.
      assert.ok(
        glyphCount(subset) >= 12 && glyphCount(subset) <= 18,
        `${glyphCount(subset)} glyphs of ${glyphCount(ttf)}`,
      );
      assert.ok(subset.length < ttf.length / 10, `${subset.length} bytes of ${ttf.length}`);
      assert.deepEqual(
        [...ttfTables(subset).keys()].filter((tag) => ['cmap', 'glyf', 'hmtx', 'name', 'OS/2'].includes(tag)).sort(),
        ['OS/2', 'cmap', 'glyf', 'hmtx', 'name'],
      );
    });
  }

  it('keeps the typographic family, by which Inter SemiBold is found as Inter 600', () => {
    const semiBold = readFileSync(faceOf('Inter', 600).file);
    assert.ok(nameIds(semiBold).has(16));
    assert.ok(nameIds(subsetFont(semiBold, codePoints('Node'))).has(16));
  });

  it('gives the same bytes for the same characters, in any order', () => {
    const ttf = readFileSync(faceOf('JetBrains Mono', 400).file);
    assert.ok(subsetFont(ttf, codePoints('head = Node(1)')).equals(subsetFont(ttf, codePoints(')1(edoN = daeh'))));
  });

  it('refuses a file that is not a font, with a hint', () => {
    assert.throws(
      () => subsetFont(Buffer.from('not a font at all'), codePoints('a')),
      /could not subset the font\nhint: /,
    );
  });
});
