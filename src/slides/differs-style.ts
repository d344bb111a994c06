// The `data-differs` marks of a comparison drawn in a standalone file: the page styles them from
// components/memlane.css, a file has no page, so it carries the same rules with the theme's colour.
import { cssVariables, palettes, type ThemeName } from '../render/themes.ts';

/**
 * The `<style>` body that marks what differs: a thick dashed outline on objects and thick arrows in
 * the theme's `differs` colour (told apart from change marks by shape as well as colour). The `site`
 * theme reads the colour from the diagram's own custom property, so it follows light and dark mode.
 * Selectors are more specific than the diagram's own class rules, so they win in browsers and resvg.
 */
export function differsCss(theme: ThemeName): string {
  const colour = theme === 'site' ? `var(${cssVariables.differs})` : palettes[theme].differs;
  return [
    `[data-differs] .ml-outline-mutable, [data-differs] .ml-outline-immutable ` +
      `{ stroke: ${colour}; stroke-width: 3.5px; stroke-dasharray: 7 3 }`,
    `[data-differs] .ml-arrow-line { stroke: ${colour}; stroke-width: 2.75px }`,
    `[data-differs] .ml-arrow-head { fill: ${colour} }`,
  ].join('\n');
}
