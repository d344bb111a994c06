// The README's data-structure gallery redrawn from the structure corpus: a linked list, a binary
// search tree and a grid at their last step, 1.5 px per unit: `npx tsx scripts/readme-gallery.ts`.
import { writeFileSync } from 'node:fs';
import { traceToLayout } from '../src/layout/trace-to-layout.ts';
import { layoutToSvg } from '../src/render/layout-to-svg.ts';
import { svgToPng } from '../src/slides/svg-to-png.ts';
import { loadStructureTrace } from '../tests/fixtures/structures/load.ts';
import '../src/node/svgdom-window.ts';

const pictures = [
  { snippet: 's02_list_nested', theme: 'light', file: 'linked-list-light.png' },
  { snippet: 's03_bst', theme: 'dark', file: 'binary-tree-dark.png' },
  { snippet: 's04_grid', theme: 'light', file: 'grid-light.png' },
] as const;

for (const { snippet, theme, file } of pictures) {
  const layout = traceToLayout(loadStructureTrace(snippet));
  const png = svgToPng(layoutToSvg(layout, { step: layout.stepsTotal, theme, standalone: true }), { scale: 1.5 });
  writeFileSync(new URL(`../docs/images/${file}`, import.meta.url), png.data);
  console.log(`docs/images/${file}: ${png.width}x${png.height}`);
}
