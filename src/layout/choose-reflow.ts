// Whether a picture wider than its column is reflowed into bands, and how: each way is arranged
// and measured, and one is taken only when it reads as well as the picture unreflowed.
import { arrange, routeReferences, type Arranged } from './arrange-boxes.ts';
import { placeBoxes, type Placed } from './place-boxes.ts';
import type { Collected } from './collect-boxes.ts';
import { MARGIN } from './metrics.ts';
import { MAX_BREAK_CROSSINGS } from './position/bands.ts';
import { countCrossings } from './route/index.ts';
import { includesStep } from './step-ranges.ts';
import type { Arrow } from './types.ts';

/** References that may cross a band break, tried in turn: a chain's next alone, then more. */
const BREAK_CROSSINGS = [1, 2, MAX_BREAK_CROSSINGS];
/** How much longer a reflow may make the arrows (all of them, and those of the last step). */
const REFLOW_LENGTH = 1.15;

/**
 * The picture as laid out unreflowed, or reflowed into bands when it is wider than `fitWidth` and
 * a reflow reads as well. Post: a reflow is taken only when it is narrower, adds no crossing
 * (over the run, and at the last step, the one shown first) and makes the arrows at most
 * REFLOW_LENGTH times as long; of several, the one with the fewest crossings, then the shortest arrows.
 */
export function chooseReflow(collected: Collected, fitWidth: number, lastStep: number): Arranged {
  const wide = arrange(collected, 0, 0);
  const wideFigures = figuresOf(wide, lastStep);
  if (fitWidth <= 0 || wideFigures.width <= fitWidth) return wide;
  let best: { arranged: Arranged; figures: ReturnType<typeof figuresOf> } | undefined;
  // Routing costs most: a placement is routed only when it is new and narrower than the unreflowed one.
  const positions = (placed: Placed) => placed.objects.map((o) => `${o.box.x},${o.box.y}`).join(' ');
  const tried = new Set([positions(wide)]);
  for (const breakCrossings of BREAK_CROSSINGS) {
    const placed = placeBoxes(collected, fitWidth, breakCrossings);
    const key = positions(placed);
    if (tried.has(key)) continue;
    tried.add(key);
    if (
      Math.max(...[...placed.frames, ...placed.objects].map((b) => b.box.x + b.box.width)) + MARGIN >=
      wideFigures.width
    )
      continue;
    const arranged = routeReferences(collected, placed);
    const f = figuresOf(arranged, lastStep);
    const readsAsWell =
      f.width < wideFigures.width &&
      f.crossings <= wideFigures.crossings &&
      f.lastCrossings <= wideFigures.lastCrossings &&
      f.length <= REFLOW_LENGTH * wideFigures.length &&
      f.lastLength <= REFLOW_LENGTH * wideFigures.lastLength;
    if (
      readsAsWell &&
      (!best ||
        f.crossings < best.figures.crossings ||
        (f.crossings === best.figures.crossings && f.length < best.figures.length))
    )
      best = { arranged, figures: f };
  }
  return best?.arranged ?? wide;
}

/** What a reflow is judged by: width, crossings and arrow length, over the run and at the last step. */
function figuresOf(arranged: Arranged, lastStep: number) {
  const boxes = [...arranged.frames, ...arranged.objects].map((b) => b.box);
  const width =
    Math.max(MARGIN, ...boxes.map((b) => b.x + b.width), ...arranged.arrows.flatMap((a) => a.points.map((p) => p.x))) +
    MARGIN;
  const lengthOf = (arrows: Arrow[]) =>
    arrows.reduce(
      (sum, a) =>
        sum +
        a.points.slice(1).reduce((n, p, i) => n + Math.abs(p.x - a.points[i]!.x) + Math.abs(p.y - a.points[i]!.y), 0),
      0,
    );
  const last = arranged.arrows.filter((a) => includesStep(a.steps, lastStep));
  return {
    width,
    crossings: countCrossings(arranged.arrows).crossings,
    lastCrossings: countCrossings(last).crossings,
    length: lengthOf(arranged.arrows),
    lastLength: lengthOf(last),
  };
}
