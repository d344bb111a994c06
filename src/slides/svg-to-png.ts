// SVG to PNG without a browser: resvg with the packaged fonts only, so output never depends on the
// machine, each cut down to the characters drawn and without ligatures (resvg has no switch for them).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { subsetFont } from '../node/subset-font.ts';
import { monoFamily, sansFamily, slideFaces } from './font-files.ts';
import { textByFace } from './text-by-face.ts';

export interface PngOptions {
  /** Pixels per SVG user unit of the root's width/height (2 for crisp slides on HiDPI projectors). */
  scale?: number;
  /** Painted under the drawing; transparent when absent. */
  background?: string;
}

export interface Png {
  data: Buffer;
  width: number;
  height: number;
}

/**
 * Every face, each holding every character the SVG draws (not only its own): a character a face
 * lacks is then drawn by the same other face as with the whole fonts. resvg reads fonts from files only.
 */
function writeFaces(svg: string, dir: string): string[] {
  const { all } = textByFace(svg, slideFaces);
  return slideFaces.map((face, i) => {
    const path = join(dir, `${i}.ttf`);
    writeFileSync(path, subsetFont(readFileSync(face.file), all));
    return path;
  });
}

/** The picture as resvg renders it: straight RGBA, 4 bytes a pixel, rows top to bottom. */
export interface Pixels {
  rgba: Uint8Array;
  width: number;
  height: number;
}

export function svgToPng(svg: string, options: PngOptions = {}): Png {
  const { image, width, height } = renderSvg(svg, options);
  return { data: image.asPng(), width, height };
}

/** The picture's pixels, for encoders other than PNG (the frames of an animation). */
export function svgToPixels(svg: string, options: PngOptions = {}): Pixels {
  const { image, width, height } = renderSvg(svg, options);
  return { rgba: new Uint8Array(image.pixels), width, height };
}

function renderSvg(svg: string, options: PngOptions) {
  const dir = mkdtempSync(join(tmpdir(), 'memlane-faces-'));
  try {
    const resvg = new Resvg(svg, {
      font: {
        fontFiles: writeFaces(svg, dir),
        loadSystemFonts: false,
        defaultFontFamily: sansFamily,
        sansSerifFamily: sansFamily,
        monospaceFamily: monoFamily,
      },
      fitTo: { mode: 'zoom', value: options.scale ?? 1 },
      ...(options.background ? { background: options.background } : {}),
      logLevel: 'off',
    });
    const image = resvg.render();
    return { image, width: image.width, height: image.height };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
