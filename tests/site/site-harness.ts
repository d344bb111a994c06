// Shared by the site tests: the site built once per run (site-build.ts), served on 127.0.0.1, driven
// with Debian's Chromium.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize, relative } from 'node:path';
import { after, before } from 'node:test';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { builtSite, repoRoot } from './site-build.ts';

export { astroBin, buildSite, builtSite, repoRoot, type BuildResult } from './site-build.ts';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.xml': 'application/xml',
  '.txt': 'text/plain',
  '.pf_meta': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.wasm': 'application/wasm',
};

/**
 * A static file server for a built site on 127.0.0.1 (directory URLs serve index.html); `requests` lists every path
 * asked for.
 */
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
      response
        .writeHead(404, { 'content-type': 'text/html' })
        .end(existsSync(join(dir, '404.html')) ? readFileSync(join(dir, '404.html')) : 'not found');
      return;
    }
    response
      .writeHead(200, { 'content-type': contentTypes[extname(file)] ?? 'application/octet-stream' })
      .end(readFileSync(file));
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
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** A page that records console errors and uncaught exceptions. */
export async function openPage(
  browser: Browser,
  options: BrowserContextOptions = {},
): Promise<{ page: Page; errors: string[] }> {
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
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return contentFiles(path);
      return /\.mdx?$/.test(name) && !name.startsWith('_') ? [path] : [];
    });
}

/** The URL path a content file is served at. */
export function urlOf(file: string): string {
  const slug = relative(join(repoRoot, 'content'), file)
    .replace(/\.mdx?$/, '')
    .replace(/(^|\/)index$/, '');
  return slug ? `/${slug.toLowerCase()}/` : '/';
}

/** axe-core's serious and critical findings inside `selector`, as `rule: targets` lines. */
export async function seriousAxeViolations(page: Page, selector = 'main'): Promise<string[]> {
  await page.addScriptTag({ path: join(repoRoot, 'node_modules/axe-core/axe.min.js') });
  return axeFindings(page, selector);
}

/**
 * Pre: axe-core is on the page. Post: its serious and critical findings inside `scope` (the whole document when
 * null), run with axe's `options` (which rules), as `rule: targets` lines.
 */
export function axeFindings(page: Page, scope: string | null, options: object = {}): Promise<string[]> {
  return page.evaluate(
    async ([scope, options]) => {
      const axe = (
        window as unknown as {
          axe: {
            run(
              context: Element | Document,
              options: object,
            ): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }>;
          };
        }
      ).axe;
      const result = await axe.run(scope === null ? document : document.querySelector(scope)!, options);
      return result.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    },
    [scope, options] as const,
  );
}
