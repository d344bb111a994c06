// The page-level colours, dark and light: the diagram palettes (--ml-*, painted only by diagrams
// rendered with theme=site) and the chrome's --memlane-* colours, which are Starlight's where
// Starlight is present and the same values as stand-ins on any other Astro site. Diagrams with a
// fixed theme (sketch, light, dark) keep the colours the renderer wrote into them.
import { differsCss } from '../render/differs-css.ts';
import { classVariableRules, palettes, variableBlock } from '../render/themes.ts';
import { codeBackgrounds } from '../page/contrast.ts';

type Mode = 'dark' | 'light';

/** Starlight's default values of the variables the chrome uses (style/props.css), as stand-ins. */
const starlightColors: Record<Mode, Record<string, string>> = {
  dark: {
    white: 'hsl(0, 0%, 100%)',
    'gray-2': 'hsl(224, 6%, 77%)',
    'gray-3': 'hsl(224, 6%, 56%)',
    'gray-4': 'hsl(224, 7%, 36%)',
    'gray-5': 'hsl(224, 10%, 23%)',
    'gray-6': 'hsl(224, 14%, 16%)',
    bg: 'hsl(224, 10%, 10%)',
    hairline: 'hsl(224, 14%, 16%)',
    accent: 'hsl(224, 100%, 60%)',
    'accent-high': 'hsl(224, 100%, 85%)',
  },
  light: {
    white: 'hsl(224, 10%, 10%)',
    'gray-2': 'hsl(224, 10%, 23%)',
    'gray-3': 'hsl(224, 7%, 36%)',
    'gray-4': 'hsl(224, 6%, 56%)',
    'gray-5': 'hsl(224, 6%, 77%)',
    'gray-6': 'hsl(224, 20%, 94%)',
    bg: 'hsl(0, 0%, 100%)',
    hairline: 'hsl(224, 20%, 94%)',
    accent: 'hsl(234, 90%, 60%)',
    'accent-high': 'hsl(234, 80%, 30%)',
  },
};

function chromeBlock(selector: string, mode: Mode): string {
  const [codeBg, current, next] = codeBackgrounds[mode];
  const lines = [
    ...Object.entries(starlightColors[mode]).map(
      ([name, value]) => `  --memlane-${name}: var(--sl-color-${name}, ${value});`,
    ),
    `  --memlane-code-bg: ${codeBg};`,
    `  --memlane-current: ${current};`,
    `  --memlane-next: ${next};`,
  ];
  return `${selector} {\n${lines.join('\n')}\n}`;
}

const modeBlocks = (selector: string, mode: Mode) =>
  [variableBlock(selector, palettes[mode]), chromeBlock(selector, mode)].join('\n');

export const siteThemeCss: string = [
  // Starlight's default mode is dark (`:root`); light mode sets data-theme='light'. A page that
  // sets no data-theme (a plain Astro site) follows the reader's system.
  modeBlocks(":root, :root[data-theme='dark']", 'dark'),
  modeBlocks(":root[data-theme='light']", 'light'),
  `@media (prefers-color-scheme: light) {\n${modeBlocks(':root:not([data-theme])', 'light')}\n}`,
  classVariableRules(".memlane-diagram[data-theme='site']"),
  // The legend's samples beside its words in HTML (diagram-to-html.ts).
  classVariableRules(".memlane-legend-sample[data-theme='site']"),
  // What differs between a comparison's sides (differs-css.ts), in the colour of the diagram's theme:
  // the page's mode for `site`, the theme's own for a diagram drawn in a fixed theme.
  differsCss('site'),
  ...(['light', 'dark', 'sketch'] as const).map(
    (theme) => `.memlane[data-theme-variant='${theme}'] { --ml-differs: ${palettes[theme].differs}; }`,
  ),
].join('\n');
