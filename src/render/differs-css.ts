// The `data-differs` marks of a comparison, one set of rules for pages (site-theme-css.ts) and files
// (compose-pair.ts): a thick dashed outline and thick arrows in the theme's `differs` colour.
import { cssVariables, palettes, type ThemeName } from './themes.ts';

/**
 * The `<style>` body that marks what differs: a thick dashed outline on objects and thick arrows in
 * the theme's `differs` colour (told apart from change marks by shape as well as colour). The `site`
 * theme reads the colour from the diagram's own custom property, so it follows light and dark mode.
 * Scoped under `.memlane-diagram`, the selectors outweigh the diagram's own class rules (the `site`
 * theme's are scoped alike), wherever the <style>s stand, in browsers and resvg.
 */
export function differsCss(theme: ThemeName): string {
  const colour = theme === 'site' ? `var(${cssVariables.differs})` : palettes[theme].differs;
  const marked = '.memlane-diagram [data-differs]';
  return [
    `${marked} .ml-outline-mutable, ${marked} .ml-outline-immutable ` +
      `{ stroke: ${colour}; stroke-width: 3.5px; stroke-dasharray: 7 3 }`,
    `${marked} .ml-arrow-line { stroke: ${colour}; stroke-width: 2.75px }`,
    `${marked} .ml-arrow-head { fill: ${colour} }`,
  ].join('\n');
}
