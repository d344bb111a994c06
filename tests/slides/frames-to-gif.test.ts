// frames-to-gif: frames padded to the largest with the page colour, unchanged pixels left to the frame
// before, and what a decoder shows equal to what was drawn (few colours, so the palette is exact).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { GifReader } from 'omggif';
import { framesToGif, padFrame } from '../../src/slides/frames-to-gif.ts';
import type { Pixels } from '../../src/slides/svg-to-png.ts';

/** A frame from rows of colours, one [r, g, b] a pixel. */
function frame(rows: [number, number, number][][]): Pixels {
  const width = rows[0]!.length;
  const rgba = new Uint8Array(rows.flatMap((row) => row.flatMap(([r, g, b]) => [r, g, b, 255])));
  return { rgba, width, height: rows.length };
}

const white: [number, number, number] = [255, 255, 255];
const red: [number, number, number] = [200, 30, 40];
const blue: [number, number, number] = [20, 60, 220];

/** Every frame as a viewer shows it (each drawn over the one before). */
function decode(bytes: Uint8Array): { gif: GifReader; shown: Uint8Array[] } {
  const gif = new GifReader(bytes);
  const canvas = new Uint8Array(gif.width * gif.height * 4);
  const shown: Uint8Array[] = [];
  for (let i = 0; i < gif.numFrames(); i++) {
    gif.decodeAndBlitFrameRGBA(i, canvas);
    shown.push(canvas.slice());
  }
  return { gif, shown };
}

describe('framesToGif', () => {
  it('pads a smaller frame at the top left with the page colour', () => {
    const padded = padFrame(frame([[red]]), 2, 2, '#ffffff');
    assert.deepEqual(
      [...padded.rgba],
      [
        ...frame([
          [red, white],
          [white, white],
        ]).rgba,
      ],
    );
    assert.throws(() => padFrame(frame([[red]]), 2, 2, 'white'), /#rrggbb/);
  });

  it('shows every frame as drawn, all the size of the largest, each with its delay', () => {
    const first = frame([
      [red, white],
      [white, white],
    ]);
    const second = frame([
      [red, blue, white],
      [white, white, blue],
    ]);
    const { gif, shown } = decode(framesToGif([first, second, first], { delayMs: 700, background: '#ffffff' }));
    assert.deepEqual([gif.width, gif.height, gif.numFrames()], [3, 2, 3]);
    for (let i = 0; i < 3; i++) assert.equal(gif.frameInfo(i).delay, 70);
    const opaque = (p: Pixels) => [...padFrame(p, 3, 2, '#ffffff').rgba];
    assert.deepEqual([...shown[0]!], opaque(first));
    assert.deepEqual([...shown[1]!], opaque(second));
    assert.deepEqual([...shown[2]!], opaque(first), 'the third frame takes back what the second changed');
  });

  it('leaves the unchanged pixels to the frame before: a repeated frame is smaller than the first', () => {
    // Many colours, as anti-aliased text has: the first frame costs its palette and pixels.
    const big = frame(
      Array.from({ length: 64 }, (_, y) =>
        Array.from({ length: 64 }, (_, x): [number, number, number] => [x * 4, y * 4, ((x * y) % 7) * 30]),
      ),
    );
    const one = framesToGif([big], { delayMs: 100, background: '#ffffff' }).length;
    const two = framesToGif([big, big], { delayMs: 100, background: '#ffffff' }).length;
    assert.ok(two - one < one / 4, `the repeat costs ${two - one} bytes, the first frame ${one}`);
  });

  it('refuses no frames', () => {
    assert.throws(() => framesToGif([], { delayMs: 100, background: '#ffffff' }), /no frames/);
  });
});
