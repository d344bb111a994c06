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
function writeFaces(svgs: string[], dir: string): string[] {
  const all = new Set(svgs.flatMap((svg) => [...textByFace(svg, slideFaces).all]));
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
  const image = withFaces([svg], (fontFiles) => renderSvg(svg, options, fontFiles));
  return { data: image.asPng(), width: image.width, height: image.height };
}

/**
 * Each picture's pixels, for encoders other than PNG (the frames of an animation): the faces are cut once, to the
 * characters of all of them, rather than once a picture.
 */
export function svgsToPixels(svgs: string[], options: PngOptions = {}): Pixels[] {
  return withFaces(svgs, (fontFiles) =>
    svgs.map((svg) => {
      const image = renderSvg(svg, options, fontFiles);
      return { rgba: new Uint8Array(image.pixels), width: image.width, height: image.height };
    }),
  );
}

/** Runs `render` with the slide faces cut to the characters of `svgs`, in files removed afterwards. */
function withFaces<T>(svgs: string[], render: (fontFiles: string[]) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'memlane-faces-'));
  try {
    return render(writeFaces(svgs, dir));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function renderSvg(svg: string, options: PngOptions, fontFiles: string[]) {
  const resvg = new Resvg(svg, {
    font: {
      fontFiles,
      loadSystemFonts: false,
      defaultFontFamily: sansFamily,
      sansSerifFamily: sansFamily,
      monospaceFamily: monoFamily,
    },
    fitTo: { mode: 'zoom', value: options.scale ?? 1 },
    ...(options.background ? { background: options.background } : {}),
    logLevel: 'off',
  });
  return resvg.render();
}
