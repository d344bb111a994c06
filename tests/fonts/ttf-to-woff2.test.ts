// ttf-to-woff2: the WOFF2 holds exactly the TTF's tables (read back here with the format's own
// rules), in a file browsers accept (tests/site/fonts.test.ts loads it in Chromium).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { ttfToWoff2, ttfToWoff2Async } from '../../src/node/ttf-to-woff2.ts';
import { diagramFontFiles, faces } from '../../src/node/font-files.ts';
import { readWoff2, ttfTables } from './font-tables.ts';

describe('ttfToWoff2', () => {
  it('makes the same file on the thread pool (ttfToWoff2Async) as on the calling thread', async () => {
    const ttf = readFileSync(diagramFontFiles[0]!);
    assert.ok((await ttfToWoff2Async(ttf, 5)).equals(ttfToWoff2(ttf, 5)));
  });

  for (const face of Object.values(faces)) {
    it(`keeps every table of ${face.family} ${face.weight} byte for byte, in less than half the size`, () => {
      const ttf = readFileSync(face.file);
      const woff2 = ttfToWoff2(ttf);
      const { header, directory, tables, streamLength } = readWoff2(woff2);
      const original = ttfTables(ttf);
      assert.deepEqual([...tables.keys()].sort(), [...original.keys()].sort());
      for (const [tag, bytes] of original) assert.ok(tables.get(tag)!.equals(bytes), `table ${tag}`);
      assert.equal(
        streamLength,
        [...original.values()].reduce((sum, t) => sum + t.length, 0),
        'nothing after the last table',
      );
      const tags = directory.map((d) => d.tag);
      assert.equal(tags.indexOf('loca'), tags.indexOf('glyf') + 1, 'loca follows glyf');
      for (const { tag, flags } of directory)
        assert.equal(flags >> 6, tag === 'glyf' || tag === 'loca' ? 3 : 0, `null transform on ${tag}`);
      assert.equal(header.length, woff2.length);
      assert.equal(woff2.length % 4, 0);
      assert.ok(header.end <= woff2.length && woff2.length - header.end < 4, 'only padding after the data');
      assert.equal(
        header.totalSfntSize,
        12 + 16 * original.size + [...original.values()].reduce((sum, t) => sum + ((t.length + 3) & ~3), 0),
      );
      assert.ok(woff2.length < ttf.length / 2, `${woff2.length} bytes from ${ttf.length}`);
    });
  }

  it('refuses a file that is not a TrueType font, saying so', () => {
    assert.throws(() => ttfToWoff2(Buffer.from('wOFFxxxxxxxxxxxxxxxx')), /not a TrueType font/);
    assert.throws(() => ttfToWoff2(Buffer.from('abc')), /too short/);
  });
});
