// The simulator's public API: run Python snippets in real CPython and get trace v1 documents.
import { createSimulator, type Simulator, type SimulatorSetup } from './code-to-trace.ts';

export { createSimulator, codeToTrace, findWorkerPath, type Simulator, type SimulatorSetup } from './code-to-trace.ts';
export {
  resolveOptions,
  defaultOptions,
  memoryLimit,
  SimulateOptionsError,
  type SimulateOptions,
} from './simulate-options.ts';

let shared: Promise<Simulator> | undefined;

/**
 * The process-wide simulator: created on first use, reused by every later caller. Closing it
 * forgets it, so the next caller gets a fresh one instead of a closed one.
 */
export function sharedSimulator(setup?: SimulatorSetup): Promise<Simulator> {
  if (shared) return shared;
  const starting: Promise<Simulator> = createSimulator(setup).then((simulator) => ({
    trace: (source, options) => simulator.trace(source, options),
    python: simulator.python,
    startupMs: simulator.startupMs,
    startedFrom: simulator.startedFrom,
    close: () => {
      if (shared === starting) shared = undefined;
      return simulator.close();
    },
  }));
  shared = starting;
  starting.catch(() => {
    if (shared === starting) shared = undefined;
  });
  return starting;
}
