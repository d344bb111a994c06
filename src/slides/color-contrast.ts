// WCAG 2 contrast, used to lift syntax colours that a theme leaves below AA on its own background.

type Rgb = [number, number, number];

function parseHex(color: string): Rgb {
  const hex = color.replace(/^#/, '');
  const full = hex.length === 3 || hex.length === 4 ? [...hex.slice(0, 3)].map((c) => c + c).join('') : hex.slice(0, 6);
  if (!/^[0-9a-f]{6}$/i.test(full)) throw new Error(`not a hex colour: ${color}`);
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

export function contrastRatio(foreground: string, background: string): number {
  const [a, b] = [luminance(parseHex(foreground)), luminance(parseHex(background))];
  return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
}

/** The colour itself when it reaches `minimum` against the background, else the nearest mix towards black or white that does. */
export function ensureContrast(foreground: string, background: string, minimum = 4.5): string {
  if (contrastRatio(foreground, background) >= minimum) return toHex(parseHex(foreground));
  const fg = parseHex(foreground);
  const target: Rgb = luminance(parseHex(background)) > 0.18 ? [0, 0, 0] : [255, 255, 255];
  for (let step = 1; step <= 20; step++) {
    const t = step / 20;
    const mixed = fg.map((c, i) => c + (target[i]! - c) * t) as Rgb;
    if (contrastRatio(toHex(mixed), background) >= minimum) return toHex(mixed);
  }
  return toHex(target);
}
