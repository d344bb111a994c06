import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { svgToPng } from '../../src/slides/svg-to-png.ts';

const text = (family: string) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="300" height="60" viewBox="0 0 300 60"><text x="10" y="40" font-family="${family}" font-size="28">Memlane 123</text></svg>`;

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

  it('gives identical bytes for identical input', () => {
    assert.deepEqual(svgToPng(text('Inter'), { background: '#0d1117' }).data, svgToPng(text('Inter'), { background: '#0d1117' }).data);
  });
});
