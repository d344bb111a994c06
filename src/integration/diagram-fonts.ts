// The diagram faces for pages: the very TTFs the layout measures with and resvg renders PNGs with
// (src/node/font-files.ts), re-packed as WOFF2 (same tables, about a third of the bytes). Written once
// per font version into a directory, with a stylesheet whose relative url()s Vite bundles.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fontFaceRule } from '../fonts/font-face-css.ts';
import { faces } from '../node/font-files.ts';
import { ttfToWoff2 } from '../node/ttf-to-woff2.ts';

export interface ServedFace {
  family: string;
  weight: number;
  /** File name of the WOFF2 inside the fonts directory. */
  file: string;
}

/** The @font-face rules of the files written beside the stylesheet. */
export function fontFaceCss(served: ServedFace[]): string {
  return served.map(({ family, weight, file }) => fontFaceRule({ family, weight, url: `./${file}`, display: 'swap' })).join('\n');
}

/** Writes the WOFF2 files and `diagram-fonts.css` into `dir` (unchanged files are kept). */
export function writeDiagramFonts(dir: string): { cssPath: string; fontFiles: string[] } {
  mkdirSync(dir, { recursive: true });
  const served: ServedFace[] = [];
  for (const face of new Map(Object.values(faces).map((f) => [f.file, f])).values()) {
    const ttf = readFileSync(face.file);
    const hash = createHash('sha256').update(ttf).digest('hex').slice(0, 10);
    const file = `${face.family.replace(/\s+/g, '')}-${face.weight}-${hash}.woff2`;
    if (!existsSync(join(dir, file))) writeFileSync(join(dir, file), ttfToWoff2(ttf));
    served.push({ family: face.family, weight: face.weight, file });
  }
  const cssPath = join(dir, 'diagram-fonts.css');
  const css = fontFaceCss(served);
  if (!existsSync(cssPath) || readFileSync(cssPath, 'utf8') !== css) writeFileSync(cssPath, css);
  return { cssPath, fontFiles: served.map((face) => face.file) };
}
