// The CLI answering a speaker: `memlane render` of a 4-node linked list, whole, answered by the resident
// render server and without it (MEMLANE_SERVER=0), beside memory-viz's CLI drawing the same state from
// hand-written JSON, alternating in one run; then where a run without the server spends its time.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Figure } from '../bench.ts';
import { createSimulator } from '../../src/simulate/index.ts';
import type { Trace } from '../../src/trace/types.ts';

export const name = 'CLI start-up (memlane render of a 4-node linked list, beside memory-viz)';

const root = join(import.meta.dirname, '../..');
const ROUNDS = 9;
export const linkedList = [
  'class Node:',
  '    def __init__(self, value, next=None):',
  '        self.value = value',
  '        self.next = next',
  '',
  '',
  'head = Node(1, Node(2, Node(3, Node(4))))',
  '',
].join('\n');

/**
 * The same last state for memory-viz (which draws instances as `.class` boxes): the frame, the class, four nodes, four
 * ints and None.
 */
const memoryVizState = [
  { type: '.frame', name: '__main__', id: null, value: { Node: 1, head: 10 } },
  { type: '.class', name: 'Node', id: 1, value: {} },
  { type: '.class', name: 'Node', id: 10, value: { value: 21, next: 11 } },
  { type: '.class', name: 'Node', id: 11, value: { value: 22, next: 12 } },
  { type: '.class', name: 'Node', id: 12, value: { value: 23, next: 13 } },
  { type: '.class', name: 'Node', id: 13, value: { value: 24, next: 30 } },
  { type: 'int', id: 21, value: 1 },
  { type: 'int', id: 22, value: 2 },
  { type: 'int', id: 23, value: 3 },
  { type: 'int', id: 24, value: 4 },
  { type: 'NoneType', id: 30, value: 'None' },
];

/** In a fresh process: how long the layout and drawing stages take to import and to run once, cold. */
const coldStages =
  `
const started = performance.now();
const { traceToLayout } = await import('./src/layout/trace-to-layout.ts');
const layoutLoaded = performance.now();
const { layoutToSvg } = await import('./src/render/layout-to-svg.ts');
const renderLoaded = performance.now();
const trace = JSON.parse(process.argv.at(-1));
const layout = traceToLayout(trace);
const laidOut = performance.now();
layoutToSvg(layout, { step: trace.steps.length, theme: 'light', ` +
  `standalone: true, title: 'snippet.py', idPrefix: 'ml' });
const drawn = performance.now();
console.log(JSON.stringify({ processToScript: started, layoutImport: layoutLoaded - started, ` +
  `renderImport: renderLoaded - layoutLoaded, layout: laidOut - renderLoaded, render: drawn - laidOut }));
`;

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function wallMs(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv = process.env,
): { ms: number; status: number | null } {
  const started = performance.now();
  const result = spawnSync(command, args, { cwd: root, env, stdio: ['ignore', 'ignore', 'pipe'] });
  return { ms: performance.now() - started, status: result.status };
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Waits (a minute at most) until `memlane server status` finds this code's server warm, in the bench's own socket
 * folder.
 */
async function serverReady(env: NodeJS.ProcessEnv): Promise<void> {
  for (let waited = 0; waited < 60_000; waited += 200) {
    const status = spawnSync(process.execPath, [join(root, 'scripts/memlane.mjs'), 'server', 'status'], {
      cwd: root,
      env,
      encoding: 'utf8',
    });
    if (status.status === 0 && !status.stdout.includes('warming up')) return;
    await pause(200);
  }
  throw new Error('the render server did not start within a minute');
}

export async function run(): Promise<Figure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'memlane-bench-cli-'));
  const snippet = join(dir, 'snippet.py');
  const state = join(dir, 'state.json');
  writeFileSync(snippet, linkedList);
  writeFileSync(state, JSON.stringify(memoryVizState));
  const memlane = [join(root, 'scripts/memlane.mjs'), 'render', snippet, '-o', join(dir, 'memlane.svg')];
  const memoryViz = [join(root, 'node_modules/memory-viz/dist/cli.js'), '--output', join(dir, 'memory-viz.svg'), state];

  // The server's own socket folder: the bench neither uses nor leaves a server in the user's.
  const served: NodeJS.ProcessEnv = {
    ...process.env,
    MEMLANE_SERVER: '1',
    MEMLANE_SERVER_DIR: mkdtempSync(join(tmpdir(), 'mlb-')),
  };
  const alone: NodeJS.ProcessEnv = { ...process.env, MEMLANE_SERVER: '0' };
  const stopServer = () => wallMs(process.execPath, [join(root, 'scripts/memlane.mjs'), 'server', 'stop'], served);
  const load = () => loadavg()[0]!.toFixed(1);
  const loadAtStart = load();

  // Builds lib/ if a source changed, makes the snapshot if there is none, and warms the OS file cache.
  wallMs(process.execPath, memlane, alone);
  wallMs(process.execPath, memoryViz);
  // The first run with the server on: there is none yet, so it runs in-process and starts one;
  // beside a run with MEMLANE_SERVER=0 in the same rounds (before it, so the new server's warm-up falls on neither).
  const firstRuns: number[] = [];
  const besideFirst: number[] = [];
  for (let round = 0; round < 3; round++) {
    stopServer();
    besideFirst.push(wallMs(process.execPath, memlane, alone).ms);
    firstRuns.push(wallMs(process.execPath, memlane, served).ms);
    await serverReady(served);
  }
  const warmMs: number[] = [];
  const aloneMs: number[] = [];
  const memoryVizMs: number[] = [];
  const statuses = new Set<number | null>();
  // Alternating, so that a busy moment of the machine falls on all three.
  for (let round = 0; round < ROUNDS; round++) {
    const runs = [
      wallMs(process.execPath, memlane, served),
      wallMs(process.execPath, memoryViz),
      wallMs(process.execPath, memlane, alone),
    ];
    warmMs.push(runs[0]!.ms);
    memoryVizMs.push(runs[1]!.ms);
    aloneMs.push(runs[2]!.ms);
    for (const run of runs) statuses.add(run.status);
  }
  // As a speaker types them: through npm's own start-up (the server warm).
  const viaNpm = [0, 1, 2].map(
    () => wallMs('npm', ['run', '-s', 'memlane', '--', 'render', snippet, '-o', join(dir, 'npm.svg')], served).ms,
  );
  const viaNpx = [0, 1, 2].map(() => wallMs('npx', ['--no-install', 'memory-viz', ...memoryViz.slice(1)]).ms);
  stopServer();
  rmSync(served['MEMLANE_SERVER_DIR']!, { recursive: true, force: true });
  const loadAtEnd = load();

  const nodeMs = median([0, 1, 2].map(() => wallMs(process.execPath, ['-e', '0']).ms));
  const tsxMs = median([0, 1, 2].map(() => wallMs(process.execPath, ['--import', 'tsx', '-e', '0']).ms));

  const restores: { wall: number; child: number }[] = [];
  let trace: Trace | undefined;
  let traceMs = 0;
  for (let round = 0; round < 3; round++) {
    const started = performance.now();
    const simulator = await createSimulator();
    restores.push({ wall: performance.now() - started, child: simulator.startupMs });
    const tracing = performance.now();
    trace = await simulator.trace(linkedList);
    traceMs = performance.now() - tracing;
    await simulator.close();
  }
  const full = performance.now();
  const fresh = await createSimulator({ snapshotDir: false });
  const fullMs = performance.now() - full;
  await fresh.close();

  const stages = [0, 1, 2].map(() => {
    const result = spawnSync(
      process.execPath,
      ['--import', 'tsx', '--input-type=module', '-e', coldStages, JSON.stringify(trace)],
      { cwd: root, encoding: 'utf8' },
    );
    if (result.status !== 0) throw new Error(`the stage timing script failed: ${result.stderr.slice(-1500)}`);
    return JSON.parse(result.stdout) as Record<string, number>;
  });
  const stage = (key: string) => median(stages.map((s) => s[key]!));

  const warm = median(warmMs);
  const theirs = median(memoryVizMs);
  const ownProcess = median(aloneMs);
  return [
    {
      label: `memlane render, resident server warm, median of ${ROUNDS}`,
      value: warm,
      unit: 'ms',
      target: '≤ 1000 ms',
    },
    { label: `memory-viz CLI, same state, median of ${ROUNDS}`, value: theirs, unit: 'ms' },
    { label: 'ratio memlane (server warm) / memory-viz', value: `${(warm / theirs).toFixed(2)}x`, target: '≤ 1.2x' },
    { label: `memlane render, MEMLANE_SERVER=0, median of ${ROUNDS}`, value: ownProcess, unit: 'ms' },
    { label: 'ratio memlane (MEMLANE_SERVER=0) / memory-viz', value: `${(ownProcess / theirs).toFixed(2)}x` },
    { label: 'memlane render, first run (starts the server), median of 3', value: median(firstRuns), unit: 'ms' },
    { label: '  beside it, MEMLANE_SERVER=0, median of 3', value: median(besideFirst), unit: 'ms' },
    { label: 'exit statuses (all alternating runs)', value: [...statuses].join(',') },
    { label: 'load average (1 min) at start / after the CLI runs', value: `${loadAtStart} / ${loadAtEnd}` },
    { label: 'npm run memlane -- render (server warm), median of 3', value: median(viaNpm), unit: 'ms' },
    { label: 'npx memory-viz, median of 3', value: median(viaNpx), unit: 'ms' },
    { label: 'stage: node start and exit (node -e 0)', value: nodeMs, unit: 'ms' },
    { label: 'stage: node with tsx registered (-e 0)', value: tsxMs, unit: 'ms' },
    {
      label: 'stage: createSimulator() from the snapshot, median of 3',
      value: median(restores.map((r) => r.wall)),
      unit: 'ms',
    },
    {
      label: '  of which inside the sandbox (restore + warm-up)',
      value: median(restores.map((r) => r.child)),
      unit: 'ms',
    },
    { label: 'stage: createSimulator() in full (no snapshot)', value: fullMs, unit: 'ms' },
    { label: 'stage: trace of the list, first snippet after start', value: traceMs, unit: 'ms' },
    {
      label: 'stage: import of the layout stage (with the font tables), cold',
      value: stage('layoutImport'),
      unit: 'ms',
    },
    { label: 'stage: import of the render stage, cold', value: stage('renderImport'), unit: 'ms' },
    { label: 'stage: layout, first call', value: stage('layout'), unit: 'ms' },
    { label: 'stage: SVG render, first call', value: stage('render'), unit: 'ms' },
  ];
}
