// The font files diagrams are measured, rendered (PNG) and served with: npm packages, never the
// machine's fonts, so every result is the same everywhere.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { TextFace } from '../layout/types.ts';

const require = createRequire(import.meta.url);
const packageDir = (name: string) => dirname(require.resolve(`${name}/package.json`));

export const labelFamily = 'Inter';
export const valueFamily = 'JetBrains Mono';

/** One entry per face: the family and weight written into the SVG and the TTF that draws it. */
export const faces: Record<TextFace, { family: string; weight: number; file: string; fallback: string }> = {
  label: {
    family: labelFamily,
    weight: 400,
    file: join(packageDir('@expo-google-fonts/inter'), '400Regular/Inter_400Regular.ttf'),
    fallback: 'system-ui, sans-serif',
  },
  heading: {
    family: labelFamily,
    weight: 600,
    file: join(packageDir('@expo-google-fonts/inter'), '600SemiBold/Inter_600SemiBold.ttf'),
    fallback: 'system-ui, sans-serif',
  },
  value: {
    family: valueFamily,
    weight: 400,
    file: join(packageDir('@expo-google-fonts/jetbrains-mono'), '400Regular/JetBrainsMono_400Regular.ttf'),
    fallback: 'ui-monospace, monospace',
  },
};

/** Every TTF a diagram uses, for resvg's `font.fontFiles` and for serving the site. */
export const diagramFontFiles: readonly string[] = [...new Set(Object.values(faces).map((f) => f.file))];

/** The font-family attribute value of a face. */
export function fontFamilyOf(face: TextFace): string {
  const { family, fallback } = faces[face];
  return `${family.includes(' ') ? `'${family}'` : family}, ${fallback}`;
}
