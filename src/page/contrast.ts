// WCAG 2 contrast, the one module for it: syntax colours lifted until they read on the code pane
// (pages, the live editor) or on a slide's code panel, as Starlight does for its own code blocks.
// Environment-free.

type Rgb = [number, number, number];

/** Code pane backgrounds per mode: the plain pane, the current line and the next line. */
export const codeBackgrounds = {
  light: ['#f6f7f9', '#dfe5f7', '#eceef2'],
  dark: ['#16181d', '#263056', '#22252c'],
} as const;

/** What the code pane asks of every token colour, on each of its backgrounds (above AA's 4.5). */
const codePaneContrast = 5;
const black: Rgb = [0, 0, 0];
const white: Rgb = [255, 255, 255];

/** `#rgb`, `#rgba`, `#rrggbb` or `#rrggbbaa` (alpha ignored) as channels. */
function parseHex(color: string): Rgb {
  const hex = color.replace(/^#/, '');
  const full = hex.length === 3 || hex.length === 4 ? [...hex.slice(0, 3)].map((c) => c + c).join('') : hex.slice(0, 6);
  if (!/^[0-9a-f]{6}$/i.test(full)) throw new Error(`not a hex colour: ${color}\nhint: write it as #rrggbb`);
  return [0, 2, 4].map((i) => parseInt(full.slice(i, i + 2), 16)) as Rgb;
}

function toHex(rgb: Rgb): string {
  return `#${rgb.map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`;
}

function luminance([r, g, b]: Rgb): number {
  const linear = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

/** The contrast ratio of two colours, 1 to 21, whichever is lighter. */
export function contrastRatio(foreground: string, background: string): number {
  const [a, b] = [luminance(parseHex(foreground)), luminance(parseHex(background))];
  return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
}

/** The first of `from` mixed 0/20, 1/20, ... 20/20 toward `target` that `reads`, else `target`. */
function mixUntil(from: Rgb, target: Rgb, firstStep: number, reads: (color: string) => boolean): string {
  for (let step = firstStep; step <= 20; step++) {
    const mixed = toHex(from.map((c, i) => c + (target[i]! - c) * (step / 20)) as Rgb);
    if (reads(mixed)) return mixed;
  }
  return toHex(target);
}

/** The colour moved toward black (light mode) or white (dark mode) until it reads on every code pane background. */
export function readableColor(color: string, mode: 'light' | 'dark'): string {
  const backgrounds = codeBackgrounds[mode];
  const reads = (mixed: string) => backgrounds.every((bg) => contrastRatio(mixed, bg) >= codePaneContrast);
  return mixUntil(parseHex(color), mode === 'light' ? black : white, 0, reads).toUpperCase();
}

/**
 * The colour itself when it reaches `minimum` against the background, else the nearest mix towards black
 * or white that does.
 */
export function ensureContrast(foreground: string, background: string, minimum = 4.5): string {
  const fg = parseHex(foreground);
  if (contrastRatio(foreground, background) >= minimum) return toHex(fg);
  const target = luminance(parseHex(background)) > 0.18 ? black : white;
  return mixUntil(fg, target, 1, (mixed) => contrastRatio(mixed, background) >= minimum);
}
