// The TTF files slides are rendered with: the diagram's own faces (src/fonts/faces.ts) plus the
// bold and italic code faces shiki themes ask for. npm packages only, so no PNG depends on the machine.
import { createRequire } from 'node:module';
import { labelFamily, valueFamily } from '../fonts/faces.ts';
import { diagramFontFiles } from '../node/font-files.ts';

const require = createRequire(import.meta.url);

export const sansFamily = labelFamily;
export const monoFamily = valueFamily;

export const fontFiles: readonly string[] = [
  ...diagramFontFiles,
  ...[
    '@expo-google-fonts/jetbrains-mono/700Bold/JetBrainsMono_700Bold.ttf',
    '@expo-google-fonts/jetbrains-mono/400Regular_Italic/JetBrainsMono_400Regular_Italic.ttf',
  ].map((file) => require.resolve(file)),
];

/** JetBrains Mono advances every glyph by 600/1000 em; code columns are laid out with it. */
export const monoAdvancePerEm = 0.6;
