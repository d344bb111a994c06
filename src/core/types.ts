// Types of the core: a snippet as run, and what one diagram carries.
import type { Exercise } from '../exercises/types.ts';
import type { Layout } from '../layout/types.ts';
import type { Trace } from '../trace/types.ts';
import type { DiagramOptions } from './options/option-table.ts';

export type { DiagramOptions, DiagramOptionName } from './options/option-table.ts';

/** A snippet as written, with its `# @note` comments taken out. */
export interface Snippet {
  /** The code that runs and is shown (notes stripped, line count unchanged for trailing notes). */
  code: string;
  /** Narration by 1-based line of `code`. */
  notes: Map<number, string>;
  /** For each 1-based line of `code`, the 1-based line of the snippet as written. */
  sourceLines: number[];
}

/** The one thing the core needs of an interpreter: Node starts it in a sandbox, a browser in a worker. */
export interface SimulatorHandle {
  trace(source: string, options: { maxSteps?: number; timeoutMs?: number; filename?: string }): Promise<Trace>;
}

export interface Diagram {
  snippet: Snippet;
  options: DiagramOptions;
  trace: Trace;
  layout: Layout;
  /** The 1-based step the `step` option chose. */
  shownStep: number;
  /** Every step's state in words (the SVG's <desc>), in order. */
  descriptions: string[];
  /** Every step in one SVG (for pages), showing `shownStep` without JavaScript. */
  svg: string;
  /** The `# @predict` questions, checked against the trace, in line order. */
  exercises: Exercise[];
}
