// The README's gallery: each picture drawn from a recorded trace by the current layout and renderer.
// `npx tsx scripts/gallery.ts` rewrites docs/images/; tests/docs/gallery.test.ts fails when one is stale.
import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { traceToLayout } from '../src/layout/trace-to-layout.ts';
import { layoutToSvg, type RenderOptions } from '../src/render/layout-to-svg.ts';
import { svgToPng } from '../src/slides/svg-to-png.ts';
import { loadAnyTrace } from '../tests/fixtures/load-any-trace.ts';

export interface GalleryImage {
  /** File name in docs/images/. */
  file: string;
  /** A corpus trace of tests/fixtures/traces/, or `structures/<name>` of tests/fixtures/structures/. */
  trace: string;
  step: number | 'last';
  theme: RenderOptions['theme'];
}

/** Pixels per SVG unit: sharp on high-density screens, small enough for a README. */
const SCALE = 1.5;

export const galleryImages: GalleryImage[] = [
  { file: 'aliasing-light.png', trace: 'c01_bind', step: 'last', theme: 'light' },
  { file: 'shallow-deep-copy-dark.png', trace: 'c04_shallow_deep', step: 'last', theme: 'dark' },
  { file: 'cycle-unreachable-light.png', trace: 'c08_cycle', step: 8, theme: 'light' },
  { file: 'closure-cells-sketch.png', trace: 'c10_closure_cells', step: 12, theme: 'sketch' },
  { file: 'linked-list-light.png', trace: 'structures/s02_list_nested', step: 'last', theme: 'light' },
  { file: 'binary-tree-dark.png', trace: 'structures/s03_bst', step: 'last', theme: 'dark' },
  { file: 'grid-light.png', trace: 'structures/s04_grid', step: 'last', theme: 'light' },
];

export const galleryDir = new URL('../docs/images/', import.meta.url);

/** The PNG bytes of one gallery picture as the current code draws it. */
export function drawGalleryImage(image: GalleryImage): Buffer {
  const layout = traceToLayout(loadAnyTrace(image.trace));
  const svg = layoutToSvg(layout, {
    step: image.step === 'last' ? layout.stepsTotal : image.step,
    theme: image.theme,
    standalone: true,
  });
  return svgToPng(svg, { scale: SCALE }).data;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const image of galleryImages) {
    writeFileSync(new URL(image.file, galleryDir), drawGalleryImage(image));
    console.log(`wrote docs/images/${image.file}`);
  }
}
