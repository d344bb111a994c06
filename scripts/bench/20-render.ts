// Layout and rendering over the recorded corpus traces: time per snippet after warm-up, and the
// quality of the pictures (arrow crossings per diagram, arrows through boxes, boxes that move).
// Figures only; nothing is asserted.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Figure } from '../bench.ts';
import { countCrossings } from '../../src/layout/route/index.ts';
import { includesStep, rangesOverlap } from '../../src/layout/step-ranges.ts';
import { traceToLayout } from '../../src/layout/trace-to-layout.ts';
import type { Arrow, Layout, Point } from '../../src/layout/types.ts';
import { layoutToSvg } from '../../src/render/layout-to-svg.ts';
import type { Trace } from '../../src/trace/types.ts';

export const name = 'Diagrams (layout and SVG rendering of recorded traces)';

const tracesDir = join(import.meta.dirname, '../../tests/fixtures/traces');
const ROUNDS = 7;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function time(fn: () => void): number {
  const started = performance.now();
  fn();
  return performance.now() - started;
}

type Segment = [Point, Point];
const segmentsOf = (arrow: Arrow): Segment[] => arrow.points.slice(1).map((p, i) => [arrow.points[i]!, p]);

/**
 * Crossings between arrows to different targets that are drawn at the same step, for every step (the router's own
 * counter).
 */
function crossingsPerStep(layout: Layout): number[] {
  const counts: number[] = [];
  for (let step = 1; step <= layout.stepsTotal; step++)
    counts.push(countCrossings(layout.arrows.filter((a) => includesStep(a.steps, step))).crossings);
  return counts;
}

/**
 * Pairs of parallel segments of arrows to different targets, drawn at a common step, overlapping and less than 6 px
 * apart.
 */
function closeParallels(layout: Layout): number {
  let count = 0;
  const arrows = layout.arrows;
  for (let i = 0; i < arrows.length; i++) {
    for (let j = i + 1; j < arrows.length; j++) {
      if (arrows[i]!.to === arrows[j]!.to || !rangesOverlap(arrows[i]!.steps, arrows[j]!.steps)) continue;
      for (const [a, b] of segmentsOf(arrows[i]!)) {
        for (const [c, d] of segmentsOf(arrows[j]!)) {
          const vertical = a.x === b.x;
          if (vertical !== (c.x === d.x) || (vertical ? a.y === b.y : a.x === b.x) || (c.x === d.x && c.y === d.y))
            continue;
          const [gap, lo, hi] = vertical
            ? [
                Math.abs(a.x - c.x),
                Math.max(Math.min(a.y, b.y), Math.min(c.y, d.y)),
                Math.min(Math.max(a.y, b.y), Math.max(c.y, d.y)),
              ]
            : [
                Math.abs(a.y - c.y),
                Math.max(Math.min(a.x, b.x), Math.min(c.x, d.x)),
                Math.min(Math.max(a.x, b.x), Math.max(c.x, d.x)),
              ];
          if (gap < 6 && hi - lo > 1) count++;
        }
      }
    }
  }
  return count;
}

/** Arrow segments that enter a box other than their own ends (first leg in the source, last in the target excepted). */
export function arrowsThroughBoxes(layout: Layout): number {
  let count = 0;
  const boxes = [...layout.frames, ...layout.objects];
  for (const arrow of layout.arrows) {
    const segments = segmentsOf(arrow);
    segments.forEach(([a, b], i) => {
      for (const box of boxes) {
        if (!rangesOverlap(box.steps, arrow.steps)) continue;
        if ((box.id === arrow.from && i === 0) || (box.id === arrow.to && i === segments.length - 1)) continue;
        if (
          Math.max(a.x, b.x) > box.x &&
          Math.min(a.x, b.x) < box.x + box.width &&
          Math.max(a.y, b.y) > box.y &&
          Math.min(a.y, b.y) < box.y + box.height
        )
          count++;
      }
    });
  }
  return count;
}

export async function run(): Promise<Figure[]> {
  const names = readdirSync(tracesDir)
    .filter((f) => f.startsWith('c') && f.endsWith('.json'))
    .sort();
  const traces = names.map((f) => JSON.parse(readFileSync(join(tracesDir, f), 'utf8')) as Trace);
  for (const trace of traces) layoutToSvg(traceToLayout(trace), { step: 'all', theme: 'site' }); // warm-up

  const layoutMs: number[] = [];
  const pageMs: number[] = [];
  const everyStepMs: number[] = [];
  const perStepMs: number[] = [];
  const crossings: number[] = [];
  let through = 0;
  let close = 0;
  const perDiagram: string[] = [];
  let arrows = 0;
  let steps = 0;
  for (const trace of traces) {
    const layouts: number[] = [];
    const pages: number[] = [];
    const everySteps: number[] = [];
    let layout = traceToLayout(trace);
    for (let round = 0; round < ROUNDS; round++) {
      layouts.push(
        time(() => {
          layout = traceToLayout(trace);
        }),
      );
      pages.push(time(() => layoutToSvg(layout, { step: 'all', theme: 'site' })));
      everySteps.push(
        time(() => {
          for (let step = 1; step <= layout.stepsTotal; step++)
            perStepMs.push(time(() => layoutToSvg(layout, { step, theme: 'light', standalone: true })));
        }),
      );
    }
    layoutMs.push(median(layouts));
    pageMs.push(median(layouts) + median(pages));
    everyStepMs.push(median(layouts) + median(everySteps));
    const diagramCrossings = crossingsPerStep(layout);
    crossings.push(...diagramCrossings);
    const diagramClose = closeParallels(layout);
    close += diagramClose;
    perDiagram.push(`${names[traces.indexOf(trace)]!.slice(0, 3)} ${Math.max(...diagramCrossings)}/${diagramClose}`);
    through += arrowsThroughBoxes(layout);
    arrows += layout.arrows.length;
    steps += layout.stepsTotal;
  }
  const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;

  // A long run: 450 appends to a list (905 steps), the kind of loop a lesson might step through.
  const long = JSON.parse(readFileSync(join(tracesDir, 'long/growing-list.json'), 'utf8')) as Trace;
  let longLayout = traceToLayout(long);
  const longLayoutMs = time(() => {
    longLayout = traceToLayout(long);
  });
  let longSvg = '';
  const longPageMs = time(() => {
    longSvg = layoutToSvg(longLayout, { step: 'all', theme: 'site' });
  });
  return [
    { label: `corpus traces`, value: `${traces.length} (${steps} steps, ${arrows} arrows)` },
    { label: 'layout, median per snippet', value: median(layoutMs), unit: 'ms' },
    { label: 'layout + all-steps SVG (page), median', value: median(pageMs), unit: 'ms', target: '< 20 ms' },
    { label: 'layout + all-steps SVG (page), max', value: Math.max(...pageMs), unit: 'ms' },
    { label: 'layout + one SVG per step (CLI), median', value: median(everyStepMs), unit: 'ms' },
    { label: 'layout + one SVG per step (CLI), max', value: Math.max(...everyStepMs), unit: 'ms' },
    { label: 'one single-step SVG, median', value: median(perStepMs), unit: 'ms' },
    { label: 'arrow crossings per diagram, mean', value: mean(crossings) },
    { label: 'arrow crossings per diagram, max', value: Math.max(...crossings) },
    {
      label: 'diagrams without a crossing',
      value: `${crossings.filter((c) => c === 0).length} of ${crossings.length}`,
    },
    { label: 'arrow segments through boxes', value: through, target: '0' },
    { label: 'parallel arrow segments closer than 6 px (pairs, all diagrams)', value: close, target: '0' },
    { label: 'per corpus diagram: most crossings at one step / close pairs', value: perDiagram.join(' ') },
    { label: `long run (${long.steps.length} steps): layout`, value: longLayoutMs, unit: 'ms' },
    { label: 'long run: all-steps SVG', value: longPageMs, unit: 'ms' },
    { label: 'long run: all-steps SVG size', value: Math.round(longSvg.length / 1024), unit: 'KiB' },
    { label: 'long run: size of the picture', value: `${longLayout.width} x ${longLayout.height}`, unit: 'px' },
  ];
}
