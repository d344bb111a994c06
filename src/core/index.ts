// Memlane's core: one table of diagram options and one orchestration from code to diagram, shared
// by the site, the CLI and the browser. Environment-free; what differs is handed in at the edge.
export { codeToDiagram, diagramStepSvg, type DiagramOutcome, type DiagramRequest } from './code-to-diagram.ts';
export { chooseStep, outcomeProblems, writtenLine } from './check-outcome.ts';
export { extractNotes } from './extract-notes.ts';
export { readFenceMeta } from './options/fence-meta.ts';
export {
  cliDefaultOptions,
  cliOptionNames,
  defaultDiagramOptions,
  MAX_STEPS_LIMIT,
  optionNames,
  optionTable,
  stageOptions,
  type DiagramOptionName,
  type DiagramOptions,
  type OptionEntry,
  type Say,
} from './options/option-table.ts';
export { linkedOptionNames, optionsFromLink, optionsToLink } from './options/link-options.ts';
export {
  fenceSpelling,
  flagSpelling,
  nearestNames,
  optionHint,
  propsToRawOptions,
  readDiagramOptions,
  type Spelling,
} from './options/read-options.ts';
export { caretExcerpt, problemText, type Problem, type ProblemKind } from './problems.ts';
export type { Diagram, SimulatorHandle, Snippet } from './types.ts';
