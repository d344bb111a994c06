// The colours a slide sits on per theme: the page behind the drawing and the code panel's card.
import { palettes } from '../render/themes.ts';
import type { ThemeName } from '../render/themes.ts';

/** The code panel keeps its own dark card on dark slides; on light and sketch slides it sits on the page colour. */
export const codeBackground: Record<ThemeName, string | undefined> = {
  site: palettes.light.background,
  light: palettes.light.background,
  dark: undefined,
  sketch: palettes.sketch.background,
};

/** The palette of a slide's own parts; a `site` SVG shows light colours where the viewer has no dark mode. */
export const slidePalette = (theme: ThemeName) => palettes[theme === 'site' ? 'light' : theme];

/** The page colour of a slide. */
export const slideBackground = (theme: ThemeName) => slidePalette(theme).background;
