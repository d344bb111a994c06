// @font-face rules for the diagram faces, written alike for the site's stylesheet (WOFF2 files beside
// it, shown with `swap`) and for standalone SVG files (the faces inside them as data: URLs).
export interface FontFaceSource {
  family: string;
  weight: number;
  style?: 'normal' | 'italic';
  /** A relative URL or a data: URL of a WOFF2 file. */
  url: string;
  /** `swap` shows a page's prose at once; a file's faces are in it, so `block` never shows a fallback. */
  display: 'swap' | 'block';
}

export function fontFaceRule({ family, weight, style = 'normal', url, display }: FontFaceSource): string {
  return [
    '@font-face {',
    `  font-family: '${family}';`,
    `  font-style: ${style};`,
    `  font-weight: ${weight};`,
    `  font-display: ${display};`,
    `  src: url('${url}') format('woff2');`,
    '}',
  ].join('\n');
}
