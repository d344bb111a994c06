// code-to-diagram: the one orchestration every surface shares. Written source and checked options
// -> notes out -> trace (through the simulator handle given at the edge) -> outcome check -> chosen
// step -> layout -> SVG, or the problems that stopped it. Environment-free: no files, no Node.
import { traceToLayout } from '../layout/trace-to-layout.ts';
import { layoutToSvg, type RenderOptions } from '../render/layout-to-svg.ts';
import { chooseStep, outcomeProblems } from './check-outcome.ts';
import { extractNotes } from './extract-notes.ts';
import { stageOptions, type DiagramOptions } from './options/option-table.ts';
import type { Spelling } from './options/read-options.ts';
import type { Problem } from './problems.ts';
import type { Diagram, SimulatorHandle } from './types.ts';

export interface DiagramRequest {
  /** The code as written, `# @note` comments included. */
  written: string;
  options: DiagramOptions;
  /** How the surface spells options, for the hints of its problems. */
  spelling: Spelling;
  simulator: SimulatorHandle;
  /** Render options the surface fills in where the diagram options say nothing (id prefix, title). */
  renderDefaults?: Pick<RenderOptions, 'idPrefix' | 'title'>;
  timeoutMs?: number;
  /** The snippet's file, only for Python's messages. */
  filename?: string;
}

export type DiagramOutcome = { ok: true; diagram: Diagram } | { ok: false; problems: Problem[] };

export async function codeToDiagram(request: DiagramRequest): Promise<DiagramOutcome> {
  const { options, spelling } = request;
  const snippet = extractNotes(request.written);
  if (snippet.code.trim() === '') {
    return { ok: false, problems: [{ kind: 'empty', line: 0, message: 'the snippet is empty', hint: 'write some Python in it, e.g. x = [1, 2]' }] };
  }
  const stages = stageOptions(options);
  const trace = await request.simulator.trace(snippet.code, { ...stages.simulate, timeoutMs: request.timeoutMs, filename: request.filename });
  const problems = outcomeProblems(trace, options, snippet, spelling);
  if (problems.length) return { ok: false, problems };
  const shownStep = chooseStep(options.step, trace.steps.length, spelling);
  if (typeof shownStep !== 'number') return { ok: false, problems: [shownStep] };
  const layout = traceToLayout(trace, stages.layout);
  const svg = layoutToSvg(layout, { step: 'all', shownStep, ...request.renderDefaults, ...stages.render });
  const descriptions = layout.steps.map((step) => step.description);
  return { ok: true, diagram: { snippet, options, trace, layout, shownStep, descriptions, svg } };
}

/** One step of a diagram as its own SVG (slides, downloads), with the diagram's render options. */
export function diagramStepSvg(diagram: Diagram, step: number, renderDefaults: Pick<RenderOptions, 'idPrefix' | 'title'> = {}): string {
  return layoutToSvg(diagram.layout, { step, standalone: true, ...renderDefaults, ...stageOptions(diagram.options).render });
}
