// The faces slides are drawn with: the diagram's own (src/fonts/faces.ts) plus the bold and italic
// code faces the code panel draws with (a bold line number, italic comments), each with its TTF from an npm package,
// so no output depends on the machine.
import { createRequire } from 'node:module';
import { labelFamily, valueFamily } from '../fonts/faces.ts';
import { faces } from '../node/font-files.ts';

const require = createRequire(import.meta.url);

export const sansFamily = labelFamily;
export const monoFamily = valueFamily;

export interface SlideFace {
  family: string;
  weight: number;
  style: 'normal' | 'italic';
  /** The TTF on disk. */
  file: string;
}

const packaged = (family: string, weight: number, style: SlideFace['style'], path: string): SlideFace => ({
  family,
  weight,
  style,
  file: require.resolve(path),
});

/** Every face, each file once, in a fixed order (the order of embedded @font-face rules). */
export const slideFaces: readonly SlideFace[] = [
  ...[...new Map(Object.values(faces).map((f) => [f.file, f])).values()].map(({ family, weight, file }) => ({
    family,
    weight,
    style: 'normal' as const,
    file,
  })),
  packaged(monoFamily, 700, 'normal', '@expo-google-fonts/jetbrains-mono/700Bold/JetBrainsMono_700Bold.ttf'),
  packaged(
    monoFamily,
    400,
    'italic',
    '@expo-google-fonts/jetbrains-mono/400Regular_Italic/JetBrainsMono_400Regular_Italic.ttf',
  ),
];

/** JetBrains Mono advances every glyph by 600/1000 em; code columns are laid out with it. */
export const monoAdvancePerEm = 0.6;
