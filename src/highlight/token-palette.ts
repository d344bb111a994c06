// The one table of code colours: each token kind's colour in the light and dark themes, for pages,
// slides and the live editor alike. Night Owl's pair (Starlight's code blocks start from it), each
// colour lifted until it reads on every code background (Night Owl's comments are too faint).
import { readableColor } from '../page/contrast.ts';

export type CodeTheme = 'light' | 'dark';

/** What a run of Python is, as far as colour goes; `text` is everything else (names, punctuation, space). */
export type TokenKind =
  | 'text'
  | 'keyword'
  | 'operator'
  | 'string'
  | 'number'
  | 'constant'
  | 'comment'
  | 'function'
  | 'className'
  | 'property';

/** Night Owl's colours, [light, dark], before lifting. */
const nightOwl: Record<TokenKind, [string, string]> = {
  text: ['#403f53', '#d6deeb'],
  keyword: ['#994cc3', '#c792ea'],
  operator: ['#994cc3', '#c792ea'],
  string: ['#c96765', '#ecc48d'],
  number: ['#aa0982', '#f78c6c'],
  constant: ['#bc5454', '#ff5874'],
  comment: ['#989fb1', '#637777'],
  function: ['#4876d6', '#82aaff'],
  className: ['#111111', '#ffcb8b'],
  property: ['#0c969b', '#7fdbca'],
};

const italicKinds: ReadonlySet<TokenKind> = new Set(['comment']);

export interface TokenColor {
  /** `#RRGGBB`, upper case. */
  color: string;
  italic: boolean;
}

export const tokenKinds = Object.keys(nightOwl) as TokenKind[];

function themeColors(theme: CodeTheme): Record<TokenKind, TokenColor> {
  const index = theme === 'light' ? 0 : 1;
  return Object.fromEntries(
    tokenKinds.map((kind) => [
      kind,
      { color: readableColor(nightOwl[kind][index], theme), italic: italicKinds.has(kind) },
    ]),
  ) as Record<TokenKind, TokenColor>;
}

/** Token kind -> colour, per theme: read by the page HTML, the slide panel and the editor's CSS. */
export const tokenPalette: Record<CodeTheme, Record<TokenKind, TokenColor>> = {
  light: themeColors('light'),
  dark: themeColors('dark'),
};
