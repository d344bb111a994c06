// Syntax colours nudged until they are readable (WCAG contrast) on the code pane's backgrounds,
// as Starlight does for its own code blocks; theme colours like Night Owl's comments are too faint.

/** Code pane backgrounds per mode: the plain pane, the current line and the next line. */
export const codeBackgrounds = {
  light: ['#f6f7f9', '#dfe5f7', '#eceef2'],
  dark: ['#16181d', '#263056', '#22252c'],
} as const;

const minimumContrast = 5;

function channels(hex: string): [number, number, number] {
  const value = hex.replace('#', '').slice(0, 6);
  return [0, 2, 4].map((i) => parseInt(value.slice(i, i + 2), 16)) as [number, number, number];
}

function luminance([r, g, b]: [number, number, number]): number {
  const linear = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

export function contrast(a: string, b: string): number {
  const [x, y] = [luminance(channels(a)), luminance(channels(b))].sort((p, q) => q - p);
  return (x! + 0.05) / (y! + 0.05);
}

const toHex = (rgb: number[]) => `#${rgb.map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`.toUpperCase();

/** The colour moved toward black (light mode) or white (dark mode) until it reads on every background. */
export function readableColor(color: string, mode: 'light' | 'dark'): string {
  const backgrounds = codeBackgrounds[mode];
  const target = mode === 'light' ? [0, 0, 0] : [255, 255, 255];
  const start = channels(color);
  for (let step = 0; step <= 20; step++) {
    const mixed = toHex(start.map((c, i) => c + (target[i]! - c) * (step / 20)));
    if (backgrounds.every((bg) => contrast(mixed, bg) >= minimumContrast)) return mixed;
  }
  return toHex(target);
}
