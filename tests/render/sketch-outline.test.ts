// Sketch theme: a box keeps its hand-drawn outline from step to step, so it does not jitter while
// a reader steps through (the wobble is seeded by the box's id, not by its size).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { traceToLayout } from '../../src/layout/trace-to-layout.ts';
import { layoutToSvg } from '../../src/render/layout-to-svg.ts';
import { loadTrace } from '../fixtures/traces/load.ts';
import { findAll, parseSvg } from './svg-tree.ts';
import { BOXES } from './render-helpers.ts';

/** The outline path of every box at one step, by box id. */
function outlines(name: string, step: number): Map<string, string> {
  const layout = traceToLayout(loadTrace(name), BOXES);
  const root = parseSvg(layoutToSvg(layout, { step, theme: 'sketch' }));
  const out = new Map<string, string>();
  for (const group of findAll(root, (n) => 'data-object-id' in n.attrs || 'data-frame-id' in n.attrs)) {
    const [outline] = findAll(group, (n) => n.name === 'path' && (n.attrs['class'] ?? '').startsWith('ml-outline-'));
    if (outline) out.set(group.attrs['data-object-id'] ?? group.attrs['data-frame-id']!, outline.attrs['d']!);
  }
  return out;
}

/** The first stroke of the outline: its top edge, the same whatever the box's height. */
const topEdge = (d: string) => d.slice(0, d.indexOf('M', 1));

describe('sketch outlines', () => {
  for (const name of ['c01_bind', 'c10_closure_cells', 'c11_generator_frame']) {
    it(`${name}: every box's outline starts the same at every step, whatever its height`, () => {
      const steps = traceToLayout(loadTrace(name), BOXES).stepsTotal;
      const seen = new Map<string, string>();
      let growing = 0;
      for (let step = 1; step <= steps; step++) {
        for (const [id, d] of outlines(name, step)) {
          const before = seen.get(id);
          if (before !== undefined) {
            assert.equal(topEdge(d), topEdge(before), `${id} at step ${step}`);
            if (d !== before) growing++;
          }
          seen.set(id, d);
        }
      }
      // The stack frame grows as names are bound, so the test also covers boxes that change size.
      assert.ok(growing > 0);
    });
  }
});
