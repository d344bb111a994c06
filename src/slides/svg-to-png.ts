// SVG to PNG without a browser: resvg with the packaged fonts only, so output never depends on the machine.
import { Resvg } from '@resvg/resvg-js';
import { fontFiles, monoFamily, sansFamily } from './font-files.ts';

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

export function svgToPng(svg: string, options: PngOptions = {}): Png {
  const resvg = new Resvg(svg, {
    font: {
      fontFiles: [...fontFiles],
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
  return { data: image.asPng(), width: image.width, height: image.height };
}
