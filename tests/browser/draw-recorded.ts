// Draws a recorded trace through the core, answering the simulator handle with the trace itself
// (the interpreter in a browser comes later): the same code in Node and in the browser bundle.
import {
  codeToDiagram,
  defaultDiagramOptions,
  diagramStepSvg,
  fenceSpelling,
  type DiagramOptions,
} from '../../src/core/index.ts';
import type { Trace } from '../../src/trace/types.ts';

/** The page SVG (every step) and the first step's standalone SVG of a recorded trace. */
export async function drawRecorded(
  trace: Trace,
  theme: DiagramOptions['theme'],
): Promise<{ page: string; first: string } | { problems: string[] }> {
  const outcome = await codeToDiagram({
    written: trace.source,
    options: { ...defaultDiagramOptions, theme, raises: trace.error?.type ?? null },
    spelling: fenceSpelling,
    simulator: { trace: async () => trace },
    renderDefaults: { idPrefix: 'diagram-1' },
  });
  if (!outcome.ok) return { problems: outcome.problems.map((p) => p.message) };
  return { page: outcome.diagram.svg, first: diagramStepSvg(outcome.diagram, 1) };
}
