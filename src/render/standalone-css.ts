// The <style> of a standalone SVG file: concrete colours for a fixed theme (renderers without
// custom-property support, such as resvg, read it right), or both modes for the site theme.
import { classPaint, classVariableRules, cssVariables, palettes, type Palette, type ThemeName } from './themes.ts';

function variables(palette: Palette): string {
  return (Object.keys(cssVariables) as (keyof Palette)[])
    .map((key) => `${cssVariables[key]}: ${palette[key]};`)
    .join(' ');
}

export function standaloneCss(theme: ThemeName): string {
  if (theme === 'site') {
    return [
      `.memlane-diagram { ${variables(palettes.light)} }`,
      `@media (prefers-color-scheme: dark) { .memlane-diagram { ${variables(palettes.dark)} } }`,
      classVariableRules('.memlane-diagram'),
    ].join('\n');
  }
  const palette = palettes[theme];
  return Object.entries(classPaint)
    .map(
      ([cls, [fill, stroke]]) =>
        `.${cls} { fill: ${fill === 'none' ? 'none' : palette[fill]}` +
        `${stroke && stroke !== 'none' ? `; stroke: ${palette[stroke]}` : ''} }`,
    )
    .join('\n');
}
