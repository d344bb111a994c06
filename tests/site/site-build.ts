// Astro builds for the tests: one build of a site per test run, shared by every file that needs it
// (keyed by the run and the site's root, guarded by a lock directory), and one-off builds for sites
// that must fail. The test runner starts the shared builds before the files that wait for them.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const repoRoot = resolve(import.meta.dirname, '../..');
/**
 * Astro's command-line script, wherever its package.json `bin` puts it (astro.js up to Astro 5, bin/astro.mjs since).
 */
export const astroBin = ((): string => {
  const astroDir = join(repoRoot, 'node_modules/astro');
  const { bin } = JSON.parse(readFileSync(join(astroDir, 'package.json'), 'utf8')) as {
    bin: string | Record<string, string>;
  };
  return join(astroDir, typeof bin === 'string' ? bin : bin.astro!);
})();

export interface BuildResult {
  status: number;
  output: string;
  outDir: string;
}

/**
 * Runs `astro build` for a project root into outDir (no reuse), `env` added to this process's. A
 * fixture site (any root but the repository's) is left as it was: the generated types and caches
 * Astro writes into it (`.astro/`, `node_modules/`) are removed after the build, so no test leaves
 * built files in the tree.
 */
export function buildSite(root: string, outDir: string, env: NodeJS.ProcessEnv = {}): Promise<BuildResult> {
  const leftovers =
    resolve(root) === repoRoot
      ? []
      : ['.astro', 'node_modules'].map((d) => join(root, d)).filter((d) => !existsSync(d));
  return new Promise((done) => {
    const child = spawn(process.execPath, [astroBin, 'build', '--root', root, '--outDir', outDir], {
      cwd: root,
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0', ...env },
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('close', (status) => {
      for (const dir of leftovers) rmSync(dir, { recursive: true, force: true });
      done({ status: status ?? 1, output, outDir });
    });
  });
}

/** Pages a shared build writes into its fixture before building, and removes after. */
export interface GeneratedPages {
  write(): void;
  remove(): void;
}

/**
 * The run this process belongs to: scripts/run-tests.ts names it; under a bare `node --test` every
 * file's parent is the test runner, so its pid does.
 */
const testRun = (): string => process.env.MEMLANE_TEST_RUN ?? String(process.ppid);

/**
 * Builds `root` once per test run and returns the output directory; a failed build throws with
 * Astro's output (and is tried again by the next caller). `pages`, if given, are written before the
 * build and removed after it, by whichever process builds. A new run builds the current content again.
 */
export async function builtSite(root = repoRoot, pages?: GeneratedPages): Promise<string> {
  const rootKey = createHash('sha256').update(root).digest('hex').slice(0, 8);
  const outDir = join(tmpdir(), `memlane-site-${testRun()}-${rootKey}`);
  removeOldBuilds();
  const done = join(outDir, '.build-complete');
  const lock = `${outDir}.lock`;
  for (;;) {
    if (existsSync(done)) return outDir;
    try {
      mkdirSync(lock);
    } catch {
      // Another process is building the same site: wait for it (a dead lock expires after 10 minutes).
      if (Date.now() - statSync(lock).mtimeMs > 600_000) rmSync(lock, { recursive: true, force: true });
      await new Promise((r) => setTimeout(r, 500));
      continue;
    }
    try {
      if (existsSync(done)) return outDir;
      rmSync(outDir, { recursive: true, force: true });
      pages?.write();
      const result = await buildSite(root, outDir).finally(() => pages?.remove());
      if (result.status !== 0)
        throw new Error(`astro build of ${root} failed (exit ${result.status}):\n${result.output.slice(-4000)}`);
      writeFileSync(done, new Date().toISOString());
      return outDir;
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
  }
}

/** Builds of earlier runs (over an hour old) are removed so temp space does not fill up. */
function removeOldBuilds(): void {
  for (const name of readdirSync(tmpdir())) {
    if (!name.startsWith('memlane-site-')) continue;
    const path = join(tmpdir(), name);
    try {
      if (Date.now() - statSync(path).mtimeMs > 3_600_000) rmSync(path, { recursive: true, force: true });
    } catch {
      // Removed by a parallel test file.
    }
  }
}
