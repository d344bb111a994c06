// Pixels of a PNG: the top-left one (stored unfiltered by every PNG filter type, so read without undoing
// them), and how many are of one colour (every row unfiltered).
import { inflateSync } from 'node:zlib';

export function topLeftPixel(png: Buffer): [number, number, number] {
  const chunks: Buffer[] = [];
  let colourType = -1;
  for (let offset = 8; offset < png.length; ) {
    const length = png.readUInt32BE(offset);
    const type = png.toString('latin1', offset + 4, offset + 8);
    const data = png.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') colourType = data[9]!;
    if (type === 'IDAT') chunks.push(data);
    offset += 12 + length;
  }
  if (colourType !== 6 && colourType !== 2) throw new Error(`expected an RGB(A) PNG, got colour type ${colourType}`);
  const raw = inflateSync(Buffer.concat(chunks));
  return [raw[1]!, raw[2]!, raw[3]!];
}

export function brightness([r, g, b]: [number, number, number]): number {
  return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
}

/** The byte a PNG filter predicts from left (a), up (b) and up-left (c): the Paeth predictor. */
function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const [pa, pb, pc] = [Math.abs(p - a), Math.abs(p - b), Math.abs(p - c)];
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/** How many pixels of an 8-bit RGB(A), non-interlaced PNG are exactly `colour`, every row unfiltered. */
export function countColour(png: Buffer, [r, g, b]: [number, number, number]): number {
  const chunks: Buffer[] = [];
  let [width, height, channels] = [0, 0, 0];
  for (let offset = 8; offset < png.length; ) {
    const length = png.readUInt32BE(offset);
    const type = png.toString('latin1', offset + 4, offset + 8);
    const data = png.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      [width, height] = [data.readUInt32BE(0), data.readUInt32BE(4)];
      if (data[8] !== 8 || data[12] !== 0) throw new Error('expected 8 bits a channel, not interlaced');
      channels = data[9] === 6 ? 4 : data[9] === 2 ? 3 : 0;
      if (!channels) throw new Error(`expected an RGB(A) PNG, got colour type ${data[9]}`);
    }
    if (type === 'IDAT') chunks.push(data);
    offset += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(chunks));
  const stride = width * channels;
  let previous = new Uint8Array(stride);
  let count = 0;
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    const row = new Uint8Array(stride);
    for (let i = 0; i < stride; i++) {
      const a = i >= channels ? row[i - channels]! : 0;
      const up = previous[i]!;
      const c = i >= channels ? previous[i - channels]! : 0;
      const predicted = [0, a, up, (a + up) >> 1, paeth(a, up, c)][filter];
      if (predicted === undefined) throw new Error(`unknown PNG filter ${filter} in row ${y}`);
      row[i] = (line[i]! + predicted) & 0xff;
    }
    for (let x = 0; x < stride; x += channels) if (row[x] === r && row[x + 1] === g && row[x + 2] === b) count++;
    previous = row;
  }
  return count;
}

/** `#rrggbb` as its three bytes. */
export const rgbOf = (hex: string): [number, number, number] => [
  parseInt(hex.slice(1, 3), 16),
  parseInt(hex.slice(3, 5), 16),
  parseInt(hex.slice(5, 7), 16),
];
