// "Edit code" on a diagram: the editor, Run and Reset open under the button, in place of the code
// pane (the code is not shown twice) and over the diagram. Run traces the edited code in the
// reader's browser and swaps in the new <memlane-diagram> (so stepping, keys, permalinks, notes and
// the download work on the new trace), brings its top into view and says what ran in the status;
// focus stays where it was. A failed run keeps the last good diagram and shows the error in
// role="alert". Loaded on demand, with the interpreter.
import { withCode, type DiagramOptions, type LinkOptions } from 'memlane/browser';
import { bringIntoView } from './bring-into-view.ts';
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
  /** Puts `code` in the editor (without notes), drawn with a link's `options`, and makes it what Reset returns to. */
  setCode(code: string, options?: LinkOptions): void;
  /** The link options the runs use (the playground's share link keeps them). */
  linkOptions(): LinkOptions;
  /** Calls `listener` after every change to the editor's text. */
  onChange(listener: () => void): void;
}

const open = new WeakMap<HTMLElement, OpenEditor>();

/** The diagram's notes by line, as the build wrote them on the island. */
function lessonNotes(figure: HTMLElement): Map<number, string> {
  const island = figure.querySelector<HTMLElement>('memlane-diagram');
  const notes = JSON.parse(island?.dataset.notes ?? '{}') as Record<string, string>;
  return new Map(Object.entries(notes).map(([line, text]) => [Number(line), text]));
}

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string>,
  text = '',
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  if (text) el.textContent = text;
  return el;
}

/** Builds the editor panel after the figure's live bar, over the diagram; the interpreter starts loading at once. */
function openEditor(figure: HTMLElement, toggle: HTMLButtonElement): OpenEditor {
  const data = JSON.parse(figure.dataset.live!) as LiveData;
  const id = figure.id;
  const simulator = pageSimulator(data.liveUrl);
  const original = figure.querySelector('memlane-diagram')!.cloneNode(true) as HTMLElement;
  let notes = lessonNotes(figure);
  let resetCode = data.code;
  let resetDiagram: HTMLElement | undefined = original;
  let link: LinkOptions = [];
  const changeListeners: (() => void)[] = [];

  const panel = element('div', {
    class: 'memlane-editor',
    id: `${id}-editor`,
    role: 'group',
    'aria-label': 'Edit and run this code',
  });
  const code = element('div', { class: 'memlane-editor-code', id: `${id}-editor-code` });
  const keys = element(
    'p',
    { class: 'memlane-editor-keys', id: `${id}-editor-code-keys` },
    'Ctrl+Enter runs. Tab indents; press Esc, then Tab, to leave the editor.',
  );
  const actions = element('div', { class: 'memlane-editor-actions' });
  const run = element('button', { type: 'button', class: 'memlane-button memlane-text-button memlane-run' }, 'Run');
  const reset = element('button', { type: 'button', class: 'memlane-button memlane-text-button' }, 'Reset');
  const status = element('span', { class: 'memlane-editor-status', role: 'status' });
  const alert = element('div', { class: 'memlane-editor-error', role: 'alert' });
  actions.append(run, reset, status);
  panel.append(code, keys, actions, alert);
  toggle.closest('.memlane-live-bar')!.after(panel);
  toggle.setAttribute('aria-controls', panel.id);

  // Runs the reader asked for (Run, Ctrl+Enter) bring the result into view; the playground's own
  // runs (on opening, an example picked) leave the page where it is.
  let reveal = false;
  const runOnce = async (): Promise<void> => {
    const revealing = reveal;
    reveal = false;
    run.setAttribute('aria-disabled', 'true');
    status.textContent = simulator.python ? 'Running…' : 'Starting Python (the first run takes a few seconds)…';
    try {
      const source = editor.code();
      const outcome = await runCode(
        source,
        editor.notes(),
        { id, options: data.options, timeoutMs: data.timeoutMs, link },
        simulator,
      );
      if (outcome.ok) {
        figure.querySelector('memlane-diagram')!.replaceWith(outcome.element);
        alert.replaceChildren();
        const steps = `${outcome.steps} step${outcome.steps === 1 ? '' : 's'}`;
        status.textContent =
          `Ran ${steps} in CPython ${simulator.python}; the diagram shows step ` +
          `${outcome.element.dataset.step} of ${outcome.steps}.`;
        // "Open in playground" takes the program as it ran, with the fence's options.
        const playground = figure.querySelector<HTMLAnchorElement>(':scope > .memlane-live-bar a[href]');
        playground?.setAttribute('href', withCode(playground.getAttribute('href')!, source));
        if (revealing) bringIntoView(outcome.element, actions);
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
  const runNow = async (asked = false): Promise<void> => {
    reveal ||= asked;
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
  const editor = createCodeEditor(
    code,
    data.code,
    notes,
    () => void runNow(true),
    () => changeListeners.forEach((listener) => listener()),
  );
  // The editor marks the lines of the step the diagram shows, as the code pane it replaces did.
  const marked = (selector: string) =>
    Number(figure.querySelector<HTMLElement>(`.memlane-code .line${selector}`)?.dataset.line ?? 0);
  editor.showStep(marked('.is-current'), marked('.is-next'));
  figure.addEventListener('memlane-step', (event) => {
    const { line, next } = (event as CustomEvent<{ line: number | number[]; next: number | number[] }>).detail;
    editor.showStep(line, next);
  });
  run.addEventListener('click', () => void runNow(true));
  reset.addEventListener('click', () => {
    editor.load(resetCode, notes);
    if (resetDiagram) figure.querySelector('memlane-diagram')!.replaceWith(resetDiagram.cloneNode(true));
    alert.replaceChildren();
    status.textContent = 'Back to the lesson’s code.';
    if (!resetDiagram) void runNow();
  });
  return {
    panel,
    editor,
    run: () => runNow(),
    setCode(text, options = []) {
      notes = new Map();
      resetCode = text;
      resetDiagram = undefined;
      link = options;
      editor.load(text, notes);
    },
    linkOptions: () => link,
    onChange: (listener) => void changeListeners.push(listener),
  };
}

/** "Edit code" pressed: opens the editor (the first time, builds it), or closes it. */
export function toggleEditor(figure: HTMLElement, toggle: HTMLButtonElement, focus = true): OpenEditor | undefined {
  let state = open.get(figure);
  const opening = toggle.getAttribute('aria-expanded') !== 'true';
  if (!state && opening) open.set(figure, (state = openEditor(figure, toggle)));
  if (!state) return undefined;
  state.panel.hidden = !opening;
  figure.toggleAttribute('data-editing', opening);
  toggle.setAttribute('aria-expanded', String(opening));
  if (opening && focus) state.editor.view.focus();
  return state;
}
