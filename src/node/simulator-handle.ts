// Node edge: the one interpreter of the process, shared by the page build, <MemoryDiagram> and the
// CLI. A per-process slot on globalThis, Node only: a process that loads two copies of this module
// (src/ under tsx beside the compiled lib/, as tests and memlane/api callers may) still starts one.
import { createSimulator, resolveOptions, type Simulator } from '../simulate/index.ts';
import { traceProblems } from '../trace/validate-trace.ts';

const simulatorSlot = Symbol.for('memlane.simulator');
type SimulatorHolder = { [simulatorSlot]?: Promise<Simulator> };

/** The process's simulator, started on first use; a failed start is not kept, so the next caller tries again. */
export function processSimulator(): Promise<Simulator> {
  const holder = globalThis as SimulatorHolder;
  if (!holder[simulatorSlot]) {
    const starting = createSimulator();
    holder[simulatorSlot] = starting;
    starting.catch(() => {
      if (holder[simulatorSlot] === starting) delete holder[simulatorSlot];
    });
  }
  return holder[simulatorSlot];
}

/**
 * Starts the interpreter now, so its start-up overlaps other work; failures surface at first use.
 * While it starts, this process compiles the validators of options and traces (first use compiles them).
 */
export function prewarmSimulator(): void {
  processSimulator().catch(() => {});
  resolveOptions();
  traceProblems(null);
}

/** Stops the interpreter if one was started (so the process can exit), and forgets it. */
export async function closeSimulator(): Promise<void> {
  const holder = globalThis as SimulatorHolder;
  const pending = holder[simulatorSlot];
  delete holder[simulatorSlot];
  if (pending) await (await pending).close();
}
