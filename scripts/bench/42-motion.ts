// Animations and handouts: `memlane render -o steps.gif | handout.pdf` of a 20-step snippet, answered by a warm
// render server (its own socket folder), as a speaker runs it; the GIF's and PDF's sizes. Figures only.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Figure } from '../bench.ts';
import { median } from './50-cli-startup.ts';

export const name = 'Animations and handouts (memlane render -o steps.gif, -o handout.pdf, 20 steps)';

const root = join(import.meta.dirname, '../..');
const bin = join(root, 'scripts/memlane.mjs');
const ROUNDS = 5;
/** Twenty steps: a call in a loop, an alias, a pop, a copy. */
export const twentySteps = [
  'def push(stack, item):',
  '    stack.append(item)',
  '    return len(stack)',
  '',
  'todo = []',
  'done = todo',
  'for word in ["tea", "milk"]:',
  '    size = push(todo, word)',
  'last = todo.pop()',
  'copy = list(todo)',
  '',
].join('\n');

function memlane(args: string[], env: NodeJS.ProcessEnv): { ms: number; stderr: string } {
  const started = performance.now();
  const result = spawnSync(process.execPath, [bin, ...args], { cwd: root, env, encoding: 'utf8' });
  const ms = performance.now() - started;
  if (result.status !== 0) throw new Error(`memlane ${args.join(' ')} failed: ${result.stderr}`);
  return { ms, stderr: result.stderr };
}

/** Waits (a minute at most) until the server answers warm. */
async function serverReady(env: NodeJS.ProcessEnv): Promise<void> {
  for (let waited = 0; waited < 60_000; waited += 200) {
    const status = spawnSync(process.execPath, [bin, 'server', 'status'], { cwd: root, env, encoding: 'utf8' });
    if (status.status === 0 && !status.stdout.includes('warming up')) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error('the render server did not start within a minute');
}

export async function run(): Promise<Figure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'memlane-bench-motion-'));
  const snippet = join(dir, 'twenty.py');
  writeFileSync(snippet, twentySteps);
  const served: NodeJS.ProcessEnv = {
    ...process.env,
    MEMLANE_SERVER: '1',
    MEMLANE_SERVER_DIR: mkdtempSync(join(tmpdir(), 'mlb-')),
  };
  const gif = join(dir, 'steps.gif');
  const gifArgs = ['render', snippet, '--with-code', '--width', '1280', '--delay', '1200', '-o', gif];
  const darkGif = join(dir, 'dark.gif');
  const darkArgs = ['render', snippet, '--with-code', '--width', '1280', '--theme', 'dark', '-o', darkGif];
  const pdf = join(dir, 'handout.pdf');
  const pdfArgs = ['render', snippet, '-o', pdf];
  try {
    // The first run starts the server; later runs are answered by it, warm.
    const frames = /\((\d+) frames, (\d+)×(\d+) px/.exec(memlane(gifArgs, served).stderr)!;
    await serverReady(served);
    memlane(gifArgs, served);
    const gifMs: number[] = [];
    const pdfMs: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      gifMs.push(memlane(gifArgs, served).ms);
      pdfMs.push(memlane(pdfArgs, served).ms);
    }
    memlane(darkArgs, served);
    const kib = (path: string) => statSync(path).size / 1024;
    return [
      { label: `GIF frames (steps), size`, value: `${frames[1]}, ${frames[2]}×${frames[3]}`, unit: 'px' },
      { label: 'GIF size, --with-code --width 1280, light', value: kib(gif), unit: 'KiB', target: '< 1 MB' },
      { label: 'GIF size, the same, dark', value: kib(darkGif), unit: 'KiB', target: '< 1 MB' },
      {
        label: `GIF written, server warm, median of ${ROUNDS}`,
        value: median(gifMs),
        unit: 'ms',
        target: '< 2000 ms',
      },
      { label: 'PDF size, a page per step', value: kib(pdf), unit: 'KiB', target: '< 500 KB' },
      { label: `PDF written, server warm, median of ${ROUNDS}`, value: median(pdfMs), unit: 'ms' },
    ];
  } finally {
    spawnSync(process.execPath, [bin, 'server', 'stop'], { cwd: root, env: served });
    rmSync(served['MEMLANE_SERVER_DIR']!, { recursive: true, force: true });
    rmSync(dir, { recursive: true, force: true });
  }
}
