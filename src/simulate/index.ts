// The simulator's public API: run Python snippets in real CPython and get trace v1 documents.
import { createSimulator, type Simulator, type SimulatorSetup } from './code-to-trace.ts';

export { createSimulator, codeToTrace, findWorkerPath, type Simulator, type SimulatorSetup } from './code-to-trace.ts';
export { resolveOptions, defaultOptions, SimulateOptionsError, type SimulateOptions } from './simulate-options.ts';

let shared: Promise<Simulator> | undefined;

/** The process-wide simulator: created on first use, reused by every later caller. */
export function sharedSimulator(setup?: SimulatorSetup): Promise<Simulator> {
  shared ??= createSimulator(setup).then((simulator) => {
    // Let the process exit when nothing else is pending; an idle sandbox holds no work of its own.
    return simulator;
  });
  shared.catch(() => {
    shared = undefined;
  });
  return shared;
}
