// Exercises on a diagram: "Try it" moves to the step before the line, the reader answers on the
// diagram (an object, "A new object", the objects the line frees) or in words (the output), and the
// trace's answer is shown.

interface Stepper extends HTMLElement {
  show(step: number, announce?: boolean): void;
}

/** `code` spans of a sentence as <code> elements, the rest as text. */
function setSentence(el: Element, text: string): void {
  el.replaceChildren(
    ...text.split('`').map((part, i) => {
      if (i % 2 === 0) return document.createTextNode(part);
      const code = document.createElement('code');
      code.textContent = part;
      return code;
    }),
  );
}

/** On a narrow screen the drawing scrolls sideways: bring the marked answer into view, page left alone. */
function scrollIntoStage(marked: SVGGElement | null): void {
  const stage = marked?.closest<HTMLElement>('.memlane-stage');
  if (!marked || !stage) return;
  const box = marked.getBoundingClientRect();
  const view = stage.getBoundingClientRect();
  if (box.left < view.left || box.right > view.right)
    stage.scrollLeft += box.left - view.left - Math.max(0, (view.width - box.width) / 2);
}

export function attachExercises(diagram: Stepper): void {
  const sections = [...diagram.querySelectorAll<HTMLElement>('[data-exercise]')];
  let open: HTMLElement | undefined;
  /** Where a question's objects are: its side of a comparison, or the whole diagram. */
  let scope: Element = diagram;
  const scopeOf = (section: HTMLElement): Element =>
    (section.dataset.side && diagram.querySelector(`.memlane-side[data-side="${section.dataset.side}"]`)) || diagram;
  const objects = () => [...scope.querySelectorAll<SVGGElement>('svg [data-object-id]')];
  const visible = (el: Element) => !el.closest('[display="none"]');

  const svg = () => scope.querySelector('svg.memlane-diagram');
  const endChoosing = () => {
    for (const el of objects()) {
      if (!el.classList.contains('is-choice')) continue;
      el.classList.remove('is-choice');
      for (const name of ['role', 'tabindex', 'aria-label', 'aria-pressed']) el.removeAttribute(name);
      for (const child of el.children) child.removeAttribute('aria-hidden');
    }
    svg()?.setAttribute('role', 'img');
  };

  const finish = (section: HTMLElement, verdict: string, aside = '') => {
    const { after, answer, explanation = '', answerWords = '' } = section.dataset;
    endChoosing();
    scope = scopeOf(section);
    open = undefined;
    section.querySelector('.memlane-exercise-answering')!.setAttribute('hidden', '');
    diagram.show(Number(after), false);
    diagram.querySelectorAll('.is-answer').forEach((el) => el.classList.remove('is-answer'));
    if (section.dataset.exercise === 'pointer') {
      objects()
        .filter((el) => el.dataset.objectId === answer && visible(el))
        .forEach((el) => el.classList.add('is-answer'));
      scrollIntoStage(scope.querySelector<SVGGElement>('.is-answer'));
    }
    setSentence(
      section.querySelector('.memlane-exercise-feedback')!,
      `${verdict} ${answerWords} ${explanation} ${aside}`.trim(),
    );
  };

  /** A freed question checked: the marked objects against CPython's, with why for each wrongly marked one. */
  const checkFreed = (section: HTMLElement, marked: string[]) => {
    const answer = (section.dataset.answer ?? '').split(' ').filter(Boolean);
    const reasons = JSON.parse(section.dataset.reasons ?? '{}') as Record<string, string>;
    const right = marked.length === answer.length && marked.every((id) => answer.includes(id));
    const wrong = marked
      .filter((id) => !answer.includes(id))
      .map((id) => reasons[id] ?? '')
      .join(' ');
    finish(section, right ? 'Correct!' : 'Not quite.', wrong);
  };
  const markedIds = () => [
    ...new Set(
      objects()
        .filter((el) => el.getAttribute('aria-pressed') === 'true')
        .map((el) => el.dataset.objectId!),
    ),
  ];

  const pick = (section: HTMLElement, chosen: string) => {
    const right = section.dataset.answerNew === 'true' ? chosen === 'new' : chosen === section.dataset.answer;
    finish(section, right ? 'Correct!' : 'Not quite.');
  };

  /** A pointer question takes the chosen object as its answer; a freed question marks or unmarks it. */
  const choose = (section: HTMLElement, choice: SVGGElement) => {
    if (section.dataset.exercise !== 'freed') return pick(section, choice.dataset.objectId!);
    choice.setAttribute('aria-pressed', String(choice.getAttribute('aria-pressed') !== 'true'));
  };

  const start = (section: HTMLElement) => {
    if (open && open !== section) endChoosing();
    open = section;
    scope = scopeOf(section);
    diagram.querySelectorAll('.is-answer').forEach((el) => el.classList.remove('is-answer'));
    section.querySelector('.memlane-exercise-feedback')!.textContent = '';
    diagram.show(Number(section.dataset.before), false);
    section.querySelector('.memlane-exercise-answering')!.removeAttribute('hidden');
    if (section.dataset.exercise === 'output') {
      section.querySelector<HTMLInputElement>('.memlane-exercise-input')!.focus();
      return;
    }
    const words = JSON.parse(section.dataset.choices ?? '{}') as Record<string, string>;
    const toggles = section.dataset.exercise === 'freed';
    // An image holds no buttons: while the objects are choices, the drawing is a group.
    svg()?.setAttribute('role', 'group');
    const seen = new Set<string>();
    for (const el of objects()) {
      const id = el.dataset.objectId!;
      if (!visible(el) || seen.has(id)) continue;
      seen.add(id);
      el.classList.add('is-choice');
      el.setAttribute('role', 'button');
      el.setAttribute('tabindex', '0');
      el.setAttribute('aria-label', words[id] ?? `object ${id}`);
      if (toggles) el.setAttribute('aria-pressed', 'false');
      // The box's own texts would contradict its name in words.
      for (const child of el.children) child.setAttribute('aria-hidden', 'true');
    }
    diagram.querySelector<SVGGElement>('.is-choice')?.focus();
  };

  diagram.addEventListener('click', (event) => {
    const target = event.target as Element;
    const section = target.closest<HTMLElement>('[data-exercise]');
    const action = target.closest<HTMLElement>('[data-exercise-action]')?.dataset.exerciseAction;
    if (section && action === 'try') start(section);
    else if (section && action === 'new') pick(section, 'new');
    else if (section && action === 'show') finish(section, 'The answer:');
    else if (section && action === 'none') checkFreed(section, []);
    else if (section && action === 'check' && section.dataset.exercise === 'freed') checkFreed(section, markedIds());
    else if (section && action === 'check') {
      const typed = section.querySelector<HTMLInputElement>('.memlane-exercise-input')!.value.trim();
      finish(section, typed === section.dataset.answer ? 'Correct!' : 'Not quite.');
    } else {
      const choice = target.closest<SVGGElement>('.is-choice');
      if (choice && open) choose(open, choice);
    }
  });

  diagram.addEventListener(
    'keydown',
    (event) => {
      const choice = (event.target as Element).closest?.<SVGGElement>('.is-choice');
      if (open && event.key === 'Enter' && (event.target as Element).matches('.memlane-exercise-input')) {
        event.preventDefault();
        open.querySelector<HTMLButtonElement>('[data-exercise-action="check"]')!.click();
        return;
      }
      if (!choice || !open) return;
      // Choices take the arrow keys from the stepper while a question is open.
      const choices = [...diagram.querySelectorAll<SVGGElement>('.is-choice')];
      const at = choices.indexOf(choice);
      const moves: Record<string, number> = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 };
      if (event.key === 'Enter' || event.key === ' ') {
        event.preventDefault();
        event.stopPropagation();
        choose(open, choice);
      } else if (event.key in moves) {
        event.preventDefault();
        event.stopPropagation();
        choices[(at + moves[event.key]! + choices.length) % choices.length]!.focus();
      }
    },
    true,
  );

  for (const section of sections) {
    section.querySelector('.memlane-exercise-controls')!.removeAttribute('hidden');
    section.querySelector('.memlane-exercise-details')!.setAttribute('hidden', '');
  }
}
