// memlane(): the Astro integration. It wires the pipeline into the build (a plugin of the site's
// Markdown processor for ```python memory fences, <MemoryDiagram> through this entry, which the
// site's server bundle imports rather than bundles), adds the diagram CSS and the stepping island to
// every page, copies the interpreter for live editing into the site (served from node_modules by the
// dev server), and stops the interpreter when the build is done. A failing snippet is shown in its
// page; `astro dev` logs it and raises the error overlay, a build lists every one once its pages are
// done, then fails.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { siteThemeCss } from './site-theme-css.ts';
import { fingerprintSources, shapingDirs } from './diagram-cache.ts';
import { copyLiveAssets, serveLiveAssets } from './live-assets.ts';
import { LIVE_DIR } from '../live/live-files.ts';
import { writeDiagramFonts } from './diagram-fonts.ts';
import { builtFontUrls, preloadFontsInSite } from './preload-fonts.ts';
import { resolveMemlaneOptions, type MemlaneUserOptions } from './memlane-options.ts';
import { attachToMarkdown } from './markdown-processor.ts';
import { removePagesWithProblems, SnippetsFailedError } from './build-failure.ts';
import { raiseOverlayForProblems } from './dev-overlay.ts';
import { takeProblems, watchProblems } from './snippet-problems.ts';
import { closeSimulator, prewarmSimulator, type PipelineSettings } from './snippet-to-diagram.ts';
import { configureMemoryDiagram } from './memory-diagram-renderer.ts';

export type { MemlaneUserOptions } from './memlane-options.ts';
export { focusableCodeBlocks } from './focusable-scrolling.ts';
export { renderMemoryDiagram, type SnippetRequest } from './memory-diagram-renderer.ts';

const sourceDir = fileURLToPath(new URL('../', import.meta.url));
const componentsDir = fileURLToPath(new URL('../../components/', import.meta.url));
const packageJson = fileURLToPath(new URL('../../package.json', import.meta.url));
const stylesId = 'virtual:memlane/styles.css';

export function memlane(userOptions?: MemlaneUserOptions): AstroIntegration {
  return {
    name: 'memlane',
    hooks: {
      'astro:config:setup': ({ config, command, updateConfig, injectScript, logger }) => {
        root = fileURLToPath(config.root);
        const options = resolveMemlaneOptions(userOptions, root);
        const version = (JSON.parse(readFileSync(packageJson, 'utf8')) as { version: string }).version;
        const siteBase = config.base.endsWith('/') ? config.base : `${config.base}/`;
        const settings: PipelineSettings = {
          ...options,
          live: {
            liveUrl: siteBase + LIVE_DIR,
            playground: options.playground === false ? null : siteBase + options.playground,
            timeoutMs: options.timeoutMs,
          },
          fingerprint: fingerprintSources(
            version,
            shapingDirs.map((d) => sourceDir + d),
          ),
        };
        // An empty or missing cache means every snippet will be traced: start the interpreter now.
        if (command === 'build' && (options.cacheDir === false || isEmptyDir(options.cacheDir))) prewarmSimulator();
        const failureMarker = join(fileURLToPath(config.cacheDir), 'memlane-failed.txt');
        forgetStaleRenderedPages(root, fileURLToPath(config.cacheDir), settings.fingerprint, failureMarker);
        // Problems are kept for the end of a build; dev (and sync) log each at once, its page shows it too.
        watchProblems({
          marker: failureMarker,
          onProblem: command === 'build' ? undefined : (error) => logger.error(error.message),
        });
        configureMemoryDiagram(settings);
        const markdown = attachToMarkdown(config.markdown, { settings, root });
        // The theme's colours come from the renderer; the chrome and the fonts are real files so their url()s resolve.
        // The WOFF2 files may still be compressing (a first build): Vite waits for them before it reads a file.
        const fonts = writeDiagramFonts(join(fileURLToPath(config.cacheDir), 'memlane-fonts'));
        fonts.ready.catch(() => {}); // reported by buildStart below, where the build can fail with it
        updateConfig({
          ...(markdown && { markdown }),
          vite: {
            plugins: [
              {
                // <MemoryDiagram> imports `memlane` (this entry, configured just now): in every server environment
                // (Astro's ssr, prerender, ...) Node's copy, not a bundled one.
                name: 'memlane:one-copy',
                configEnvironment: (name) => (name === 'client' ? undefined : { resolve: { external: ['memlane'] } }),
              },
              {
                name: 'memlane:styles',
                buildStart: () => fonts.ready,
                resolveId: (id) => (id === stylesId ? `\0${stylesId}` : undefined),
                load: (id) => (id === `\0${stylesId}` ? siteThemeCss : undefined),
              },
            ],
          },
        });
        fontFiles = fonts.fontFiles;
        base = config.base;
        const styles = [stylesId, fonts.cssPath, `${componentsDir}memlane.css`];
        injectScript('page-ssr', styles.map((id) => `import ${JSON.stringify(id)};`).join('\n'));
        injectScript('page', `import ${JSON.stringify(`${componentsDir}diagram-island.ts`)};`);
        if (command === 'dev') injectScript('page', `import ${JSON.stringify(`${componentsDir}dev-overlay.ts`)};`);
      },
      'astro:server:setup': ({ server }) => {
        server.middlewares.use(serveLiveAssets(base));
        raiseOverlayForProblems(server, root);
      },
      // Every page is rendered by now (Markdown entries while content synced, the rest just before).
      'astro:build:generated': async ({ dir }) => {
        const problems = takeProblems();
        if (problems.length === 0) return;
        await closeSimulator();
        throw new SnippetsFailedError(problems, removePagesWithProblems(fileURLToPath(dir)));
      },
      'astro:build:done': async ({ dir }) => {
        await closeSimulator();
        const outDir = fileURLToPath(dir);
        preloadFontsInSite(outDir, builtFontUrls(outDir, fontFiles, base));
        copyLiveAssets(outDir);
      },
      'astro:server:done': async () => {
        await closeSimulator();
      },
    },
  };
}

/** The diagram WOFF2 files as written for the bundler, the site's base path, for the preloads, and its root. */
let fontFiles: string[] = [];
let base = '/';
let root = '';

/**
 * Astro keeps rendered Markdown in its data store and re-renders only changed files. After a page was
 * rendered with a problem (by a failed build, `astro dev` or `astro sync`) an unchanged page would come
 * back with the problem in it and no error, and after Memlane itself changed it would keep old
 * diagrams: in both cases drop the store so every page is rendered (and checked) again.
 */
function forgetStaleRenderedPages(
  root: string,
  astroCacheDir: string,
  fingerprint: string,
  failureMarker: string,
): void {
  const fingerprintFile = join(astroCacheDir, 'memlane-fingerprint.txt');
  const previous = existsSync(fingerprintFile) ? readFileSync(fingerprintFile, 'utf8') : undefined;
  if (existsSync(failureMarker) || (previous !== undefined && previous !== fingerprint)) {
    for (const store of [join(astroCacheDir, 'data-store.json'), join(root, '.astro', 'data-store.json')])
      rmSync(store, { force: true });
  }
  rmSync(failureMarker, { force: true });
  mkdirSync(astroCacheDir, { recursive: true });
  writeFileSync(fingerprintFile, fingerprint);
}

export default memlane;

/** No rendered diagram in the cache (the interpreter snapshot kept beside them does not count). */
function isEmptyDir(dir: string): boolean {
  return !existsSync(dir) || !readdirSync(dir).some((name) => name.endsWith('.html'));
}
