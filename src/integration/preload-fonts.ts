// Pages that show a diagram ask for its fonts in <head>, before the stylesheet is even parsed, so
// the faces arrive with the first paint (and `swap` rarely shows the fallback). Run on the built
// HTML, where the bundler's final font URLs are known.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The page with one preload per font URL, if it shows a diagram and has none yet. */
export function addFontPreloads(html: string, fontUrls: readonly string[]): string {
  if (fontUrls.length === 0 || !html.includes('<figure class="memlane ') || html.includes('data-memlane-preload'))
    return html;
  const links = fontUrls
    .map((url) => `<link rel="preload" href="${url}" as="font" type="font/woff2" crossorigin data-memlane-preload>`)
    .join('');
  return html.replace('</head>', `${links}</head>`);
}

/**
 * URLs (from the site root) of the diagram WOFF2 files the bundler wrote, found by the names diagram-fonts.ts gives
 * them.
 */
export function builtFontUrls(outDir: string, fileNames: readonly string[], base = '/'): string[] {
  const assets = readdirSync(outDir, { recursive: true, encoding: 'utf8' }).filter((path) => path.endsWith('.woff2'));
  return fileNames.flatMap((name) => {
    const stem = name.replace(/\.woff2$/, '');
    const found = assets.find((path) => path.split('/').pop()!.startsWith(`${stem}.`));
    return found ? [`${base.replace(/\/?$/, '/')}${found}`] : [];
  });
}

/** Adds the preloads to every HTML page of a built site. */
export function preloadFontsInSite(outDir: string, fontUrls: readonly string[]): void {
  const visit = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) visit(path);
      else if (name.endsWith('.html')) {
        const html = readFileSync(path, 'utf8');
        const updated = addFontPreloads(html, fontUrls);
        if (updated !== html) writeFileSync(path, updated);
      }
    }
  };
  visit(outDir);
}
