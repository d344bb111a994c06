// The code editor of live editing: CodeMirror 6 with Python, the site's light and dark colours,
// a textbox named "Python code", Mod-Enter to run, and the lines that carry `# @note` narration
// followed through the reader's edits.
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { python } from '@codemirror/lang-python';
import { bracketMatching, indentOnInput, indentUnit, syntaxHighlighting } from '@codemirror/language';
import { EditorState, MapMode, StateEffect, StateField } from '@codemirror/state';
import { drawSelection, EditorView, highlightActiveLine, keymap, lineNumbers } from '@codemirror/view';
import { classHighlighter } from '@lezer/highlight';
import { tokenCss } from './token-colors.ts';

interface NoteMark {
  /** Start of the note's line in the document, mapped through every edit (null once the line is gone). */
  pos: number;
  text: string;
}

const setNotes = StateEffect.define<NoteMark[]>();

/** The narration marks, moved with the text they belong to; a deleted line loses its note. */
const notesField = StateField.define<NoteMark[]>({
  create: () => [],
  update(marks, transaction) {
    for (const effect of transaction.effects) if (effect.is(setNotes)) return effect.value;
    if (!transaction.docChanged) return marks;
    return marks.flatMap((mark) => {
      const pos = transaction.changes.mapPos(mark.pos, 1, MapMode.TrackDel);
      return pos === null ? [] : [{ ...mark, pos }];
    });
  },
});

const theme = EditorView.theme({
  '&': { backgroundColor: 'var(--memlane-code-bg)', color: 'var(--sl-color-white)', fontSize: 'var(--sl-text-code-sm, 0.8125rem)' },
  // The characters typed, never a ligature (`<=` as ⩽), as in the code blocks (memlane.css).
  '.cm-content': {
    fontFamily: 'var(--__sl-font-mono, ui-monospace, monospace)', fontVariantLigatures: 'none', fontFeatureSettings: "'liga' 0, 'calt' 0",
    caretColor: 'var(--sl-color-accent-high)', padding: '0.5rem 0',
  },
  '.cm-scroller': { fontFamily: 'var(--__sl-font-mono, ui-monospace, monospace)', lineHeight: '1.65' },
  '.cm-gutters': { backgroundColor: 'var(--memlane-code-bg)', color: 'var(--sl-color-gray-2)', border: 'none' },
  '.cm-activeLine': { backgroundColor: 'var(--memlane-next)' },
  '.cm-activeLineGutter': { backgroundColor: 'var(--memlane-next)' },
  '&.cm-focused': { outline: '2px solid var(--sl-color-accent)', outlineOffset: '-2px' },
  '.cm-selectionBackground, &.cm-focused .cm-selectionBackground, ::selection': { backgroundColor: 'var(--memlane-current) !important' },
  '.cm-cursor': { borderLeftColor: 'var(--sl-color-accent-high)' },
});

let styled = false;
/** The token colours, added to the page once. */
function addTokenStyles(): void {
  if (styled) return;
  styled = true;
  const style = document.createElement('style');
  style.textContent = tokenCss('.memlane-editor-code');
  document.head.append(style);
}

export interface CodeEditor {
  view: EditorView;
  code(): string;
  /** Narration by 1-based line of the current text. */
  notes(): Map<number, string>;
  /** Puts `code` back with its notes (Reset). */
  load(code: string, notes: Map<number, string>): void;
}

export function createCodeEditor(parent: HTMLElement, code: string, notes: Map<number, string>, onRun: () => void): CodeEditor {
  addTokenStyles();
  const marksOf = (state: EditorState, byLine: Map<number, string>): NoteMark[] =>
    [...byLine].filter(([line]) => line >= 1 && line <= state.doc.lines).map(([line, text]) => ({ pos: state.doc.line(line).from, text }));
  const state = EditorState.create({
    doc: code,
    extensions: [
      lineNumbers(), history(), drawSelection(), highlightActiveLine(), indentOnInput(), bracketMatching(), indentUnit.of('    '),
      python(), syntaxHighlighting(classHighlighter), theme, notesField,
      keymap.of([{ key: 'Mod-Enter', run: () => (onRun(), true) }, ...defaultKeymap, ...historyKeymap, indentWithTab]),
      EditorView.contentAttributes.of({ 'aria-label': 'Python code', 'aria-describedby': `${parent.id}-keys` }),
    ],
  });
  const view = new EditorView({ state, parent });
  view.dispatch({ effects: setNotes.of(marksOf(view.state, notes)) });
  return {
    view,
    code: () => view.state.doc.toString(),
    notes: () => new Map(view.state.field(notesField).map((mark) => [view.state.doc.lineAt(mark.pos).number, mark.text])),
    load(text, byLine) {
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
      view.dispatch({ effects: setNotes.of(marksOf(view.state, byLine)) });
    },
  };
}
