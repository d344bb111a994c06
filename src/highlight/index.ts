// Python highlighting for every surface: one tokenizer (lezer's Python grammar) and one colour table.
export { codeToHtml, shownCodeHtml } from './code-to-html.ts';
export { pythonHighlighter, pythonTokens, type CodeToken } from './python-tokens.ts';
export { tokenCss, tokenStyle } from './token-css.ts';
export { tokenKinds, tokenPalette, type CodeTheme, type TokenColor, type TokenKind } from './token-palette.ts';
