// The diagram colours for pages: Starlight's light and dark modes set the --ml-* properties, and
// only diagrams rendered with theme=site paint from them. Diagrams with a fixed theme (sketch)
// keep the colours the renderer wrote into them, so on a page they look as in the CLI's files.
import { classPaint, cssVariables, palettes, type Palette } from '../render/themes.ts';

const siteDiagram = ".memlane-diagram[data-theme='site']";

function variableBlock(selector: string, palette: Palette): string {
  const lines = (Object.keys(cssVariables) as (keyof Palette)[]).map((key) => `  ${cssVariables[key]}: ${palette[key]};`);
  return `${selector} {\n${lines.join('\n')}\n}`;
}

function classRule([cls, [fill, stroke]]: [string, (typeof classPaint)[string]]): string {
  const fillRule = fill === 'none' ? 'fill: none' : `fill: var(${cssVariables[fill]})`;
  const strokeRule = stroke && stroke !== 'none' ? `; stroke: var(${cssVariables[stroke]})` : '';
  return `${siteDiagram} .${cls} { ${fillRule}${strokeRule} }`;
}

export const siteThemeCss: string = [
  // Starlight's default mode is dark (`:root`); light mode sets data-theme='light'.
  variableBlock(":root, :root[data-theme='dark']", palettes.dark),
  variableBlock(":root[data-theme='light']", palettes.light),
  ...Object.entries(classPaint).map(classRule),
].join('\n');
