// Every corpus snippet, traced by real CPython, laid out and drawn as an all-steps SVG, then measured
// in Chromium at every step: no arrow passes through a box it does not start or end at, and no
// frame or object moves from the place it had at its first step.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { traceToLayout } from '../../src/layout/trace-to-layout.ts';
import { layoutToSvg } from '../../src/render/layout-to-svg.ts';
import { createSimulator, type Simulator } from '../../src/simulate/index.ts';
import { launchChromium } from './chromium.ts';
import { findCrossings, findMoves } from './geometry-checks.ts';
import { readGeometry, stepsTotal } from './read-geometry.ts';

const corpus = fileURLToPath(new URL('../fixtures/corpus/snippets/', import.meta.url));
const snippets = readdirSync(corpus)
  .filter((f) => f.endsWith('.py'))
  .sort();

describe('diagram geometry on the corpus', () => {
  let browser: Browser;
  let page: Page;
  let simulator: Simulator;
  before(async () => {
    [browser, simulator] = await Promise.all([launchChromium(), createSimulator()]);
    page = await browser.newPage();
  });
  after(async () => {
    await Promise.all([browser?.close(), simulator?.close()]);
  });
  // Both scalar modes lay out the same run: each snippet is traced once.
  const traces = new Map<string, ReturnType<Simulator['trace']>>();
  const traceOf = (name: string): ReturnType<Simulator['trace']> => {
    if (!traces.has(name)) traces.set(name, simulator.trace(readFileSync(corpus + name, 'utf8'), { filename: name }));
    return traces.get(name)!;
  };

  it('has snippets to measure', () =>
    assert.ok(snippets.length >= 15, `found ${snippets.length} snippets in ${corpus}`));

  for (const [name, scalars] of snippets.flatMap(
    (n) =>
      [
        [n, 'heap'],
        [n, 'inline'],
      ] as const,
  )) {
    it(`${name}, scalars=${scalars}: 0 arrows through boxes, 0 moved boxes over every step`, async (t) => {
      const trace = await traceOf(name);
      assert.equal(trace.error, null, `${name} runs to its end`);
      const layout = traceToLayout(trace, { scalars });
      const svg = layoutToSvg(layout, { step: 'all', theme: 'light', standalone: true, idPrefix: 'g' });
      const total = stepsTotal(svg);
      assert.equal(total, trace.steps.length);
      const steps = Array.from({ length: total }, (_, i) => i + 1);
      const geometry = await readGeometry(page, svg, steps);

      // The measurement saw the drawing: frames at every step, and the arrows the trace's names imply.
      for (const step of geometry)
        assert.ok(
          step.boxes.some((b) => b.kind === 'frame'),
          `a frame is drawn at step ${step.step}`,
        );
      const arrows = geometry.reduce((sum, s) => sum + s.arrows.length, 0);
      const bound = trace.steps.reduce((sum, s) => sum + s.stack.reduce((n, f) => n + f.locals.length, 0), 0);
      // With scalars drawn inline a snippet of ints alone has no arrows at all.
      if (scalars === 'heap')
        assert.ok(arrows > 0 && arrows >= bound / 2, `${arrows} arrows measured for ${bound} bound names`);
      assert.ok(
        geometry.every((s) => s.arrows.every((a) => a.points.length >= 3)),
        'every arrow is sampled along its length',
      );

      // The outlines measured are the boxes the layout placed (so the checks below look at the right shapes).
      const placed = new Map([...layout.frames, ...layout.objects].map((b) => [b.id, b]));
      for (const box of geometry.flatMap((s) => s.boxes)) {
        const expected = placed.get(box.id)!;
        assert.ok(
          Math.abs(box.x - expected.x) <= 1.5 &&
            Math.abs(box.y - expected.y) <= 1.5 &&
            Math.abs(box.width - expected.width) <= 3,
          `${box.id} measured at ${box.x},${box.y} ${box.width} wide, placed at ${expected.x},${expected.y} ` +
            `${expected.width} wide`,
        );
      }

      assert.deepEqual(findCrossings(geometry), [], 'arrows that pass through a box they do not point at');
      assert.deepEqual(findMoves(geometry), [], 'frames or objects that move between steps');

      // A one-step SVG (what the CLI writes) puts every box where the all-steps SVG has it.
      const last = await readGeometry(page, layoutToSvg(layout, { step: total, theme: 'light', standalone: true }), [
        total,
      ]);
      const byId = (s: (typeof last)[number]) =>
        new Map(s.boxes.map((b) => [`${b.kind}:${b.id}`, [Math.round(b.x), Math.round(b.y)]]));
      assert.deepEqual(byId(last[0]!), byId(geometry.at(-1)!));
      t.diagnostic(`${total} steps, ${arrows} arrows checked`);
    });
  }
});
