// The colour of a PNG's top-left pixel. The first pixel of the first row is stored unfiltered by
// every PNG filter type, so it can be read without undoing the filters.
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
