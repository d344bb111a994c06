// <memlane-diagram>: steps through a diagram that the build already drew with every step in it.
// It only toggles `display` on elements by their data-steps ranges and swaps a few texts, so the
// page never re-lays out; everything it needs is in the element's data attributes.

import { attachLiveBar } from './diagram-live-bar.ts';
import { attachScrollCue } from './scroll-cue.ts';

type Motion = typeof import('./diagram-motion.ts');
/** The step motion, fetched after first paint (it is not needed to draw a step). */
let motion: Motion | undefined;
const reducedMotion = () => matchMedia('(prefers-reduced-motion: reduce)').matches;
function loadMotion(): void {
  if (motion || reducedMotion()) return;
  import('./diagram-motion.ts').then(
    (loaded) => (motion = loaded),
    () => undefined,
  );
}

/** The Play button's icon while stopped and while playing. */
const playIcons = { play: 'M4.5 2.5v11l9-5.5z', pause: 'M4 2.5h3v11H4zM9 2.5h3v11H9z' };

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

/** One run the element steps: the whole diagram, or one side of a comparison. */
interface Run {
  root: HTMLElement;
  toggles: [Element, Ranges][];
  /** [line, next line, stdout length] per step. */
  steps: [number, number, number][];
  notes: Record<string, string>;
  stdout: string;
  /** Elements marked `data-differs` now (comparisons). */
  marked: Element[];
  /** The step on screen. */
  shown: number;
  /** A comparison side's shown lines as lines of the whole fence body (what the live editor holds). */
  bodyLines: number[] | undefined;
}

function readRun(root: HTMLElement): Run {
  const data = root.dataset;
  return {
    root,
    toggles: [...root.querySelectorAll('svg [data-steps]')].map((el) => [
      el,
      parseRanges(el.getAttribute('data-steps')!),
    ]),
    steps: JSON.parse(data.traceSteps ?? '[]'),
    notes: JSON.parse(data.notes ?? '{}'),
    stdout: data.stdout ?? '',
    marked: [...root.querySelectorAll('[data-differs]')],
    shown: 0,
    bodyLines: data.bodyLines ? JSON.parse(data.bodyLines) : undefined,
  };
}

class MemlaneDiagram extends HTMLElement {
  private step = 1;
  private total = 1;
  private runs: Run[] = [];
  /** A comparison's moments: each run's step at each moment. */
  private moments: number[][] | undefined;
  private marks: string[][] = [];
  private sentences: string[] = [];
  /** While playing: the next step's timer. */
  private timer: ReturnType<typeof setTimeout> | undefined;

  connectedCallback(): void {
    const data = this.dataset;
    this.total = Number(data.total);
    this.step = Number(data.step);
    const sides = [...this.querySelectorAll<HTMLElement>('.memlane-side')];
    this.runs = (sides.length ? sides : [this]).map(readRun);
    if (data.moments) {
      this.moments = JSON.parse(data.moments);
      this.marks = JSON.parse(data.marks ?? '[]');
      this.sentences = JSON.parse(data.sentences ?? '[]');
    }
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
      else if (action === 'play') this.togglePlay();
      else if (action && action in targets) this.show(targets[action]!);
    });
    this.slider.addEventListener('input', () => this.show(Number(this.slider.value)));
    this.querySelectorAll('.memlane-stage').forEach((stage) =>
      stage.addEventListener('keydown', (event) => this.onKey(event as KeyboardEvent)),
    );
    addEventListener('hashchange', this.onHash);
    if (!this.fromHash(false)) this.show(this.step, false);
    // Questions are fetched only by diagrams that ask them (first paint stays small).
    if (this.querySelector('[data-exercise]'))
      import('./diagram-exercises.ts').then(({ attachExercises }) => attachExercises(this));
    this.querySelectorAll<HTMLElement>('.memlane-scroller').forEach((scroller) => attachScrollCue(scroller));
    attachLiveBar(this.closest('figure'));
    (window.requestIdleCallback ?? setTimeout)(loadMotion);
  }

  /** A run in the editor replaces this element: its page-wide listener goes with it. */
  disconnectedCallback(): void {
    removeEventListener('hashchange', this.onHash);
    this.pause();
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
    // One step forward moves (unless the reader asked for no motion); back or a jump goes straight there.
    const moving = n === this.step + 1 && motion && !reducedMotion() ? motion : undefined;
    // What still moves from the last step ends now, for every side of a comparison at once.
    motion?.settle();
    this.step = n;
    let announced = '';
    const [current, next]: [number[], number[]] = [[], []];
    this.runs.forEach((run, r) => {
      const [line, following] = this.showRun(run, this.moments?.[n - 1]?.[r] ?? n, moving);
      announced ||= `line ${line}. ${run.notes[line] ?? ''}`;
      const inBody = (at: number) => (run.bodyLines ? (run.bodyLines[at - 1] ?? 0) : at);
      current.push(inBody(line));
      next.push(inBody(following));
      // The reader's own steps bring what differs into view; the page opens with each picture at its start.
      if (this.moments) this.markDiffers(run, this.marks[n - 1]?.[r] ?? '', announce);
    });
    // The live editor, when open in place of the code, marks the same lines (a comparison's in its whole body).
    const detail = this.moments ? { line: current, next } : { line: current[0], next: next[0] };
    this.dispatchEvent(new CustomEvent('memlane-step', { bubbles: true, detail }));
    const sentence = this.sentences[n - 1] ?? '';
    if (this.moments) this.setSentence(sentence);
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
    const said = this.moments ? `. ${sentence || 'Nothing differs in what the names share.'}` : `, ${announced}`;
    if (announce) this.setText('.memlane-live', `${position}${said}`.trim());
  }

  /** Shows one run at its step: its picture, code lines, note and output. Returns the step's line and the next. */
  private showRun(run: Run, n: number, moving?: Motion): [number, number] {
    const apply = () => {
      for (const [el, ranges] of run.toggles) {
        if (inRanges(ranges, n)) el.removeAttribute('display');
        else el.setAttribute('display', 'none');
      }
    };
    // A side of a comparison that holds its step does not move.
    if (moving && n === run.shown + 1) {
      moving.stepWithMotion(
        run.toggles.map(([el, ranges]) => ({ el, shows: inRanges(ranges, n) })),
        apply,
      );
    } else apply();
    run.shown = n;
    const [line = 0, next = 0, out = 0] = run.steps[n - 1] ?? [];
    run.root.querySelectorAll('.memlane-code .line').forEach((el) => {
      const at = Number((el as HTMLElement).dataset.line);
      el.classList.toggle('is-current', at === line);
      el.classList.toggle('is-next', at === next && at !== line);
    });
    this.setText('.memlane-output-text', run.stdout.slice(0, out), run.root);
    this.setText('.memlane-note-text', run.notes[line] ?? '', run.root);
    return [line, next];
  }

  /** Play: steps on its own at the chosen pace; stops at the end, before a question, and on any key or click. */
  private togglePlay(): void {
    if (this.timer !== undefined) {
      this.pause();
      return;
    }
    if (this.step >= this.total) this.show(1);
    this.setPlaying(true);
    this.schedule();
  }

  private schedule(): void {
    const pace = Number(this.querySelector<HTMLSelectElement>('.memlane-pace')?.value) || 1300;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.show(this.step + 1);
      const asks = [...this.querySelectorAll<HTMLElement>('[data-exercise]')].some(
        (exercise) => Number(exercise.dataset.before) === this.step,
      );
      if (this.step >= this.total || asks) this.pause();
      else this.schedule();
    }, pace);
  }

  private pause(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.setPlaying(false);
  }

  private setPlaying(playing: boolean): void {
    const button = this.querySelector<HTMLElement>('[data-action="play"]');
    if (!button) return;
    button.querySelector('path')?.setAttribute('d', playing ? playIcons.pause : playIcons.play);
    const text = button.querySelector('.memlane-play-text');
    if (text) text.textContent = playing ? 'Pause' : 'Play';
    for (const type of ['keydown', 'pointerdown']) {
      if (playing) window.addEventListener(type, this.onInterrupt, true);
      else window.removeEventListener(type, this.onInterrupt, true);
    }
  }

  /** Any key or click while playing stops it; a press of Play itself (click, Enter, Space) toggles it instead. */
  private readonly onInterrupt = (event: Event): void => {
    const onPlay = (event.target as Element | null)?.closest?.('[data-action="play"], .memlane-pace');
    const pressing = event.type === 'pointerdown' || ['Enter', ' '].includes((event as KeyboardEvent).key);
    if (onPlay && pressing) return;
    this.pause();
  };

  /** A comparison's marks at this moment: `data-differs` on the listed objects and `from>to` arrows. */
  private markDiffers(run: Run, listed: string, reveal: boolean): void {
    for (const el of run.marked) el.removeAttribute('data-differs');
    run.marked = listed
      .split(' ')
      .filter(Boolean)
      .flatMap((item) => {
        const [from, to] = item.split('>');
        const selector = to
          ? `[data-arrow-from="${CSS.escape(from!)}"][data-arrow-to="${CSS.escape(to)}"]`
          : `[data-object-id="${CSS.escape(item)}"]`;
        return [...run.root.querySelectorAll(`svg ${selector}`)];
      });
    for (const el of run.marked) el.setAttribute('data-differs', 'true');
    if (reveal) this.revealMarks(run);
  }

  /** On a narrow screen a side's picture scrolls: bring what differs into view when none of it is. */
  private revealMarks(run: Run): void {
    const stage = run.root.querySelector<HTMLElement>('.memlane-stage');
    const marked = run.marked.filter((el) => el.hasAttribute('data-object-id') && !el.closest('[display="none"]'));
    if (!stage || !marked.length || stage.scrollWidth <= stage.clientWidth) return;
    const view = stage.getBoundingClientRect();
    const boxes = marked.map((el) => el.getBoundingClientRect());
    if (boxes.some((box) => box.left >= view.left && box.right <= view.right)) return;
    stage.scrollLeft += Math.min(...boxes.map((box) => box.left)) - view.left - 16;
  }

  /** The difference in words, `code` spans as <code>. */
  private setSentence(text: string): void {
    const el = this.querySelector('.memlane-differs');
    if (!el || el.getAttribute('data-text') === text) return;
    el.setAttribute('data-text', text);
    el.replaceChildren(
      ...text.split('`').map((part, i) => {
        if (i % 2 === 0) return document.createTextNode(part);
        const code = document.createElement('code');
        code.textContent = part;
        return code;
      }),
    );
  }

  private setText(selector: string, text: string, root: Element = this): void {
    const el = root.querySelector(selector);
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
