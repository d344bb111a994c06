// <memlane-playground>: opens the diagram's editor at once (the interpreter starts loading), takes
// the program and its options from a `#code=…&hide=w` link if there is one and runs it, switches
// examples, and shares the program with its options as a link. The example menu says "Your code"
// whenever the editor holds something that is not one of the examples, and brings it back.
import { readShareHash, shareHash, type LinkOptions } from 'memlane/browser';
import type { PlaygroundExample } from './playground-examples.ts';
import { toggleEditor, type OpenEditor } from './live-editor.ts';

/** The menu's value for the reader's own program. */
const YOURS = 'yours';

class MemlanePlayground extends HTMLElement {
  private editor: OpenEditor | undefined;
  private examples: PlaygroundExample[] = [];
  /** The reader's last program that is not an example, with the options its link gave. */
  private yours: { code: string; options: LinkOptions } | undefined;

  connectedCallback(): void {
    const figure = this.querySelector<HTMLElement>('figure.memlane');
    const toggle = figure?.querySelector<HTMLButtonElement>('[data-live-action="edit"]');
    if (!figure || !toggle) return;
    this.editor = toggleEditor(figure, toggle, false);
    // The playground's editor is always open: the button that closes it would only hide the tool.
    toggle.closest('.memlane-live-bar')?.remove();
    this.examples = JSON.parse(this.dataset.examples ?? '[]') as PlaygroundExample[];
    const share = this.querySelector<HTMLButtonElement>('[data-playground-action="share"]')!;
    this.select.disabled = false;
    share.disabled = false;
    this.select.addEventListener('change', () => this.pick());
    this.editor?.onChange(() => this.follow());
    share.addEventListener('click', () => void this.share());
    addEventListener('hashchange', () => this.fromHash());
    if (!this.fromHash()) void this.editor?.run();
  }

  private get select(): HTMLSelectElement {
    return this.querySelector('select')!;
  }

  /** An example or "Your code" picked from the menu: it goes in the editor and runs. */
  private pick(): void {
    const chosen =
      this.select.value === YOURS ? this.yours : { code: this.examples[Number(this.select.value)]?.code, options: [] };
    if (chosen?.code === undefined) return;
    this.editor?.setCode(chosen.code, chosen.options);
    void this.editor?.run();
  }

  /** After each edit the menu names what the editor holds: an example, or the reader's own code. */
  private follow(): void {
    const code = this.editor?.editor.code() ?? '';
    const example = this.examples.findIndex((each) => each.code === code);
    if (example >= 0) {
      this.select.value = String(example);
      return;
    }
    this.yours = { code, options: this.editor?.linkOptions() ?? [] };
    let option = this.select.querySelector<HTMLOptionElement>(`option[value="${YOURS}"]`);
    if (!option) {
      option = new Option('Your code', YOURS);
      this.select.prepend(option);
    }
    this.select.value = YOURS;
  }

  /** A `#code=` link: its program and options go in the editor and run. Says whether the hash held one. */
  private fromHash(): boolean {
    const shared = readShareHash(location.hash);
    if (shared === undefined) {
      if (location.hash.startsWith('#code='))
        this.say('This link’s program could not be read: it is not base64url of UTF-8 text.');
      return false;
    }
    this.editor?.setCode(shared.code, shared.options);
    void this.editor?.run();
    return true;
  }

  /** The link to the editor's program and its options, put in the address bar and copied when the browser allows it. */
  private async share(): Promise<void> {
    const code = this.editor?.editor.code() ?? '';
    const url = new URL(location.href);
    url.hash = shareHash(code, this.editor?.linkOptions() ?? []);
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
