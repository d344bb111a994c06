// Golden SVGs of a few corpus snippets: any change to the drawing shows up as a diff to review.
// After an intended change: UPDATE_GOLDEN=1 npm test -- golden, then look at the new files.
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { traceToLayout } from '../../src/layout/trace-to-layout.ts';
import { layoutToSvg, type RenderOptions } from '../../src/render/layout-to-svg.ts';
import { loadAnyTrace } from '../fixtures/load-any-trace.ts';

const goldens: {
  file: string;
  trace: string;
  options: Omit<RenderOptions, 'step'> & { step: RenderOptions['step'] | 'last' };
}[] = [
  { file: 'c01_bind-last-light.svg', trace: 'c01_bind', options: { step: 8, theme: 'light', standalone: true } },
  { file: 'c03_frames-step9-dark.svg', trace: 'c03_frames', options: { step: 9, theme: 'dark', standalone: true } },
  { file: 'c08_cycle-step8-light.svg', trace: 'c08_cycle', options: { step: 8, theme: 'light', standalone: true } },
  {
    file: 'c10_closure_cells-last-sketch.svg',
    trace: 'c10_closure_cells',
    options: { step: 20, theme: 'sketch', standalone: true },
  },
  {
    file: 'c05_tuple_list_inside-all-site.svg',
    trace: 'c05_tuple_list_inside',
    options: { step: 'all', theme: 'site', idPrefix: 'tuple' },
  },
  // Data structures drawn by their shape: a linked list as a chain, a tree as a tree, a grid.
  {
    file: 's02_list_nested-last-light.svg',
    trace: 'structures/s02_list_nested',
    options: { step: 'last', theme: 'light', standalone: true },
  },
  {
    file: 's03_bst-last-light.svg',
    trace: 'structures/s03_bst',
    options: { step: 'last', theme: 'light', standalone: true },
  },
  {
    file: 's04_grid-last-dark.svg',
    trace: 'structures/s04_grid',
    options: { step: 'last', theme: 'dark', standalone: true },
  },
];

describe('golden SVGs', () => {
  for (const golden of goldens) {
    it(golden.file, () => {
      const path = new URL(`../fixtures/golden/${golden.file}`, import.meta.url);
      const layout = traceToLayout(loadAnyTrace(golden.trace));
      const svg = layoutToSvg(layout, {
        ...golden.options,
        step: golden.options.step === 'last' ? layout.stepsTotal : golden.options.step,
      });
      if (process.env['UPDATE_GOLDEN'] === '1' || !existsSync(path)) writeFileSync(path, svg);
      assert.equal(
        svg,
        readFileSync(path, 'utf8'),
        `${golden.file} differs; if the change is intended, run UPDATE_GOLDEN=1 npm test -- golden and ` +
          `review the files`,
      );
    });
  }
});
