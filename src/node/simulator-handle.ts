// Node edge: the one interpreter of the process, shared by the page build, <MemoryDiagram> and the
// CLI. A per-process slot on globalThis, Node only: a process that loads two copies of this module
// (src/ under tsx beside the compiled lib/, as tests and memlane/api callers may) still starts one.
import { fileURLToPath } from 'node:url';
import { createSimulator, resolveOptions, type Simulator } from '../simulate/index.ts';
import { traceProblems } from '../trace/validate-trace.ts';

/** Set by the CLI bundle (scripts/cli-bundle.mjs): the sandbox script relative to the bundle, which does not sit beside it. */
declare const MEMLANE_SANDBOX_HOST: string | undefined;
const workerPath = typeof MEMLANE_SANDBOX_HOST === 'string' ? fileURLToPath(new URL(MEMLANE_SANDBOX_HOST, import.meta.url)) : undefined;

const simulatorSlot = Symbol.for('memlane.simulator');
type SimulatorHolder = { [simulatorSlot]?: Promise<Simulator> };

/** The process's simulator, started on first use; a failed start is not kept, so the next caller tries again. */
export function processSimulator(): Promise<Simulator> {
  const holder = globalThis as SimulatorHolder;
  if (!holder[simulatorSlot]) {
    const starting = createSimulator({ workerPath });
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
