// The code editor of live editing: CodeMirror 6 with Python, the site's light and dark colours,
// a textbox named "Python code", Mod-Enter to run, the lines that carry `# @note` narration
// followed through the reader's edits, and the diagram's current and next lines marked as in the
// code pane the editor stands in for.
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { python } from '@codemirror/lang-python';
import { bracketMatching, indentOnInput, indentUnit, syntaxHighlighting } from '@codemirror/language';
import { EditorState, MapMode, StateEffect, StateField } from '@codemirror/state';
import {
  Decoration,
  drawSelection,
  EditorView,
  highlightActiveLine,
  keymap,
  lineNumbers,
  type DecorationSet,
} from '@codemirror/view';
import { pythonHighlighter, tokenCss } from 'memlane/browser';

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

const setStep = StateEffect.define<{ current: number[]; next: number[] }>();

/** The lines of the step the diagram shows; they belong to the code that ran, so an edit clears them. */
const stepField = StateField.define<DecorationSet>({
  create: () => Decoration.none,
  update(marks, transaction) {
    for (const effect of transaction.effects) {
      if (!effect.is(setStep)) continue;
      const { doc } = transaction.state;
      const mark = (line: number, cls: string) =>
        line >= 1 && line <= doc.lines ? [Decoration.line({ class: cls }).range(doc.line(line).from)] : [];
      const { current, next } = effect.value;
      return Decoration.set(
        [
          ...current.flatMap((line) => mark(line, 'memlane-editor-current')),
          ...next.filter((line) => !current.includes(line)).flatMap((line) => mark(line, 'memlane-editor-next')),
        ].sort((a, b) => a.from - b.from),
        true,
      );
    }
    return transaction.docChanged ? Decoration.none : marks;
  },
  provide: (field) => EditorView.decorations.from(field),
});

const theme = EditorView.theme({
  '&': {
    backgroundColor: 'var(--memlane-code-bg)',
    color: 'var(--sl-color-white)',
    fontSize: 'var(--sl-text-code-sm, 0.8125rem)',
  },
  // The characters typed, never a ligature (`<=` as ⩽), as in the code blocks (memlane.css).
  '.cm-content': {
    fontFamily: 'var(--__sl-font-mono, ui-monospace, monospace)',
    fontVariantLigatures: 'none',
    fontFeatureSettings: "'liga' 0, 'calt' 0",
    caretColor: 'var(--sl-color-accent-high)',
    padding: '0.5rem 0',
  },
  '.cm-scroller': { fontFamily: 'var(--__sl-font-mono, ui-monospace, monospace)', lineHeight: '1.65' },
  '.cm-gutters': { backgroundColor: 'var(--memlane-code-bg)', color: 'var(--sl-color-gray-2)', border: 'none' },
  '.cm-activeLine': { backgroundColor: 'var(--memlane-next)' },
  '.cm-activeLineGutter': { backgroundColor: 'var(--memlane-next)' },
  '&.cm-focused': { outline: '2px solid var(--sl-color-accent)', outlineOffset: '-2px' },
  '.cm-selectionBackground, &.cm-focused .cm-selectionBackground, ::selection': {
    backgroundColor: 'var(--memlane-current) !important',
  },
  '.cm-cursor': { borderLeftColor: 'var(--sl-color-accent-high)' },
  '.memlane-editor-current': {
    backgroundColor: 'var(--memlane-current)',
    boxShadow: 'inset 3px 0 var(--memlane-accent)',
  },
  '.memlane-editor-next': { backgroundColor: 'var(--memlane-next)', boxShadow: 'inset 3px 0 var(--memlane-gray-4)' },
});

let styled = false;
/** The token colours of the page's code pane (src/highlight/), added to the page once. */
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
  /** Marks the line the diagram's step is at and the one it runs next (0: none). */
  /** Marks the lines of the step shown: one each, or one per side of a comparison. */
  showStep(current: number | number[], next: number | number[]): void;
}

export function createCodeEditor(
  parent: HTMLElement,
  code: string,
  notes: Map<number, string>,
  onRun: () => void,
  onChange: () => void = () => {},
): CodeEditor {
  addTokenStyles();
  const marksOf = (state: EditorState, byLine: Map<number, string>): NoteMark[] =>
    [...byLine]
      .filter(([line]) => line >= 1 && line <= state.doc.lines)
      .map(([line, text]) => ({ pos: state.doc.line(line).from, text }));
  const state = EditorState.create({
    doc: code,
    extensions: [
      lineNumbers(),
      history(),
      drawSelection(),
      highlightActiveLine(),
      indentOnInput(),
      bracketMatching(),
      indentUnit.of('    '),
      python(),
      syntaxHighlighting(pythonHighlighter),
      theme,
      notesField,
      stepField,
      // A long line (a string, say) wraps rather than running out of a phone's column unseen.
      EditorView.lineWrapping,
      EditorView.updateListener.of((update) => {
        if (update.docChanged) onChange();
      }),
      keymap.of([
        {
          key: 'Mod-Enter',
          run: () => {
            onRun();
            return true;
          },
        },
        ...defaultKeymap,
        ...historyKeymap,
        indentWithTab,
      ]),
      EditorView.contentAttributes.of({ 'aria-label': 'Python code', 'aria-describedby': `${parent.id}-keys` }),
    ],
  });
  const view = new EditorView({ state, parent });
  view.dispatch({ effects: setNotes.of(marksOf(view.state, notes)) });
  return {
    view,
    code: () => view.state.doc.toString(),
    notes: () =>
      new Map(view.state.field(notesField).map((mark) => [view.state.doc.lineAt(mark.pos).number, mark.text])),
    load(text, byLine) {
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
      view.dispatch({ effects: setNotes.of(marksOf(view.state, byLine)) });
    },
    showStep(current, next) {
      const lines = (at: number | number[]) => (Array.isArray(at) ? at : [at]);
      view.dispatch({ effects: setStep.of({ current: lines(current), next: lines(next) }) });
    },
  };
}
