// The simulator: interpreter start-up, per-snippet time over the fidelity corpus, a ~900-step
// loop that grows a list, and the process's peak memory. Figures only; nothing is asserted.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { resourceUsage } from 'node:process';
import type { Figure } from '../bench.ts';
import { createSimulator, type Simulator } from '../../src/simulate/index.ts';

export const name = 'Simulator (CPython in Pyodide, traced in a sandboxed child process)';

const corpusDir = join(import.meta.dirname, '../../tests/fixtures/corpus/snippets');
const growingList = 'squares = []\nfor n in range(450):\n    squares.append(n * n)\nprint(len(squares))\n';
const tinySnippet = 'x = 1\n';
const deepRecursion = 'def depth(n):\n    return depth(n + 1)\ndepth(0)\n';

/** Peak resident memory (VmHWM, Linux) of this process's sandbox children, in bytes. */
function sandboxPeakRss(): number {
  let peak = 0;
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) !== process.pid) continue;
      if (!readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('sandbox-host.mjs')) continue;
      const kib = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      if (kib) peak = Math.max(peak, Number(kib[1]) * 1024);
    } catch {
      // the process ended while we looked
    }
  }
  return peak;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

async function timed(simulator: Simulator, source: string, options = {}): Promise<{ ms: number; steps: number }> {
  const started = performance.now();
  const trace = await simulator.trace(source, options);
  return { ms: performance.now() - started, steps: trace.steps.length };
}

export async function run(): Promise<Figure[]> {
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 20);
  const started = performance.now();
  const simulator = await createSimulator();
  const startupMs = performance.now() - started;
  try {
    const names = readdirSync(corpusDir)
      .filter((f) => f.endsWith('.py'))
      .sort();
    const snippets = names.map((f) => readFileSync(join(corpusDir, f), 'utf8'));
    for (const source of snippets) await simulator.trace(source); // warm-up round
    const times: number[] = [];
    const steps: number[] = [];
    const slowest = { ms: 0, name: '' };
    for (let round = 0; round < 5; round++) {
      for (const [index, source] of snippets.entries()) {
        const result = await timed(simulator, source);
        times.push(result.ms);
        steps.push(result.steps);
        if (result.ms > slowest.ms) Object.assign(slowest, { ms: result.ms, name: names[index]! });
      }
    }
    // The loop alternates with a tiny snippet, so the difference is what the ~900 steps themselves cost.
    const loops = [];
    const tiny: number[] = [];
    for (let round = 0; round < 5; round++) {
      tiny.push((await timed(simulator, tinySnippet)).ms);
      loops.push(await timed(simulator, growingList));
    }
    const typicalPeakRss = Math.max(peakRss, process.memoryUsage().rss);
    const typicalSandboxRss = sandboxPeakRss();
    // A deep stack is the worst case: every step lists every frame, so the trace is ~20 MB.
    const deep = await timed(simulator, deepRecursion, { timeoutMs: 120_000 });
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
    const deepSandboxRss = sandboxPeakRss();
    return [
      {
        label: 'start-up: createSimulator() (sandbox process + Pyodide + tracer)',
        value: startupMs,
        unit: 'ms',
        target: '< 3000 ms',
      },
      {
        label: `corpus snippet, median (${snippets.length} snippets x 5, ${Math.max(...steps)} steps at most)`,
        value: median(times),
        unit: 'ms',
        target: '< 10 ms',
      },
      { label: `corpus snippet, max (${slowest.name})`, value: slowest.ms, unit: 'ms' },
      {
        label: `list-growing loop (${loops[0]!.steps} steps), median of 5`,
        value: median(loops.map((l) => l.ms)),
        unit: 'ms',
        target: '< 1000 ms',
      },
      {
        label: 'the loop over a tiny snippet (x = 1), medians of 5',
        value: median(loops.map((l) => l.ms)) - median(tiny),
        unit: 'ms',
        target: '<= 250 ms',
      },
      {
        label: `deep recursion to the step limit (${deep.steps} steps, whole stack per step)`,
        value: deep.ms,
        unit: 'ms',
      },
      {
        label: 'peak RSS of this process, corpus and loop (the sandbox process is not counted)',
        value: typicalPeakRss / 2 ** 20,
        unit: 'MB',
        target: '< 400 MB',
      },
      {
        label: 'peak RSS, with the deep recursion',
        value: Math.max(peakRss, resourceUsage().maxRSS * 1024) / 2 ** 20,
        unit: 'MB',
      },
      { label: 'sandbox process peak RSS, corpus and loop', value: typicalSandboxRss / 2 ** 20, unit: 'MB' },
      { label: 'sandbox process peak RSS, with the deep recursion', value: deepSandboxRss / 2 ** 20, unit: 'MB' },
    ];
  } finally {
    clearInterval(sampler);
    await simulator.close();
  }
}
