// The three text faces of a diagram: family and weight written into the SVG, and where the TTF
// that draws them lives (an npm package and a path in it). Portable: paths are resolved at the edge.

/** Which face a text is set in: Inter for labels, Inter SemiBold for headings, JetBrains Mono for values. */
export type TextFace = 'label' | 'heading' | 'value';

export const labelFamily = 'Inter';
export const valueFamily = 'JetBrains Mono';

export interface FaceSpec {
  family: string;
  weight: number;
  /** The npm package that ships the TTF, and the TTF's path inside it. */
  fontPackage: string;
  fontPath: string;
  fallback: string;
}

export const faceSpecs: Record<TextFace, FaceSpec> = {
  label: {
    family: labelFamily,
    weight: 400,
    fontPackage: '@expo-google-fonts/inter',
    fontPath: '400Regular/Inter_400Regular.ttf',
    fallback: 'system-ui, sans-serif',
  },
  heading: {
    family: labelFamily,
    weight: 600,
    fontPackage: '@expo-google-fonts/inter',
    fontPath: '600SemiBold/Inter_600SemiBold.ttf',
    fallback: 'system-ui, sans-serif',
  },
  value: {
    family: valueFamily,
    weight: 400,
    fontPackage: '@expo-google-fonts/jetbrains-mono',
    fontPath: '400Regular/JetBrainsMono_400Regular.ttf',
    fallback: 'ui-monospace, monospace',
  },
};

/** The font-family attribute value of a face. */
export function fontFamilyOf(face: TextFace): string {
  const { family, fallback } = faceSpecs[face];
  return `${family.includes(' ') ? `'${family}'` : family}, ${fallback}`;
}
