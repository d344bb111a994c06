// "Edit code" on a diagram: the editor, Run and Reset under the diagram. Run traces the edited
// code in the reader's browser and swaps in the new <memlane-diagram> (so stepping, keys,
// permalinks, notes and the download work on the new trace); a failed run keeps the last good
// diagram and shows the error in role="alert". Loaded on demand, with the interpreter.
import type { DiagramOptions } from '../../lib/core/index.js';
import { createCodeEditor, type CodeEditor } from './code-editor.ts';
import { pageSimulator } from './page-simulator.ts';
import { runCode } from './run-code.ts';

/** What the build put in the figure's data-live attribute. */
export interface LiveData {
  code: string;
  options: DiagramOptions;
  liveUrl: string;
  timeoutMs: number;
}

export interface OpenEditor {
  panel: HTMLElement;
  editor: CodeEditor;
  /** Runs the editor's code and redraws the diagram. */
  run(): Promise<void>;
  /** Puts `code` in the editor (without notes) and makes it what Reset returns to. */
  setCode(code: string): void;
}

const open = new WeakMap<HTMLElement, OpenEditor>();

/** The diagram's notes by line, as the build wrote them on the island. */
function lessonNotes(figure: HTMLElement): Map<number, string> {
  const island = figure.querySelector<HTMLElement>('memlane-diagram');
  const notes = JSON.parse(island?.dataset.notes ?? '{}') as Record<string, string>;
  return new Map(Object.entries(notes).map(([line, text]) => [Number(line), text]));
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Record<string, string>, text = ''): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  if (text) el.textContent = text;
  return el;
}

/** Builds the editor panel after the figure's live bar; the interpreter starts loading at once. */
function openEditor(figure: HTMLElement, toggle: HTMLButtonElement): OpenEditor {
  const data = JSON.parse(figure.dataset.live!) as LiveData;
  const id = figure.id;
  const simulator = pageSimulator(data.liveUrl);
  const original = figure.querySelector('memlane-diagram')!.cloneNode(true) as HTMLElement;
  let notes = lessonNotes(figure);
  let resetCode = data.code;
  let resetDiagram: HTMLElement | undefined = original;

  const panel = element('div', { class: 'memlane-editor', id: `${id}-editor`, role: 'group', 'aria-label': 'Edit and run this code' });
  const code = element('div', { class: 'memlane-editor-code', id: `${id}-editor-code` });
  const keys = element('p', { class: 'memlane-editor-keys', id: `${id}-editor-code-keys` }, 'Ctrl+Enter runs. Tab indents; press Esc, then Tab, to leave the editor.');
  const actions = element('div', { class: 'memlane-editor-actions' });
  const run = element('button', { type: 'button', class: 'memlane-button memlane-text-button memlane-run' }, 'Run');
  const reset = element('button', { type: 'button', class: 'memlane-button memlane-text-button' }, 'Reset');
  const status = element('span', { class: 'memlane-editor-status', role: 'status' });
  const alert = element('div', { class: 'memlane-editor-error', role: 'alert' });
  actions.append(run, reset, status);
  panel.append(code, keys, actions, alert);
  toggle.closest('.memlane-live-bar')!.after(panel);
  toggle.setAttribute('aria-controls', panel.id);

  const runOnce = async (): Promise<void> => {
    run.setAttribute('aria-disabled', 'true');
    status.textContent = simulator.python ? 'Running…' : 'Starting Python (the first run takes a few seconds)…';
    try {
      const outcome = await runCode(editor.code(), editor.notes(), { id, options: data.options, timeoutMs: data.timeoutMs }, simulator);
      if (outcome.ok) {
        figure.querySelector('memlane-diagram')!.replaceWith(outcome.element);
        alert.replaceChildren();
        status.textContent = `Ran ${outcome.steps} step${outcome.steps === 1 ? '' : 's'} in CPython ${simulator.python}.`;
      } else {
        alert.replaceChildren(element('pre', {}, outcome.message));
        status.textContent = 'The run failed; the diagram shows the last good run.';
      }
    } catch (error) {
      alert.replaceChildren(element('pre', {}, String((error as Error).message ?? error)));
      status.textContent = 'The run failed.';
    } finally {
      run.removeAttribute('aria-disabled');
    }
  };
  // A run asked for while one is going (an example picked while Python starts, say) runs after
  // it, on the editor's code at that time: the last request is always the one drawn.
  let running: Promise<void> | undefined;
  let again = false;
  const runNow = async (): Promise<void> => {
    if (running) {
      again = true;
      return running;
    }
    running = runOnce();
    try {
      await running;
    } finally {
      running = undefined;
    }
    if (again) {
      again = false;
      await runNow();
    }
  };
  const editor = createCodeEditor(code, data.code, notes, () => void runNow());
  run.addEventListener('click', () => void runNow());
  reset.addEventListener('click', () => {
    editor.load(resetCode, notes);
    if (resetDiagram) figure.querySelector('memlane-diagram')!.replaceWith(resetDiagram.cloneNode(true));
    alert.replaceChildren();
    status.textContent = 'Back to the lesson’s code.';
    if (!resetDiagram) void runNow();
  });
  return {
    panel, editor, run: runNow,
    setCode(text) {
      notes = new Map();
      resetCode = text;
      resetDiagram = undefined;
      editor.load(text, notes);
    },
  };
}

/** "Edit code" pressed: opens the editor (the first time, builds it), or closes it. */
export function toggleEditor(figure: HTMLElement, toggle: HTMLButtonElement, focus = true): OpenEditor | undefined {
  let state = open.get(figure);
  const opening = toggle.getAttribute('aria-expanded') !== 'true';
  if (!state && opening) open.set(figure, (state = openEditor(figure, toggle)));
  if (!state) return undefined;
  state.panel.hidden = !opening;
  toggle.setAttribute('aria-expanded', String(opening));
  if (opening && focus) state.editor.view.focus();
  return state;
}
