// The CLI answering a speaker: `memlane render` of a 4-node linked list, whole, beside memory-viz's CLI
// drawing the same state from hand-written JSON, in one run; then where memlane's time goes (51-cli.ts shares its snippet).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Figure } from '../bench.ts';
import { createSimulator } from '../../src/simulate/index.ts';
import type { Trace } from '../../src/trace/types.ts';

export const name = 'CLI start-up (memlane render of a 4-node linked list, beside memory-viz)';

const root = join(import.meta.dirname, '../..');
const ROUNDS = 5;
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

/** The same last state for memory-viz (which draws instances as `.class` boxes): the frame, the class, four nodes, four ints and None. */
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
const coldStages = `
const started = performance.now();
await import('./src/node/svgdom-window.ts');
const { traceToLayout } = await import('./src/layout/trace-to-layout.ts');
const layoutLoaded = performance.now();
const { layoutToSvg } = await import('./src/render/layout-to-svg.ts');
const renderLoaded = performance.now();
const trace = JSON.parse(process.argv.at(-1));
const layout = traceToLayout(trace);
const laidOut = performance.now();
layoutToSvg(layout, { step: trace.steps.length, theme: 'light', standalone: true, title: 'snippet.py', idPrefix: 'ml' });
const drawn = performance.now();
console.log(JSON.stringify({ processToScript: started, layoutImport: layoutLoaded - started, renderImport: renderLoaded - layoutLoaded, layout: laidOut - renderLoaded, render: drawn - laidOut }));
`;

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function wallMs(command: string, args: string[]): { ms: number; status: number | null } {
  const started = performance.now();
  const result = spawnSync(command, args, { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
  return { ms: performance.now() - started, status: result.status };
}

export async function run(): Promise<Figure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'memlane-bench-cli-'));
  const snippet = join(dir, 'snippet.py');
  const state = join(dir, 'state.json');
  writeFileSync(snippet, linkedList);
  writeFileSync(state, JSON.stringify(memoryVizState));
  const memlane = [join(root, 'scripts/memlane.mjs'), 'render', snippet, '-o', join(dir, 'memlane.svg')];
  const memoryViz = [join(root, 'node_modules/memory-viz/dist/cli.js'), '--output', join(dir, 'memory-viz.svg'), state];

  wallMs(process.execPath, memlane); // makes the snapshot if there is none, and warms the OS file cache
  wallMs(process.execPath, memoryViz);
  const memlaneMs: number[] = [];
  const memoryVizMs: number[] = [];
  const statuses = new Set<number | null>();
  // Alternating, so that a busy moment of the machine falls on both.
  for (let round = 0; round < ROUNDS; round++) {
    const ours = wallMs(process.execPath, memlane);
    const theirs = wallMs(process.execPath, memoryViz);
    memlaneMs.push(ours.ms);
    memoryVizMs.push(theirs.ms);
    statuses.add(ours.status).add(theirs.status);
  }
  // As a speaker types them: through npm's own start-up.
  const viaNpm = [0, 1, 2].map(() => wallMs('npm', ['run', '-s', 'memlane', '--', 'render', snippet, '-o', join(dir, 'npm.svg')]).ms);
  const viaNpx = [0, 1, 2].map(() => wallMs('npx', ['--no-install', 'memory-viz', ...memoryViz.slice(1)]).ms);

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
    const result = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', coldStages, JSON.stringify(trace)], { cwd: root, encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`the stage timing script failed: ${result.stderr.slice(-1500)}`);
    return JSON.parse(result.stdout) as Record<string, number>;
  });
  const stage = (key: string) => median(stages.map((s) => s[key]!));

  const ours = median(memlaneMs);
  const theirs = median(memoryVizMs);
  return [
    { label: `memlane render, whole run, median of ${ROUNDS}`, value: ours, unit: 'ms', target: '≤ 1000 ms' },
    { label: `memory-viz CLI, same state, median of ${ROUNDS}`, value: theirs, unit: 'ms' },
    { label: 'ratio memlane / memory-viz', value: `${(ours / theirs).toFixed(2)}x`, target: '≤ 1.2x' },
    { label: 'exit statuses (all runs)', value: [...statuses].join(',') },
    { label: 'npm run memlane -- render, median of 3', value: median(viaNpm), unit: 'ms' },
    { label: 'npx memory-viz, median of 3', value: median(viaNpx), unit: 'ms' },
    { label: 'stage: node start and exit (node -e 0)', value: nodeMs, unit: 'ms' },
    { label: 'stage: node with tsx registered (-e 0)', value: tsxMs, unit: 'ms' },
    { label: 'stage: createSimulator() from the snapshot, median of 3', value: median(restores.map((r) => r.wall)), unit: 'ms' },
    { label: '  of which inside the sandbox (restore + warm-up)', value: median(restores.map((r) => r.child)), unit: 'ms' },
    { label: 'stage: createSimulator() in full (no snapshot)', value: fullMs, unit: 'ms' },
    { label: 'stage: trace of the list, first snippet after start', value: traceMs, unit: 'ms' },
    { label: 'stage: import of the layout stage (svgdom, fonts), cold', value: stage('layoutImport'), unit: 'ms' },
    { label: 'stage: import of the render stage (svg.js), cold', value: stage('renderImport'), unit: 'ms' },
    { label: 'stage: layout, first call', value: stage('layout'), unit: 'ms' },
    { label: 'stage: SVG render, first call', value: stage('render'), unit: 'ms' },
  ];
}
