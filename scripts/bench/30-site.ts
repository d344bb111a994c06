// The site: build time with diagrams against the same site with plain code blocks (cold and warm
// cache), peak memory of a build, a dev-server re-render, and the gzipped JavaScript of the island.
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Figure } from '../bench.ts';
import { closeSimulator, snippetToDiagram } from '../../src/integration/snippet-to-diagram.ts';
import { astroBin } from '../../tests/site/site-harness.ts';

export const name = 'Site build (Astro + Starlight, every lesson)';

const repo = join(import.meta.dirname, '../..');

/**
 * A copy of the project under the repository's tmp/ (ignored by git), so packages resolve from the
 * repository's node_modules; `plain` turns every diagram into an ordinary code block.
 */
export function projectCopy(variant: 'diagrams' | 'plain'): string {
  mkdirSync(join(repo, 'tmp'), { recursive: true });
  const root = mkdtempSync(join(repo, 'tmp', `bench-${variant}-`));
  for (const dir of ['content', 'components', 'src', 'lib', 'public'])
    cpSync(join(repo, dir), join(root, dir), { recursive: true });
  cpSync(join(repo, 'package.json'), join(root, 'package.json'));
  let config = readFileSync(join(repo, 'astro.config.mjs'), 'utf8');
  if (variant === 'diagrams') {
    // A generous time limit: on a loaded shared machine a first run can take longer than the default 10 s.
    const options = `{ cache: ${JSON.stringify(join(root, 'memlane-cache'))}, timeoutMs: 60_000 }`;
    config = config.replace('memlane()', `memlane(${options})`);
  } else {
    config = config.replace(/^\s*memlane\(\),?\s*$/m, '').replace(/^import \{ memlane \}.*$/m, '');
    const plainify = (dir: string): void => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) plainify(path);
        else if (/\.mdx?$/.test(entry.name)) {
          const text = readFileSync(path, 'utf8')
            .replace(/^(\s*`{3,})python memory\b.*$/gm, '$1python')
            .replace(
              /<MemoryDiagram[\s\S]*?code=\{`([\s\S]*?)`\}[\s\S]*?\/>/g,
              (_, code: string) => `\`\`\`python\n${code.trim()}\n\`\`\``,
            )
            .replace(/^import MemoryDiagram .*$/m, '')
            // The playground is all diagram: the plain site has its page without it.
            .replace(/^import Playground .*$/m, '')
            .replace(/<Playground\s*\/>/g, '');
          writeFileSync(path, text);
        }
      }
    };
    plainify(join(root, 'content'));
  }
  // Astro's own cache stays inside the copy (node_modules is the repository's).
  writeFileSync(
    join(root, 'astro.config.mjs'),
    config.replace('defineConfig({', "defineConfig({\n  cacheDir: './astro-cache',"),
  );
  return root;
}

interface Build {
  ms: number;
  peakMiB: number;
}

const median = (builds: Build[]): Build => [...builds].sort((a, b) => a.ms - b.ms)[Math.floor(builds.length / 2)]!;

/** Runs `astro build`; wall time in ms and peak resident memory in MiB (GNU time). */
function timedBuild(root: string): Promise<Build> {
  const start = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn('/usr/bin/time', ['-f', 'PEAK_KB %M', process.execPath, astroBin, 'build', '--root', root], {
      cwd: root,
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
    });
    let output = '';
    child.stdout.on('data', (c) => (output += c));
    child.stderr.on('data', (c) => (output += c));
    child.on('close', (status) => {
      const ms = performance.now() - start;
      if (status !== 0) reject(new Error(`astro build failed in ${root}:\n${output.slice(-3000)}`));
      else resolve({ ms, peakMiB: Number(/PEAK_KB (\d+)/.exec(output)?.[1] ?? 0) / 1024 });
    });
  });
}

function clearCaches(root: string): void {
  for (const dir of ['.astro', 'dist', 'memlane-cache', 'astro-cache'])
    rmSync(join(root, dir), { recursive: true, force: true });
}

/** Gzipped bytes of the built scripts whose name or code contains `marker` (each file counted once). */
function scriptBytes(dist: string, marker: string): number {
  const dir = join(dist, '_astro');
  const files = readdirSync(dir).filter(
    (f) => f.endsWith('.js') && (f.startsWith(marker) || readFileSync(join(dir, f), 'utf8').includes(marker)),
  );
  return files.length
    ? files.reduce((sum, f) => sum + gzipSync(readFileSync(join(dir, f)), { level: 9 }).length, 0)
    : Number.NaN;
}

/** What the dev server does when an author edits a snippet: trace, lay out and render it again, interpreter warm. */
async function rerenderChangedSnippet(): Promise<number> {
  const settings = {
    cacheDir: false as const,
    defaults: {},
    timeoutMs: 10_000,
    fingerprint: 'bench',
    playground: 'playground/',
    live: { liveUrl: '/_memlane/live/', playground: '/playground/', timeoutMs: 10_000 },
  };
  const request = (code: string) => ({
    written: code,
    rawOptions: {},
    location: { file: 'bench.md', firstLine: 1 },
    fallbackId: 'bench',
  });
  await snippetToDiagram(request('a = [1, 2]\nb = a\nb.append(3)'), settings);
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const start = performance.now();
    await snippetToDiagram(request(`a = [1, 2]\nb = a\nb.append(${i + 4})\nc = {"k": b}`), settings);
    times.push(performance.now() - start);
  }
  await closeSimulator();
  return times.sort((x, y) => x - y)[2]!;
}

/**
 * What a lesson with diagrams downloads: its HTML, the stylesheets and scripts it links, and the
 * font files those stylesheets name (browsers fetch only faces the page draws with; diagram pages
 * draw with all of them). Bytes as served, without HTTP compression.
 */
export function pageWeight(dist: string, page: string): { total: number; fonts: number } {
  const html = readFileSync(join(dist, page, 'index.html'), 'utf8');
  const linked = [...html.matchAll(/<(?:link[^>]+href|script[^>]+src)="(\/_astro\/[^"]+\.(?:css|js))"/g)].map(
    (m) => m[1]!,
  );
  const assets = [...new Set(linked)].map((url) => readFileSync(join(dist, url), 'utf8'));
  const fontUrls = new Set(
    assets.flatMap((css) =>
      [...css.matchAll(/url\((?:"|')?(\/_astro\/[^)"']+\.(?:woff2?|ttf|otf))/g)].map((m) => m[1]!),
    ),
  );
  const fonts = [...fontUrls].reduce((sum, url) => sum + readFileSync(join(dist, url)).length, 0);
  return { total: Buffer.byteLength(html) + assets.reduce((sum, a) => sum + Buffer.byteLength(a), 0) + fonts, fonts };
}

export async function run(): Promise<Figure[]> {
  const rerenderMs = await rerenderChangedSnippet();
  const withDiagrams = projectCopy('diagrams');
  const plain = projectCopy('plain');
  try {
    // One untimed build each warms the OS file cache; then the variants alternate so that other
    // load on the machine falls on both alike, and medians of three are reported.
    await timedBuild(plain);
    await timedBuild(withDiagrams);
    const runs = { plainCold: [] as Build[], cold: [] as Build[], plainWarm: [] as Build[], warm: [] as Build[] };
    for (let i = 0; i < 3; i++) {
      clearCaches(plain);
      runs.plainCold.push(await timedBuild(plain));
      clearCaches(withDiagrams);
      runs.cold.push(await timedBuild(withDiagrams));
    }
    for (let i = 0; i < 3; i++) {
      runs.plainWarm.push(await timedBuild(plain));
      runs.warm.push(await timedBuild(withDiagrams));
    }
    const [plainCold, cold, plainWarm, warm] = [runs.plainCold, runs.cold, runs.plainWarm, runs.warm].map(median) as [
      Build,
      Build,
      Build,
      Build,
    ];
    const dist = join(withDiagrams, 'dist');
    const lesson = pageWeight(dist, 'course/aliasing');
    return [
      { label: 'plain code blocks, cold (median of 3)', value: plainCold.ms, unit: 'ms' },
      { label: 'plain code blocks, warm', value: plainWarm.ms, unit: 'ms' },
      { label: 'diagrams, cold cache (Pyodide traces all)', value: cold.ms, unit: 'ms' },
      { label: 'diagrams, warm cache', value: warm.ms, unit: 'ms' },
      { label: 'cold ratio (diagrams / plain)', value: cold.ms / plainCold.ms, unit: 'x', target: '<= 1.5' },
      { label: 'warm ratio (diagrams / plain)', value: warm.ms / plainWarm.ms, unit: 'x', target: '<= 1.1' },
      { label: 'dev: re-render a changed snippet (median of 5)', value: rerenderMs, unit: 'ms', target: '< 1000' },
      { label: 'peak memory, diagram build cold', value: cold.peakMiB, unit: 'MiB' },
      { label: 'peak memory, plain build', value: plainCold.peakMiB, unit: 'MiB' },
      // Astro bundles every page script into one chunk with its link prefetching; the plain build's chunk is that
      // alone.
      { label: 'page chunk: island + Astro prefetch, gzipped', value: scriptBytes(dist, 'page.'), unit: 'B' },
      {
        label: 'the island itself (page chunk minus plain one), gzipped',
        value: scriptBytes(dist, 'page.') - scriptBytes(join(plain, 'dist'), 'page.'),
        unit: 'B',
        target: '< 6144',
      },
      {
        label: '<Mark> script + rough-notation (pages using it), gzipped',
        value: scriptBytes(dist, '.memlane-mark') + scriptBytes(dist, 'rough-annotation'),
        unit: 'B',
      },
      { label: 'lesson page weight (course/aliasing: HTML, CSS, JS, fonts)', value: lesson.total, unit: 'B' },
      {
        label: 'diagram fonts of that page (WOFF2 from the measuring TTFs)',
        value: lesson.fonts,
        unit: 'B',
        target: '< 400000',
      },
    ];
  } finally {
    rmSync(withDiagrams, { recursive: true, force: true });
    rmSync(plain, { recursive: true, force: true });
  }
}
