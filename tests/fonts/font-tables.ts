// Reads the parts of a font file the font tests check, by the byte layouts of the OpenType and WOFF2
// specs: a TTF's tables, glyph count, GSUB feature tags and name ids; a WOFF2's directory and tables.
import assert from 'node:assert/strict';
import { brotliDecompressSync } from 'node:zlib';

export function ttfTables(ttf: Buffer): Map<string, Buffer> {
  const tables = new Map<string, Buffer>();
  for (let i = 0; i < ttf.readUInt16BE(4); i++) {
    const at = 12 + i * 16;
    tables.set(
      ttf.toString('latin1', at, at + 4),
      ttf.subarray(ttf.readUInt32BE(at + 8), ttf.readUInt32BE(at + 8) + ttf.readUInt32BE(at + 12)),
    );
  }
  return tables;
}

/** The tables of a TTF or of a WOFF2 file. */
export const tablesOf = (font: Buffer) =>
  font.toString('latin1', 0, 4) === 'wOF2' ? readWoff2(font).tables : ttfTables(font);

/** maxp.numGlyphs. */
export const glyphCount = (font: Buffer) => tablesOf(font).get('maxp')!.readUInt16BE(4);

/** The tags of GSUB's feature list (liga, calt, ...), each once. */
export function substitutionFeatures(font: Buffer): Set<string> {
  const gsub = tablesOf(font).get('GSUB');
  if (!gsub) return new Set();
  const list = gsub.readUInt16BE(6);
  const count = gsub.readUInt16BE(list);
  return new Set(Array.from({ length: count }, (_, i) => gsub.toString('latin1', list + 2 + i * 6, list + 6 + i * 6)));
}

/** The name ids the name table has records for. */
export function nameIds(font: Buffer): Set<number> {
  const name = tablesOf(font).get('name')!;
  return new Set(Array.from({ length: name.readUInt16BE(2) }, (_, i) => name.readUInt16BE(6 + i * 12 + 6)));
}

/** A WOFF2 file whose tables are stored untransformed (as ttf-to-woff2 writes them), read back. */
export function readWoff2(file: Buffer) {
  assert.equal(file.toString('latin1', 0, 4), 'wOF2');
  const count = file.readUInt16BE(12);
  let at = 48;
  const directory: { tag: string; flags: number; length: number }[] = [];
  for (let i = 0; i < count; i++) {
    const flags = file[at++]!;
    assert.equal(flags & 0x3f, 63, 'tags are written out');
    const tag = file.toString('latin1', at, at + 4);
    at += 4;
    let length = 0;
    for (let byte = 0x80; byte & 0x80; ) {
      byte = file[at++]!;
      length = length * 128 + (byte & 0x7f);
    }
    directory.push({ tag, flags, length });
  }
  const compressedLength = file.readUInt32BE(20);
  const data = brotliDecompressSync(file.subarray(at, at + compressedLength));
  let offset = 0;
  const tables = new Map(directory.map(({ tag, length }) => [tag, data.subarray(offset, (offset += length))]));
  return {
    header: { length: file.readUInt32BE(8), totalSfntSize: file.readUInt32BE(16), end: at + compressedLength },
    directory,
    tables,
    streamLength: data.length,
  };
}
