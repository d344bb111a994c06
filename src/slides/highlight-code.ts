// Shiki at the edge: one highlighter per process, Python only, the two themes a slide can use.
import { createHighlighter, type HighlighterGeneric, type TokensResult } from 'shiki';

export type CodeTheme = 'light' | 'dark';

export const shikiThemes: Record<CodeTheme, string> = {
  light: 'github-light',
  dark: 'github-dark',
};

let highlighter: Promise<HighlighterGeneric<'python', string>> | undefined;

function loadHighlighter(): Promise<HighlighterGeneric<'python', string>> {
  highlighter ??= createHighlighter({ langs: ['python'], themes: Object.values(shikiThemes) }) as Promise<
    HighlighterGeneric<'python', string>
  >;
  return highlighter;
}

/** Python source as shiki tokens, one array per line, coloured for the given theme. */
export async function highlightPython(source: string, theme: CodeTheme): Promise<TokensResult> {
  const shiki = await loadHighlighter();
  // No time limit per line: under load a limit would cut tokenizing short and change the bytes.
  return shiki.codeToTokens(source, { lang: 'python', theme: shikiThemes[theme], tokenizeTimeLimit: 0 });
}
