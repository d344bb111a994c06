// Live editing in headless Chromium from a local server: the first Run after "Edit code" with a
// cold browser cache (Pyodide fetched, compiled and started in the page's sandboxed worker), a
// rerun of a typical snippet, and the bytes a reader downloads for it.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Locator } from 'playwright-core';
import type { Figure } from '../bench.ts';
import { astroBin, launchChromium, serveSite } from '../../tests/site/site-harness.ts';
import { projectCopy } from './30-site.ts';

export const name = 'Live editing (headless Chromium, local server)';

const _repo = join(import.meta.dirname, '../..');
const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

function build(root: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [astroBin, 'build', '--root', root], {
      cwd: root,
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
    });
    let output = '';
    child.stdout.on('data', (c) => (output += c));
    child.stderr.on('data', (c) => (output += c));
    child.on('close', (status) =>
      status === 0 ? resolve() : reject(new Error(`astro build failed:\n${output.slice(-3000)}`)),
    );
  });
}

/** Presses Run and resolves with the milliseconds until the run's status says it ended. */
async function timedRun(figure: Locator, press: () => Promise<void>): Promise<number> {
  const status = figure.locator('.memlane-editor-status');
  // Before the first run the editor (and its status) does not exist yet.
  if (await status.count()) await status.evaluate((el) => (el.textContent = ''));
  const start = performance.now();
  await press();
  await status.filter({ hasText: /^(Ran|The run failed)/ }).waitFor({ timeout: 120_000 });
  return performance.now() - start;
}

/** Gzipped bytes of every script in the build's _astro folder that contains `marker` or is the diagram worker. */
function chunkBytes(dist: string, marker: string): number {
  const dir = join(dist, '_astro');
  const wanted = (f: string): boolean =>
    f.startsWith('diagram-worker') || readFileSync(join(dir, f), 'utf8').includes(marker);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.js') && wanted(f))
    .reduce((sum, f) => sum + gzipSync(readFileSync(join(dir, f)), { level: 9 }).length, 0);
}

/**
 * Gzipped bytes of the island's page chunk and the chunks it imports statically (what loads before any button is
 * pressed).
 */
function islandBytes(dist: string): number {
  const dir = join(dist, '_astro');
  const page = readdirSync(dir).find((f) => /^page\.[\w-]+\.js$/.test(f))!;
  const imported = [
    ...readFileSync(join(dir, page), 'utf8').matchAll(
      /(?:^|;)\s*import\s*(?:\{[^}]*\}\s*from\s*)?["']\.\/([^"']+\.js)["']/g,
    ),
  ].map((m) => m[1]!);
  return [page, ...new Set(imported)].reduce(
    (sum, f) => sum + gzipSync(readFileSync(join(dir, f)), { level: 9 }).length,
    0,
  );
}

function folderBytes(dir: string): number {
  return readdirSync(dir).reduce((sum, f) => {
    const path = join(dir, f);
    return sum + (statSync(path).isDirectory() ? folderBytes(path) : statSync(path).size);
  }, 0);
}

export async function run(): Promise<Figure[]> {
  const root = projectCopy('diagrams');
  try {
    await build(root);
    const dist = join(root, 'dist');
    const server = await serveSite(dist);
    const browser = await launchChromium();
    const firstRuns: number[] = [];
    const reruns: number[] = [];
    try {
      for (let i = 0; i < 3; i++) {
        // A new context each time: an empty HTTP cache and no compiled WebAssembly kept.
        const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
        const page = await context.newPage();
        await page.goto(`${server.url}/course/aliasing/`);
        const figure = page.locator('figure.memlane').first();
        const edit = figure.getByRole('button', { name: 'Edit code' });
        await edit.waitFor();
        firstRuns.push(
          await timedRun(figure, async () => {
            await edit.click();
            await figure.getByRole('button', { name: 'Run' }).click();
          }),
        );
        if (i === 0) {
          for (let j = 0; j < 7; j++)
            reruns.push(await timedRun(figure, () => figure.getByRole('button', { name: 'Run' }).click()));
        }
        await context.close();
      }
    } finally {
      await browser.close();
      await server.close();
    }
    return [
      {
        label: 'first Run after "Edit code", cold cache (median of 3)',
        value: median(firstRuns),
        unit: 'ms',
        target: '<= 5000',
      },
      { label: 'first Run, slowest of 3', value: Math.max(...firstRuns), unit: 'ms' },
      {
        label: 'rerun of the lesson snippet (median of 7)',
        value: median(reruns),
        unit: 'ms',
        target: '<= 500, aim 150',
      },
      {
        label: 'the island at first paint (page chunk + its imports, with Astro prefetch), gzipped',
        value: islandBytes(dist),
        unit: 'B',
        target: '< 6144',
      },
      {
        label: 'editor + sandbox script + diagram worker, gzipped (on demand)',
        value: chunkBytes(dist, 'Python code'),
        unit: 'B',
      },
      {
        label: 'interpreter files (_memlane/live), as served',
        value: folderBytes(join(dist, '_memlane/live')),
        unit: 'B',
      },
    ];
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
