// Standalone SVG files carry their fonts: for each face a drawing uses, an @font-face rule whose
// data: URL is a WOFF2 of only the glyphs drawn in it (no ligatures), so the file looks the same on a
// machine without Inter or JetBrains Mono. For files only: pages get the site's web fonts.
import { readFileSync } from 'node:fs';
import { fontFaceRule } from '../fonts/font-face-css.ts';
import { subsetFont } from '../node/subset-font.ts';
import { ttfToWoff2 } from '../node/ttf-to-woff2.ts';
import { slideFaces, type SlideFace } from './font-files.ts';
import { rootContentStart } from './svg-root.ts';
import { textByFace } from './text-by-face.ts';

/** Brotli quality of the subsets: at 5 a few per cent larger than at 11, in a hundredth of the time. */
const SUBSET_QUALITY = 5;
/** Drawings of one run (every step, each save under --watch, a server's requests) often draw the same letters. */
const CACHED_FACES = 64;
const cache = new Map<string, string>();

/** For viewers that draw with an installed JetBrains Mono instead of the embedded one: no ligatures there either. */
const noLigatures = 'text { font-variant-ligatures: none; font-feature-settings: "liga" 0, "calt" 0; }';

/** The @font-face rule of a face holding just these code points. */
function embeddedFace(face: SlideFace, codePoints: Set<number>): string {
  const key = `${face.file}\0${[...codePoints].sort((a, b) => a - b).join(',')}`;
  let rule = cache.get(key);
  if (rule === undefined) {
    const woff2 = ttfToWoff2(subsetFont(readFileSync(face.file), codePoints), SUBSET_QUALITY);
    rule = fontFaceRule({
      family: face.family,
      weight: face.weight,
      style: face.style,
      url: `data:font/woff2;base64,${woff2.toString('base64')}`,
      display: 'block',
    });
    if (cache.size >= CACHED_FACES) cache.delete(cache.keys().next().value!);
    cache.set(key, rule);
  }
  return rule;
}

/** The <style> with the faces the SVG draws with, in the fixed order of slideFaces; empty when it draws no text. */
export function embeddedFontsStyle(svg: string): string {
  const rules = [...textByFace(svg, slideFaces).byFace]
    .filter(([, codePoints]) => codePoints.size)
    .map(([face, codePoints]) => embeddedFace(face, codePoints));
  return rules.length ? `<style>\n${[...rules, noLigatures].join('\n')}\n</style>` : '';
}

/**
 * The SVG with its fonts inside, after the root's <title> and <desc> (which stay its first children, for screen
 * readers).
 */
export function embedFonts(svg: string): string {
  const style = embeddedFontsStyle(svg);
  if (!style) return svg;
  const start = rootContentStart(svg);
  const head = /^\s*(?:<title\b[^>]*>[^<]*<\/title>\s*)?(?:<desc\b[^>]*>[^<]*<\/desc>)?/.exec(svg.slice(start))![0];
  return `${svg.slice(0, start + head.length)}\n${style}${svg.slice(start + head.length)}`;
}
