// Token colours as CSS: each kind's light and dark colour as the variables memlane.css picks from by
// theme, for the code pane's spans and for the editor's rules (CodeMirror puts `tok-KIND` classes on
// runs through `pythonHighlighter`), so both read the one table.
import { tokenKinds, tokenPalette, type CodeTheme, type TokenColor, type TokenKind } from './token-palette.ts';

function themeVariables(theme: CodeTheme, { color, italic }: TokenColor): string {
  return `--ml-code-${theme}:${color}${italic ? `;--ml-code-${theme}-style:italic` : ''}`;
}

/** A kind's colours as CSS variables: `--ml-code-light`, `--ml-code-dark` and, for italic kinds, their `-style`. */
export function tokenStyle(kind: TokenKind): string {
  return `${themeVariables('light', tokenPalette.light[kind])};${themeVariables('dark', tokenPalette.dark[kind])}`;
}

/** Rules for the editor inside `scope`: plain text takes the `text` kind's colours, each `tok-KIND` its own. */
export function tokenCss(scope: string): string {
  const kinds = tokenKinds.filter((kind) => kind !== 'text');
  const rules = kinds.map((kind) => `${scope} .tok-${kind}{${tokenStyle(kind)}}`);
  return [`${scope} .cm-content{${tokenStyle('text')}}`, ...rules].join('\n');
}
