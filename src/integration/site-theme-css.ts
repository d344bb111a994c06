// The diagram colours for pages: Starlight's light and dark modes set the --ml-* properties, and
// only diagrams rendered with theme=site paint from them. Diagrams with a fixed theme (sketch,
// light, dark) keep the colours the renderer wrote into them, so on a page they look as in the CLI's files.
import { classVariableRules, palettes, variableBlock } from '../render/themes.ts';

export const siteThemeCss: string = [
  // Starlight's default mode is dark (`:root`); light mode sets data-theme='light'.
  variableBlock(":root, :root[data-theme='dark']", palettes.dark),
  variableBlock(":root[data-theme='light']", palettes.light),
  classVariableRules(".memlane-diagram[data-theme='site']"),
].join('\n');
