// Shared by the site tests: build a site once per set of inputs, serve it on 127.0.0.1, drive
// Debian's Chromium. Builds are keyed by a hash of everything that shapes the output, and guarded
// by a lock directory, so test files running in parallel share one build.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize, relative, resolve } from 'node:path';
import { after, before } from 'node:test';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';

export const repoRoot = resolve(import.meta.dirname, '../..');
/** Astro's command-line script, wherever its package.json `bin` puts it (astro.js up to Astro 5, bin/astro.mjs since). */
export const astroBin = ((): string => {
  const astroDir = join(repoRoot, 'node_modules/astro');
  const { bin } = JSON.parse(readFileSync(join(astroDir, 'package.json'), 'utf8')) as { bin: string | Record<string, string> };
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
  const leftovers = resolve(root) === repoRoot ? [] : ['.astro', 'node_modules'].map((d) => join(root, d)).filter((d) => !existsSync(d));
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

/**
 * Builds `root` once per test run and returns the output directory. Node's test runner starts one
 * process per test file from a common parent, so the parent's pid names the run, and a build
 * never outlives its run: a new run builds the current content again.
 */
export async function builtSite(root = repoRoot): Promise<string> {
  const rootKey = createHash('sha256').update(root).digest('hex').slice(0, 8);
  const outDir = join(tmpdir(), `memlane-site-${process.ppid}-${rootKey}`);
  removeOldBuilds();
  const done = join(outDir, '.build-complete');
  const lock = `${outDir}.lock`;
  for (;;) {
    if (existsSync(done)) return outDir;
    try {
      mkdirSync(lock);
    } catch {
      // Another test file is building the same inputs: wait for it (a dead lock expires after 10 minutes).
      if (Date.now() - statSync(lock).mtimeMs > 600_000) rmSync(lock, { recursive: true, force: true });
      await new Promise((r) => setTimeout(r, 500));
      continue;
    }
    try {
      if (existsSync(done)) return outDir;
      rmSync(outDir, { recursive: true, force: true });
      const result = await buildSite(root, outDir);
      if (result.status !== 0) throw new Error(`astro build of ${root} failed (exit ${result.status}):\n${result.output.slice(-4000)}`);
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

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml',
  '.json': 'application/json', '.png': 'image/png', '.woff2': 'font/woff2', '.xml': 'application/xml', '.txt': 'text/plain',
  '.pf_meta': 'application/octet-stream', '.pf_fragment': 'application/octet-stream', '.pf_index': 'application/octet-stream', '.wasm': 'application/wasm',
};

/** A static file server for a built site on 127.0.0.1 (directory URLs serve index.html); `requests` lists every path asked for. */
export async function serveSite(dir: string): Promise<{ url: string; requests: string[]; close(): Promise<void> }> {
  const requests: string[] = [];
  const server: Server = createServer((request, response) => {
    requests.push(request.url ?? '/');
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    let file = normalize(join(dir, path));
    if (!file.startsWith(dir)) {
      response.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) {
      response.writeHead(404, { 'content-type': 'text/html' }).end(existsSync(join(dir, '404.html')) ? readFileSync(join(dir, '404.html')) : 'not found');
      return;
    }
    response.writeHead(200, { 'content-type': contentTypes[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { url: `http://127.0.0.1:${port}`, requests, close: () => new Promise((r) => server.close(() => r())) };
}

/** The shipped site for one test file: built once per run, served on 127.0.0.1, with Chromium. */
export interface SiteUnderTest {
  dir: string;
  url: string;
  /** Every path the site's server was asked for, in order. */
  requests: string[];
  browser: Browser;
}

/**
 * Registers the file's hooks that start the site and Chromium before its tests (then `setUp`, if
 * given) and stop them after. One hook does it all: Node 20 runs top-level hooks side by side.
 */
export function useBuiltSite(setUp?: () => Promise<void>): SiteUnderTest {
  const site = {} as SiteUnderTest;
  let server: Awaited<ReturnType<typeof serveSite>> | undefined;
  before(async () => {
    site.dir = await builtSite();
    server = await serveSite(site.dir);
    site.url = server.url;
    site.requests = server.requests;
    site.browser = await launchChromium();
    await setUp?.();
  });
  after(async () => {
    await site.browser?.close();
    await server?.close();
  });
  return site;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** A page that records console errors and uncaught exceptions. */
export async function openPage(browser: Browser, options: BrowserContextOptions = {}): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(String(error)));
  return { page, errors };
}

/** Every HTML page of a built site, as URL paths ("/course/aliasing/"). */
export function sitePages(dir: string): string[] {
  const pages: string[] = [];
  const visit = (sub: string): void => {
    for (const name of readdirSync(join(dir, sub)).sort()) {
      const rel = sub ? `${sub}/${name}` : name;
      if (statSync(join(dir, rel)).isDirectory()) {
        if (!name.startsWith('_') && name !== 'pagefind') visit(rel);
      } else if (name === 'index.html') {
        pages.push(`/${sub}${sub ? '/' : ''}`);
      }
    }
  };
  visit('');
  return pages;
}

/** Every page source under content/ (files starting with _ are partials). */
export function contentFiles(dir = join(repoRoot, 'content')): string[] {
  return readdirSync(dir).sort().flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return contentFiles(path);
    return /\.mdx?$/.test(name) && !name.startsWith('_') ? [path] : [];
  });
}

/** The URL path a content file is served at. */
export function urlOf(file: string): string {
  const slug = relative(join(repoRoot, 'content'), file).replace(/\.mdx?$/, '').replace(/(^|\/)index$/, '');
  return slug ? `/${slug.toLowerCase()}/` : '/';
}

/** axe-core's serious and critical findings inside `selector`, as `rule: targets` lines. */
export async function seriousAxeViolations(page: Page, selector = 'main'): Promise<string[]> {
  await page.addScriptTag({ path: join(repoRoot, 'node_modules/axe-core/axe.min.js') });
  return page.evaluate(async (scope) => {
    const axe = (window as unknown as { axe: { run(context: Element): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const result = await axe.run(document.querySelector(scope)!);
    return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  }, selector);
}
