// Python source as coloured runs for a slide's code panel: the one tokenizer and colour table of
// src/highlight/, so a slide colours code exactly as the page and the live editor do.
import { pythonTokens } from '../highlight/python-tokens.ts';
import { tokenPalette, type CodeTheme } from '../highlight/token-palette.ts';

export type { CodeTheme };

export interface SlideToken {
  text: string;
  /** `#RRGGBB`, from the colour table. */
  color: string;
  italic: boolean;
}

export interface SlideTokens {
  /** One array of runs per line. */
  lines: SlideToken[][];
  /** The panel's own card colour in this theme, where the slide does not give one. */
  background: string;
}

/** The panel's card when the slide gives none (a dark slide keeps a card a shade lighter than itself). */
export const panelBackgrounds: Record<CodeTheme, string> = { light: '#ffffff', dark: '#24292e' };

/** Python source as runs coloured for the given theme. */
export function highlightPython(source: string, theme: CodeTheme): SlideTokens {
  const palette = tokenPalette[theme];
  const lines = pythonTokens(source).map((runs) => runs.map(({ text, kind }) => ({ text, ...palette[kind] })));
  return { lines, background: panelBackgrounds[theme] };
}
