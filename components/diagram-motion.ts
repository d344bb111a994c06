// Motion for one step forward, in the SVG itself (Web Animations): a new object fades and grows in
// place, a re-aimed arrow travels from its old target to the new one, what leaves fades out, a change
// mark pulses once. Animations only add effects over the static picture and leave the markup as the
// island set it, so when they end (or are cut short by the next step) the picture is the static one.

/** How long a step's motion lasts, in ms (the 200–400 ms). */
export const STEP_MOTION_MS = 320;

const ease = 'cubic-bezier(0.2, 0, 0, 1)';

/** Copies drawn only while they fade out, and the animations running: what `settle` ends at once. */
const fading = new Set<Element>();
const running = new Set<Animation>();

/** Ends every step motion now: copies removed, effects gone, the static picture left. */
export function settle(): void {
  for (const animation of running) animation.finish();
  running.clear();
  for (const copy of fading) copy.remove();
  fading.clear();
}

function play(element: Element, keyframes: Keyframe[], options: KeyframeAnimationOptions = {}): void {
  const animation = element.animate(keyframes, { duration: STEP_MOTION_MS, easing: ease, ...options });
  running.add(animation);
  animation.finished.then(
    () => running.delete(animation),
    () => running.delete(animation),
  );
}

/** Same source slot, whatever the target: the arrow a step re-aimed. */
const slotOf = (arrow: Element) =>
  ['data-arrow-from', 'data-slot', 'data-part'].map((name) => arrow.getAttribute(name) ?? '').join('|');

/** A path's commands and how many numbers each takes: two paths morph only when these agree. */
const shapeOf = (d: string) => d.replace(/[-\d.]+/g, '0').replace(/\s+/g, ' ');

/** A copy of what is about to leave, as it looks now, put where it stands (the original is hidden next). */
function copyOf(element: Element): Element {
  const copy = element.cloneNode(true) as Element;
  for (const name of ['data-steps', 'data-object-id', 'data-frame-id', 'data-arrow-from', 'data-arrow-to']) {
    copy.removeAttribute(name);
  }
  copy.setAttribute('data-motion-copy', 'true');
  copy.setAttribute('aria-hidden', 'true');
  copy.setAttribute('pointer-events', 'none');
  element.after(copy);
  fading.add(copy);
  return copy;
}

/** Fades out the copy of what left; the copy goes when the fade ends. */
function fadeOut(copy: Element): void {
  const animation = copy.animate([{ opacity: 1 }, { opacity: 0 }], { duration: STEP_MOTION_MS, easing: ease });
  running.add(animation);
  animation.finished.then(
    () => {
      running.delete(animation);
      fading.delete(copy);
      copy.remove();
    },
    () => running.delete(animation),
  );
}

/** The arrow's line and head travel from where the old arrow pointed; or, if their shapes differ, it draws in. */
function travel(from: Element, copy: Element, to: Element): void {
  const parts = (arrow: Element) => [arrow.querySelector('.ml-arrow-line'), arrow.querySelector('path.ml-arrow-head')];
  const [oldLine, oldHead] = parts(from);
  const [newLine, newHead] = parts(to);
  const oldD = oldLine?.getAttribute('d') ?? '';
  const newD = newLine?.getAttribute('d') ?? '';
  if (newLine && oldD && shapeOf(oldD) === shapeOf(newD)) {
    play(newLine, [{ d: `path("${oldD}")` }, { d: `path("${newD}")` }]);
    const [oldHeadD, newHeadD] = [oldHead?.getAttribute('d') ?? '', newHead?.getAttribute('d') ?? ''];
    if (newHead && oldHeadD) play(newHead, [{ d: `path("${oldHeadD}")` }, { d: `path("${newHeadD}")` }]);
    fading.delete(copy);
    copy.remove();
    return;
  }
  fadeOut(copy);
  drawIn(to);
}

/** A new arrow draws from its dot to its head. */
function drawIn(arrow: Element): void {
  const line = arrow.querySelector<SVGPathElement>('.ml-arrow-line');
  if (!line) return;
  const length = Math.ceil(line.getTotalLength());
  play(line, [
    { strokeDasharray: `${length} ${length}`, strokeDashoffset: `${length}` },
    { strokeDasharray: `${length} ${length}`, strokeDashoffset: '0' },
  ]);
  const head = arrow.querySelector('path.ml-arrow-head');
  if (head) play(head, [{ opacity: 0 }, { opacity: 0, offset: 0.7 }, { opacity: 1 }]);
}

/** An element the island toggles, and whether it shows at the step coming. */
export interface Toggle {
  el: Element;
  shows: boolean;
}

/**
 * Pre: step n of a run is on screen, settled (`settle`, once for all the runs a moment moves), and `toggles`
 * say what shows at step n+1; `apply` sets the markup for it.
 * Post: `apply` has run and the motion plays over it; the markup is the static step n+1's except for the
 * fading copies, which `settle` or their own end removes.
 */
export function stepWithMotion(toggles: Toggle[], apply: () => void): void {
  const shownNow = (el: Element) => !el.hasAttribute('display');
  const appeared = toggles.filter((t) => t.shows && !shownNow(t.el)).map((t) => t.el);
  const leaving = toggles.filter((t) => !t.shows && shownNow(t.el)).map((t) => t.el);
  // Only the outermost of what leaves is copied: its copy carries everything inside it.
  const outermost = leaving.filter((el) => !leaving.some((other) => other !== el && other.contains(el)));
  const animated = (el: Element) =>
    ['data-object-id', 'data-frame-id', 'data-arrow-to'].some((a) => el.hasAttribute(a));
  const copies = new Map(outermost.filter(animated).map((el) => [el, copyOf(el)]));
  apply();
  const arrows = (list: Element[]) => list.filter((el) => el.hasAttribute('data-arrow-to'));
  const gone = new Map(arrows([...copies.keys()]).map((arrow) => [slotOf(arrow), arrow]));
  for (const arrow of arrows(appeared)) {
    const before = gone.get(slotOf(arrow));
    if (before) {
      gone.delete(slotOf(arrow));
      travel(before, copies.get(before)!, arrow);
    } else drawIn(arrow);
  }
  for (const [el, copy] of copies) {
    if (!el.hasAttribute('data-arrow-to') || [...gone.values()].includes(el)) fadeOut(copy);
  }
  for (const el of appeared) {
    if (el.hasAttribute('data-object-id')) {
      play(el, [
        { opacity: 0, transform: 'scale(0.85)' },
        { opacity: 1, transform: 'scale(1)' },
      ]);
    } else if (el.hasAttribute('data-frame-id')) play(el, [{ opacity: 0 }, { opacity: 1 }]);
    else if (el.hasAttribute('data-change')) {
      play(el, [{ opacity: 0 }, { opacity: 1, offset: 0.4 }, { opacity: 0.35, offset: 0.7 }, { opacity: 1 }], {
        duration: STEP_MOTION_MS * 1.25,
      });
    }
  }
}
