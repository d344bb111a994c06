// Python as runs of token kinds, by the lezer grammar the live editor parses with: the one tokenizer
// of pages, slides, the diagram worker and (through `pythonHighlighter`) CodeMirror itself.
import { highlightCode, tagHighlighter, tags } from '@lezer/highlight';
import { parser } from '@lezer/python';
import type { TokenKind } from './token-palette.ts';

export interface CodeToken {
  text: string;
  kind: TokenKind;
}

/** The class prefix of a kind, as the editor's spans carry it (`tok-keyword`). */
const classPrefix = 'tok-';

/**
 * Lezer's highlighting tags -> `tok-KIND` classes. A tag without a rule falls back to its parent's
 * (`controlKeyword` to `keyword`); anything left untagged is `text`.
 */
export const pythonHighlighter = tagHighlighter(
  (
    [
      [[tags.comment], 'comment'],
      [[tags.keyword, tags.modifier], 'keyword'],
      [[tags.operator], 'operator'],
      // The dot of `a.b` reads as punctuation, as in Night Owl.
      [[tags.derefOperator], 'text'],
      [[tags.string, tags.special(tags.string), tags.escape], 'string'],
      [[tags.number], 'number'],
      [[tags.bool, tags.null, tags.atom], 'constant'],
      [
        [
          tags.function(tags.variableName),
          tags.function(tags.definition(tags.variableName)),
          tags.function(tags.propertyName),
          tags.meta,
        ],
        'function',
      ],
      [[tags.definition(tags.className), tags.className], 'className'],
      [[tags.propertyName], 'property'],
    ] as const
  ).map(([tag, kind]) => ({ tag: [...tag], class: `${classPrefix}${kind}` })),
);

/** A run's kind from its classes; the innermost node's class comes last. */
function kindOf(classes: string): TokenKind {
  const last = classes.split(' ').at(-1)!;
  return last ? (last.slice(classPrefix.length) as TokenKind) : 'text';
}

/** The code's lines, each a list of runs; together the runs are the code exactly. */
export function pythonTokens(code: string): CodeToken[][] {
  const lines: CodeToken[][] = [[]];
  const put = (text: string, classes: string) => {
    const runs = lines.at(-1)!;
    const kind = kindOf(classes);
    // Neighbours of one kind are one run (`self` then `.`), so the markup has a span per colour change.
    if (runs.at(-1)?.kind === kind) runs.at(-1)!.text += text;
    else runs.push({ text, kind });
  };
  highlightCode(code, parser.parse(code), pythonHighlighter, put, () => lines.push([]));
  return lines;
}
