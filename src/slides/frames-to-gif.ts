// Slides as one GIF animation: every step's picture a frame of one size (smaller ones padded with the
// page colour), each shown for its delay; frames after the first carry only the pixels that changed.
import gifenc from 'gifenc';
import type { Pixels } from './svg-to-png.ts';

export interface GifOptions {
  /** How long each frame stays, ms; GIF counts hundredths of a second, so it is rounded to 10 ms. */
  delayMs: number;
  /** The page colour, `#rrggbb`: fills the padding of frames smaller than the largest. */
  background: string;
}

// gifenc is CommonJS for Node: its functions come on the default export.
const { applyPalette, GIFEncoder, quantize } = gifenc;

/** At most this many colours a frame, so one of GIF's 256 palette entries is left for "keep". */
const MAX_COLOURS = 255;
/** GIF disposal method 1: leave the frame in place, so the next one draws over it. */
const DO_NOT_DISPOSE = 1;

function rgbOf(hex: string): [number, number, number] {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!match) throw new Error(`frames-to-gif: background "${hex}" is not #rrggbb`);
  return [parseInt(match[1]!, 16), parseInt(match[2]!, 16), parseInt(match[3]!, 16)];
}

/** Post-condition: `width` x `height` opaque pixels, the picture at the top left, the rest `background`. */
export function padFrame(frame: Pixels, width: number, height: number, background: string): Pixels {
  if (frame.width === width && frame.height === height) return frame;
  const [r, g, b] = rgbOf(background);
  const rgba = new Uint8Array(width * height * 4);
  for (let i = 0; i < rgba.length; i += 4) rgba.set([r, g, b, 255], i);
  for (let y = 0; y < frame.height; y++) {
    rgba.set(frame.rgba.subarray(y * frame.width * 4, (y + 1) * frame.width * 4), y * width * 4);
  }
  return { rgba, width, height };
}

/** The pixels as one 32-bit word each, to compare a pixel in one step (a copy if the bytes are not aligned). */
const words = (rgba: Uint8Array) =>
  rgba.byteOffset % 4 === 0
    ? new Uint32Array(rgba.buffer, rgba.byteOffset, rgba.length / 4)
    : new Uint32Array(rgba.slice().buffer);

/**
 * Each pixel's palette index, with `keep` (the palette's last entry) where the pixel equals the one of the frame
 * before. The palette is as short as GIF allows (a power of two), so a frame that changes little stays small.
 */
function changedIndexes(
  frame: Pixels,
  before: Pixels | undefined,
): { index: Uint8Array; palette: number[][]; keep: number } {
  const now = words(frame.rgba);
  const then = before ? words(before.rgba) : undefined;
  const changed = then ? onlyChanged(now, then) : frame.rgba;
  const palette = quantize(changed.length ? changed : frame.rgba.subarray(0, 4), MAX_COLOURS);
  const index = applyPalette(frame.rgba, palette);
  const size = 2 ** Math.max(1, Math.ceil(Math.log2(palette.length + 1)));
  while (palette.length < size) palette.push([0, 0, 0]);
  const keep = size - 1;
  if (then) {
    for (let p = 0; p < index.length; p++) if (now[p] === then[p]) index[p] = keep;
  }
  return { index, palette, keep };
}

/** The changed pixels alone, so the palette is spent on what this frame draws anew. */
function onlyChanged(now: Uint32Array, then: Uint32Array): Uint8Array {
  const out = new Uint32Array(now.length);
  let length = 0;
  for (let p = 0; p < now.length; p++) if (now[p] !== then[p]) out[length++] = now[p]!;
  return new Uint8Array(out.buffer, 0, length * 4);
}

/**
 * One looping GIF of `frames`, in order. Pre-condition: opaque pixels (slides paint their page colour).
 * Post-condition: as many frames as given, every one `delayMs` long, all the size of the largest.
 */
export function framesToGif(frames: Pixels[], options: GifOptions): Uint8Array {
  if (!frames.length) throw new Error('frames-to-gif: no frames to write');
  const width = Math.max(...frames.map((f) => f.width));
  const height = Math.max(...frames.map((f) => f.height));
  const gif = GIFEncoder();
  let before: Pixels | undefined;
  for (const frame of frames) {
    const padded = padFrame(frame, width, height, options.background);
    const { index, palette, keep } = changedIndexes(padded, before);
    gif.writeFrame(index, width, height, {
      palette,
      delay: options.delayMs,
      repeat: 0,
      dispose: DO_NOT_DISPOSE,
      ...(before ? { transparent: true, transparentIndex: keep } : {}),
    });
    before = padded;
  }
  gif.finish();
  return gif.bytes();
}
