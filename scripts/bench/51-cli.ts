// The installed `memlane` command as a speaker runs it: `trace` and `render` (SVG and PNG), cold (no
// interpreter snapshot yet) and warm, medians of several runs; --watch from save to written file;
// and the bin bringing a checkout's lib/ up to date after a source is saved.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Figure } from '../bench.ts';
import { linkedList, median } from './50-cli-startup.ts';

export const name =
  'CLI (scripts/memlane.mjs) in its own process (MEMLANE_SERVER=0): trace and render, cold and warm; --watch';

const root = join(import.meta.dirname, '../..');
const bin = join(root, 'scripts/memlane.mjs');
const COLD_RUNS = 3;
const WARM_RUNS = 7;
const WATCH_EDITS = 9;

/**
 * CPU milliseconds of this process's finished children and theirs (Linux: cutime + cstime of /proc/self/stat, 10 ms
 * ticks); null elsewhere.
 */
function childrenCpuMs(): number | null {
  try {
    const fields = readFileSync('/proc/self/stat', 'utf8')
      .replace(/^.*\) /, '')
      .split(' ');
    return (Number(fields[13]) + Number(fields[14])) * 10;
  } catch {
    return null;
  }
}

/**
 * CPU time of the last run (the command and its sandbox): unlike wall time, it hardly depends on how busy the machine
 * is.
 */
let lastCpuMs: number | null = null;

/** Every run here starts its own interpreter: the resident server's figures are in 50-cli-startup.ts. */
const inProcess: NodeJS.ProcessEnv = { ...process.env, MEMLANE_SERVER: '0' };

function wallMs(args: string[], env: NodeJS.ProcessEnv = inProcess): number {
  const cpuBefore = childrenCpuMs();
  const started = performance.now();
  const result = spawnSync(process.execPath, args, { cwd: root, env, stdio: ['ignore', 'ignore', 'pipe'] });
  const ms = performance.now() - started;
  const cpuAfter = childrenCpuMs();
  lastCpuMs = cpuBefore === null || cpuAfter === null ? null : cpuAfter - cpuBefore;
  if (result.status !== 0)
    throw new Error(`memlane ${args.slice(1).join(' ')} failed (${result.status}): ${result.stderr}`);
  return ms;
}

/** Save to written file: the time from writing the snippet to the status line that follows the output's write. */
async function watchFigures(dir: string, snippet: string): Promise<number[]> {
  const child = spawn(process.execPath, [bin, 'render', snippet, '-o', join(dir, 'watch.svg'), '--watch'], {
    cwd: root,
    env: inProcess,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let written = 0;
  let onWritten: (() => void) | undefined;
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    const lines = chunk.match(/memlane render: wrote /g)?.length ?? 0;
    written += lines;
    if (lines) onWritten?.();
  });
  const nextWrite = (count: number) =>
    new Promise<void>((resolve) => {
      onWritten = () => written >= count && resolve();
      onWritten();
    });
  await nextWrite(1);
  const times: number[] = [];
  for (let edit = 1; edit <= WATCH_EDITS; edit++) {
    await new Promise((resolve) => setTimeout(resolve, 300));
    const started = performance.now();
    writeFileSync(snippet, linkedList.replace('Node(4)', `Node(${4 + edit})`));
    await nextWrite(edit + 1);
    times.push(performance.now() - started);
  }
  child.kill('SIGINT');
  await new Promise((resolve) => child.once('exit', resolve));
  return times;
}

export async function run(): Promise<Figure[]> {
  const load = () => loadavg()[0]!.toFixed(1);
  const loadAtStart = load();
  const dir = mkdtempSync(join(tmpdir(), 'memlane-bench-cli-'));
  const snippet = join(dir, 'snippet.py');
  writeFileSync(snippet, linkedList);
  const commands = {
    trace: [bin, 'trace', snippet],
    'render -o d.svg': [bin, 'render', snippet, '-o', join(dir, 'd.svg')],
    'render -o d.png': [bin, 'render', snippet, '-o', join(dir, 'd.png')],
    'render -o d.png --with-code': [bin, 'render', snippet, '-o', join(dir, 'code.png'), '--with-code'],
  };
  // Builds lib/ if a source changed and the snapshot if there is none, and warms the OS file cache.
  for (const args of Object.values(commands)) wallMs(args);
  const warm = new Map<string, number[]>(Object.keys(commands).map((label) => [label, []]));
  const warmCpu = new Map<string, number[]>(Object.keys(commands).map((label) => [label, []]));
  // Alternating, so that a busy moment of the machine falls on every command alike.
  for (let round = 0; round < WARM_RUNS; round++) {
    for (const [label, args] of Object.entries(commands)) {
      warm.get(label)!.push(wallMs(args));
      if (lastCpuMs !== null) warmCpu.get(label)!.push(lastCpuMs);
    }
  }
  const cold = new Map<string, number[]>(Object.keys(commands).map((label) => [label, []]));
  for (let round = 0; round < COLD_RUNS; round++) {
    for (const [label, args] of Object.entries(commands)) {
      if (label.includes('with-code')) continue;
      // Cold: no snapshot, so the interpreter starts in full and makes one (what the very first run after install
      // does).
      cold
        .get(label)!
        .push(
          wallMs(args, { ...inProcess, MEMLANE_SNAPSHOT_DIR: mkdtempSync(join(tmpdir(), 'memlane-bench-snapshot-')) }),
        );
    }
  }
  // A save that changes no byte still makes lib/ stale (its times changed): the bin builds it again before it runs.
  const saved = join(root, 'src/cli/render-usage.ts');
  const rebuild = Array.from({ length: 3 }, () => {
    const now = new Date();
    utimesSync(saved, now, now);
    return wallMs([bin, '--version']);
  });
  const fresh = Array.from({ length: 5 }, () => wallMs([bin, '--version']));
  const help = Array.from({ length: 5 }, () => wallMs([bin, 'render', '--help']));
  const watch = await watchFigures(dir, snippet);

  const figures: Figure[] = [];
  for (const label of Object.keys(commands)) {
    figures.push({
      label: `memlane ${label}, warm, median of ${WARM_RUNS}`,
      value: median(warm.get(label)!),
      unit: 'ms',
      target: label === 'render -o d.svg' ? '< 1000 ms' : undefined,
    });
    if (warmCpu.get(label)!.length)
      figures.push({
        label: `  CPU time of it and its sandbox, median`,
        value: median(warmCpu.get(label)!),
        unit: 'ms',
      });
    if (cold.get(label)!.length)
      figures.push({
        label: `memlane ${label}, cold (no snapshot), median of ${COLD_RUNS}`,
        value: median(cold.get(label)!),
        unit: 'ms',
      });
  }
  figures.push(
    { label: 'memlane render --help, median of 5', value: median(help), unit: 'ms' },
    { label: 'memlane --version, lib/ up to date, median of 5', value: median(fresh), unit: 'ms' },
    { label: 'memlane --version after a save (lib/ built again), median of 3', value: median(rebuild), unit: 'ms' },
    {
      label: `--watch: save to written SVG, median of ${WATCH_EDITS}`,
      value: median(watch),
      unit: 'ms',
      target: '< 150 ms',
    },
    { label: '--watch: save to written SVG, slowest', value: Math.max(...watch), unit: 'ms' },
  );
  figures.push({ label: 'load average (1 min) at start / at end', value: `${loadAtStart} / ${load()}` });
  return figures;
}
