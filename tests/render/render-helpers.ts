// Renders a recorded trace and parses the SVG, for tests that check structure and words.
import { traceToLayout, type LayoutOptions } from '../../src/layout/trace-to-layout.ts';
import { layoutToSvg, type RenderOptions } from '../../src/render/layout-to-svg.ts';
import { loadTrace } from '../fixtures/traces/load.ts';
import { parseSvg, type SvgNode } from './svg-tree.ts';

/** Every value drawn as a box: tests of how each kind of object is drawn, scalars included, ask for it. */
export const BOXES: LayoutOptions = { scalars: 'heap' };

/**
 * The SVG of one step (default: the last) of a recorded trace, every value a box unless `layoutOptions` say otherwise.
 */
export function renderStep(
  name: string,
  step?: number,
  options: Partial<RenderOptions> = {},
  layoutOptions: LayoutOptions = BOXES,
): { svg: string; root: SvgNode } {
  const layout = traceToLayout(loadTrace(name), layoutOptions);
  const svg = layoutToSvg(layout, { step: step ?? layout.stepsTotal, ...options } as RenderOptions);
  return { svg, root: parseSvg(svg) };
}

/** Step number (1-based) of the first step matching. */
export function stepWhere(
  name: string,
  predicate: (step: ReturnType<typeof loadTrace>['steps'][number]) => boolean,
): number {
  const index = loadTrace(name).steps.findIndex(predicate);
  if (index < 0) throw new Error(`no step of ${name} matches`);
  return index + 1;
}
