// <memlane-playground>: opens the diagram's editor at once (the interpreter starts loading), takes
// the program from a `#code=` link if there is one and runs it, switches examples, and shares the
// program as a link.
import { codeFromHash, encodeCode } from '../../lib/live/share-link.js';
import type { PlaygroundExample } from './playground-examples.ts';
import { toggleEditor, type OpenEditor } from './live-editor.ts';

class MemlanePlayground extends HTMLElement {
  private editor: OpenEditor | undefined;

  connectedCallback(): void {
    const figure = this.querySelector<HTMLElement>('figure.memlane');
    const toggle = figure?.querySelector<HTMLButtonElement>('[data-live-action="edit"]');
    if (!figure || !toggle) return;
    this.editor = toggleEditor(figure, toggle, false);
    // The playground's editor is always open: the button that closes it would only hide the tool.
    toggle.closest('.memlane-live-bar')?.remove();
    const examples = JSON.parse(this.dataset.examples ?? '[]') as PlaygroundExample[];
    const select = this.querySelector('select')!;
    const share = this.querySelector<HTMLButtonElement>('[data-playground-action="share"]')!;
    select.disabled = false;
    share.disabled = false;
    select.addEventListener('change', () => {
      const example = examples[Number(select.value)];
      if (!example) return;
      this.editor?.setCode(example.code);
      void this.editor?.run();
    });
    share.addEventListener('click', () => void this.share());
    addEventListener('hashchange', () => this.fromHash());
    if (!this.fromHash()) void this.editor?.run();
  }

  /** A `#code=` link: its program goes in the editor and runs. Says whether the hash held one. */
  private fromHash(): boolean {
    const code = codeFromHash(location.hash);
    if (code === undefined) {
      if (location.hash.startsWith('#code=')) this.say('This link’s program could not be read: it is not base64url of UTF-8 text.');
      return false;
    }
    this.editor?.setCode(code);
    void this.editor?.run();
    return true;
  }

  /** The link to the editor's program, put in the address bar and copied when the browser allows it. */
  private async share(): Promise<void> {
    const code = this.editor?.editor.code() ?? '';
    const url = new URL(location.href);
    url.hash = `code=${encodeCode(code)}`;
    history.replaceState(null, '', url);
    try {
      await navigator.clipboard.writeText(url.href);
      this.say('Link copied: it opens this program.');
    } catch {
      this.say('The address bar now holds a link to this program.');
    }
  }

  private say(text: string): void {
    this.querySelector('.memlane-playground-status')!.textContent = text;
  }
}

if (!customElements.get('memlane-playground')) customElements.define('memlane-playground', MemlanePlayground);
