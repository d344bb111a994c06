// <memlane-diagram>: steps through a diagram that the build already drew with every step in it.
// It only toggles `display` on elements by their data-steps ranges and swaps a few texts, so the
// page never re-lays out; everything it needs is in the element's data attributes.

import { attachExercises } from './diagram-exercises.ts';
import { attachLiveBar } from './diagram-live-bar.ts';
import { attachScrollCue } from './scroll-cue.ts';

type Ranges = [number, number][];

function parseRanges(text: string): Ranges {
  return text
    .trim()
    .split(/\s+/)
    .map((part) => {
      const [a, b = a] = part.split('-').map(Number);
      return [a!, b!];
    });
}

const inRanges = (ranges: Ranges, n: number): boolean => ranges.some(([a, b]) => n >= a && n <= b);

class MemlaneDiagram extends HTMLElement {
  private step = 1;
  private total = 1;
  private toggles: [Element, Ranges][] = [];
  private steps: [number, number, number][] = [];
  private notes: Record<string, string> = {};
  private stdout = '';

  connectedCallback(): void {
    const data = this.dataset;
    this.total = Number(data.total);
    this.step = Number(data.step);
    this.steps = JSON.parse(data.traceSteps ?? '[]');
    this.notes = JSON.parse(data.notes ?? '{}');
    this.stdout = data.stdout ?? '';
    this.toggles = [...this.querySelectorAll('svg [data-steps]')].map((el) => [
      el,
      parseRanges(el.getAttribute('data-steps')!),
    ]);
    this.querySelectorAll<HTMLButtonElement | HTMLInputElement>('[disabled]').forEach((el) => (el.disabled = false));
    this.addEventListener('click', (event) => {
      const action = (event.target as Element).closest<HTMLElement>('[data-action]')?.dataset.action;
      const targets: Record<string, number> = {
        first: 1,
        previous: this.step - 1,
        next: this.step + 1,
        last: this.total,
      };
      if (action === 'download') this.download();
      else if (action && action in targets) this.show(targets[action]!);
    });
    this.slider.addEventListener('input', () => this.show(Number(this.slider.value)));
    this.querySelector('.memlane-stage')!.addEventListener('keydown', (event) => this.onKey(event as KeyboardEvent));
    addEventListener('hashchange', this.onHash);
    if (!this.fromHash(false)) this.show(this.step, false);
    attachExercises(this);
    attachScrollCue(this.querySelector('.memlane-scroller'));
    attachLiveBar(this.closest('figure'));
  }

  /** A run in the editor replaces this element: its page-wide listener goes with it. */
  disconnectedCallback(): void {
    removeEventListener('hashchange', this.onHash);
  }

  private readonly onHash = (): void => {
    this.fromHash(true);
  };

  private get slider(): HTMLInputElement {
    return this.querySelector('.memlane-slider')!;
  }

  private onKey(event: KeyboardEvent): void {
    const moves: Record<string, number> = {
      ArrowRight: this.step + 1,
      ArrowDown: this.step + 1,
      ArrowLeft: this.step - 1,
      ArrowUp: this.step - 1,
      Home: 1,
      End: this.total,
    };
    if (!(event.key in moves) || event.altKey || event.ctrlKey || event.metaKey) return;
    event.preventDefault();
    this.show(moves[event.key]!);
  }

  /** `#id-step-N` selects step N of this diagram. */
  private fromHash(scroll: boolean): boolean {
    const match = new RegExp(`^#${this.dataset.id}-step-(\\d+)$`).exec(location.hash);
    if (!match) return false;
    this.show(Number(match[1]), false);
    if (scroll) this.closest('figure')?.scrollIntoView({ block: 'start' });
    return true;
  }

  show(requested: number, announce = true): void {
    const n = Math.min(this.total, Math.max(1, Math.round(requested) || 1));
    this.step = n;
    for (const [el, ranges] of this.toggles) {
      if (inRanges(ranges, n)) el.removeAttribute('display');
      else el.setAttribute('display', 'none');
    }
    const [line = 0, next = 0, out = 0] = this.steps[n - 1] ?? [];
    this.querySelectorAll('.memlane-code .line').forEach((el) => {
      const at = Number((el as HTMLElement).dataset.line);
      el.classList.toggle('is-current', at === line);
      el.classList.toggle('is-next', at === next && at !== line);
    });
    const note = this.notes[line] ?? '';
    this.setText('.memlane-output-text', this.stdout.slice(0, out));
    this.setText('.memlane-note-text', note);
    const position = `Step ${n} of ${this.total}`;
    this.setText('.memlane-position', position);
    this.slider.value = String(n);
    this.slider.setAttribute('aria-valuetext', position);
    this.querySelectorAll<HTMLElement>('[data-action]').forEach((el) => {
      const action = el.dataset.action;
      const atEdge =
        action === 'first' || action === 'previous'
          ? n === 1
          : action === 'next' || action === 'last'
            ? n === this.total
            : false;
      el.setAttribute('aria-disabled', String(atEdge));
    });
    this.querySelector<HTMLAnchorElement>('.memlane-permalink')!.href = `#${this.dataset.id}-step-${n}`;
    if (announce) this.setText('.memlane-live', `${position}, line ${line}. ${note}`.trim());
    // The live editor, when open in place of the code pane, marks the same lines.
    this.dispatchEvent(new CustomEvent('memlane-step', { bubbles: true, detail: { line, next } }));
  }

  private setText(selector: string, text: string): void {
    const el = this.querySelector(selector);
    if (el && el.textContent !== text) el.textContent = text;
  }

  /** The current step as a standalone SVG file, with the page's theme colours written in. */
  private download(): void {
    const svg = this.querySelector('svg.memlane-diagram')!;
    const copy = svg.cloneNode(true) as SVGSVGElement;
    copy.querySelectorAll('[display="none"]').forEach((el) => el.remove());
    copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
    // Page diagrams are coloured by --ml-* variables and class rules in the page's CSS: write both in.
    const computed = getComputedStyle(svg);
    const variables = [...computed]
      .filter((name) => name.startsWith('--ml-'))
      .map((name) => `${name}:${computed.getPropertyValue(name)}`);
    const rules = [...document.styleSheets].flatMap((sheet) => {
      try {
        return [...sheet.cssRules]
          .map((rule) => rule.cssText)
          .filter((text) => text.startsWith('.memlane-diagram[data-theme="site"] .ml-'));
      } catch {
        return [];
      }
    });
    const style = document.createElementNS('http://www.w3.org/2000/svg', 'style');
    style.textContent = `svg{${variables.join(';')}}${rules.join('')}`;
    copy.prepend(style);
    const link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([new XMLSerializer().serializeToString(copy)], { type: 'image/svg+xml' }));
    // Zero-padded like `memlane render --all-steps`, so saved steps sort in order.
    link.download = `${this.dataset.id}-step-${String(this.step).padStart(String(this.total).length, '0')}.svg`;
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 1000);
  }
}

if (!customElements.get('memlane-diagram')) customElements.define('memlane-diagram', MemlaneDiagram);
