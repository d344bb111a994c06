// `memlane/api`: the pipeline for other Node tools. Trace a snippet in CPython, turn code into a
// diagram (trace, layout, SVG), and the trace v1 types.

export {
  codeToDiagram,
  defaultDiagramOptions,
  diagramStepSvg,
  flagSpelling,
  fenceSpelling,
  problemText,
  readDiagramOptions,
  type Diagram,
  type DiagramOptionName,
  type DiagramOptions,
  type DiagramOutcome,
  type DiagramRequest,
  type Problem,
  type SimulatorHandle,
  type Snippet,
  type Spelling,
} from './core/index.ts';
export {
  codeToTrace,
  createSimulator,
  type SimulateOptions,
  type Simulator,
  type SimulatorSetup,
} from './simulate/index.ts';
export { closeSimulator, processSimulator } from './node/simulator-handle.ts';
export { foldTrace, type StepState } from './trace/fold-trace.ts';
export { assertValidTrace, InvalidTraceError, traceProblems, traceSchema } from './trace/validate-trace.ts';
export type * from './trace/types.ts';
