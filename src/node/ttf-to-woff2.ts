// ttf-to-woff2: the same font tables, Brotli-compressed into a WOFF2 file (W3C WOFF 2.0) with the
// null transform on every table, so the glyphs and metrics are exactly those of the TTF.
import { promisify } from 'node:util';
import { brotliCompress, brotliCompressSync, constants, type BrotliOptions } from 'node:zlib';

interface Table {
  tag: string;
  data: Buffer;
}

const nullTransformGlyph = 0xff; // tag index 63 (tag written out) + transform version 3 (null for glyf/loca)
const nullTransformOther = 0x3f; // tag index 63 + transform version 0 (null for every other table)

/** UIntBase128: big-endian groups of 7 bits, the high bit marks "more follows". */
function base128(value: number): Buffer {
  const groups = [value & 0x7f];
  for (let rest = Math.floor(value / 128); rest > 0; rest = Math.floor(rest / 128))
    groups.unshift((rest & 0x7f) | 0x80);
  return Buffer.from(groups);
}

const round4 = (n: number) => (n + 3) & ~3;

function readTables(ttf: Buffer): { flavor: number; tables: Table[] } {
  if (ttf.length < 12) throw new Error('ttf-to-woff2: the file is too short to be a font');
  const flavor = ttf.readUInt32BE(0);
  if (flavor !== 0x00010000 && flavor !== 0x74727565)
    throw new Error(`ttf-to-woff2: not a TrueType font (version 0x${flavor.toString(16)})`);
  const count = ttf.readUInt16BE(4);
  const tables: Table[] = [];
  for (let i = 0; i < count; i++) {
    const at = 12 + i * 16;
    const offset = ttf.readUInt32BE(at + 8);
    const length = ttf.readUInt32BE(at + 12);
    if (offset + length > ttf.length)
      throw new Error(`ttf-to-woff2: table ${ttf.toString('latin1', at, at + 4)} runs past the end of the file`);
    tables.push({ tag: ttf.toString('latin1', at, at + 4), data: ttf.subarray(offset, offset + length) });
  }
  // Decoders want loca right after glyf.
  const loca = tables.findIndex((t) => t.tag === 'loca');
  const glyf = tables.findIndex((t) => t.tag === 'glyf');
  if (loca >= 0 && glyf >= 0)
    tables.splice(tables.findIndex((t) => t.tag === 'glyf') + 1, 0, ...tables.splice(loca, 1));
  return { flavor, tables };
}

const brotliCompressAsync = promisify(brotliCompress);

const brotliOptions = (quality: number): BrotliOptions => ({
  params: { [constants.BROTLI_PARAM_QUALITY]: quality, [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_FONT },
});

/**
 * The WOFF2 of a TTF. Brotli's `quality` 11 packs tightest (the site's fonts, written once); a drawing's
 * small subsets use a lower one, a few per cent larger in a hundredth of the time.
 */
export function ttfToWoff2(ttf: Buffer, quality = 11): Buffer {
  const { flavor, tables } = readTables(ttf);
  const data = Buffer.concat(tables.map((t) => t.data));
  return woff2File(flavor, tables, brotliCompressSync(data, brotliOptions(quality)));
}

/** ttfToWoff2, with Brotli run on libuv's thread pool: the calling thread goes on with other work meanwhile. */
export async function ttfToWoff2Async(ttf: Buffer, quality = 11): Promise<Buffer> {
  const { flavor, tables } = readTables(ttf);
  const data = Buffer.concat(tables.map((t) => t.data));
  return woff2File(flavor, tables, await brotliCompressAsync(data, brotliOptions(quality)));
}

/** The WOFF2 file: header, table directory, then the tables' data as one Brotli stream. */
function woff2File(flavor: number, tables: Table[], compressed: Buffer): Buffer {
  const directory = Buffer.concat(
    tables.map(({ tag, data }) =>
      Buffer.concat([
        Buffer.from([tag === 'glyf' || tag === 'loca' ? nullTransformGlyph : nullTransformOther]),
        Buffer.from(tag, 'latin1'),
        base128(data.length),
      ]),
    ),
  );
  const headerLength = 48;
  const length = round4(headerLength + directory.length + compressed.length);
  const header = Buffer.alloc(headerLength);
  header.write('wOF2', 0, 'latin1');
  header.writeUInt32BE(flavor, 4);
  header.writeUInt32BE(length, 8);
  header.writeUInt16BE(tables.length, 12);
  // totalSfntSize
  header.writeUInt32BE(12 + 16 * tables.length + tables.reduce((sum, t) => sum + round4(t.data.length), 0), 16);
  header.writeUInt32BE(compressed.length, 20);
  header.writeUInt16BE(1, 24); // major version of the font data: informational
  // minor version, metadata and private data offsets/lengths stay 0.
  const file = Buffer.alloc(length);
  header.copy(file, 0);
  directory.copy(file, headerLength);
  compressed.copy(file, headerLength + directory.length);
  return file;
}
