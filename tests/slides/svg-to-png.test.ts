// svgToPng: resvg with the packaged fonts only: sizes, faces, no ligatures, the same bytes every time.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { escapeXml } from '../../src/render/escape-markup.ts';
import { svgToPng } from '../../src/slides/svg-to-png.ts';

const text = (family: string) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="300" height="60" viewBox="0 0 300 60"><text x="10" y="40" ` +
  `font-family="${family}" font-size="28">Memlane 123</text></svg>`;

/** Reads width and height from a PNG's IHDR chunk. */
function pngSize(png: Buffer): { width: number; height: number } {
  assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'PNG signature');
  assert.equal(png.toString('latin1', 12, 16), 'IHDR');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

describe('svgToPng', () => {
  it('writes a PNG whose size is the SVG size times the scale', () => {
    const one = svgToPng(text('Inter'));
    assert.deepEqual(pngSize(one.data), { width: 300, height: 60 });
    const two = svgToPng(text('Inter'), { scale: 2 });
    assert.deepEqual(pngSize(two.data), { width: 600, height: 120 });
    assert.deepEqual([two.width, two.height], [600, 120]);
  });

  it('draws text with the packaged fonts, so Inter and JetBrains Mono give different pixels', () => {
    const sans = svgToPng(text('Inter')).data;
    const mono = svgToPng(text("'JetBrains Mono'")).data;
    const empty = svgToPng(text('NoSuchFamilyAnywhere')).data;
    assert.notDeepEqual(sans, mono);
    // An unknown family falls back to the packaged default (Inter), never to a machine font.
    assert.deepEqual(empty, sans);
  });

  it('draws code without ligatures: `<=`, `!=`, `->` and `==` as the characters typed', () => {
    const code = 'a <= b != c -> d == e';
    const svg = (texts: string) =>
      `<svg xmlns="http://www.w3.org/2000/svg" width="280" height="40" viewBox="0 0 280 40" ` +
      `font-family="'JetBrains Mono'" font-size="20">${texts}</svg>`;
    const run = svg(`<text x="4" y="28" xml:space="preserve">${escapeXml(code)}</text>`);
    // Each character on its own, at its column (JetBrains Mono advances 0.6 em = 12 px): nothing to join.
    const apart = svg(
      [...code]
        .map((char, column) => (char === ' ' ? '' : `<text x="${4 + 12 * column}" y="28">${escapeXml(char)}</text>`))
        .join(''),
    );
    const [joined, single, blank] = [run, apart, svg('')].map(
      (picture) => svgToPng(picture, { background: '#ffffff' }).data,
    );
    assert.ok(!single!.equals(blank!), 'the characters are drawn');
    assert.ok(joined!.equals(single!), 'the line is drawn exactly as its characters one by one');
  });

  it('gives identical bytes for identical input', () => {
    assert.deepEqual(
      svgToPng(text('Inter'), { background: '#0d1117' }).data,
      svgToPng(text('Inter'), { background: '#0d1117' }).data,
    );
  });
});
