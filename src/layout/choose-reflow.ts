// Whether a picture wider than its column is reflowed into bands or its chain wrapped into rows, and
// how: each way is arranged and measured, and one is taken only when it reads as well as the picture
// unreflowed, or (a chain wrap) when it spares the reader scrolling a picture much wider than the column.
import { arrange, routeReferences, type Arranged } from './arrange-boxes.ts';
import { placeBoxes, type Placed } from './place-boxes.ts';
import { isChainWrap, WRAP_ABOVE, WRAP_RESERVE } from './chain-wrap.ts';
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
 * a reflow reads as well. Post: a reflow is taken only when it is narrower and adds no crossing
 * (over the run, and at the last step, the one shown first, and of a back-reference with its chain);
 * a band reflow makes the arrows at most REFLOW_LENGTH times as long, and of several the one with the
 * fewest crossings, then the shortest arrows, is taken. When none fits the column and the unreflowed
 * picture is more than WRAP_ABOVE columns wide, a chain wrap (chain-wrap.ts) narrower than both is
 * taken instead, its return arrows the price of not scrolling.
 */
export function chooseReflow(collected: Collected, fitWidth: number, lastStep: number): Arranged {
  const wide = arrange(collected, 0, 0);
  const wideFigures = figuresOf(wide, lastStep);
  if (fitWidth <= 0 || wideFigures.width <= fitWidth) return wide;
  let best: Judged | undefined;
  // Routing costs most: a placement is routed only when it is new and narrower than the unreflowed one.
  const positions = (placed: Placed) => placed.objects.map((o) => `${o.box.x},${o.box.y}`).join(' ');
  const tried = new Set([positions(wide)]);
  const route = (placed: Placed): Judged | undefined => {
    const key = positions(placed);
    if (tried.has(key)) return undefined;
    tried.add(key);
    const right = Math.max(...[...placed.frames, ...placed.objects].map((b) => b.box.x + b.box.width));
    if (right + MARGIN >= wideFigures.width) return undefined;
    const arranged = routeReferences(collected, placed);
    const figures = figuresOf(arranged, lastStep);
    const addsNothing =
      figures.width < wideFigures.width &&
      figures.crossings <= wideFigures.crossings &&
      figures.lastCrossings <= wideFigures.lastCrossings &&
      arranged.chainCrossings <= wide.chainCrossings;
    return addsNothing ? { arranged, figures } : undefined;
  };
  const better = (a: Judged, than: Judged | undefined) =>
    !than ||
    a.figures.crossings < than.figures.crossings ||
    (a.figures.crossings === than.figures.crossings && a.figures.length < than.figures.length);
  for (const breakCrossings of BREAK_CROSSINGS) {
    const judged = route(placeBoxes(collected, fitWidth, breakCrossings));
    const short =
      judged &&
      judged.figures.length <= REFLOW_LENGTH * wideFigures.length &&
      judged.figures.lastLength <= REFLOW_LENGTH * wideFigures.lastLength;
    if (short && better(judged, best)) best = judged;
  }
  if ((best?.figures.width ?? wideFigures.width) <= fitWidth || wideFigures.width <= WRAP_ABOVE * fitWidth)
    return best?.arranged ?? wide;
  const judged = route(placeBoxes(collected, fitWidth - WRAP_RESERVE, 'chains'));
  const narrowest = (best ?? { figures: wideFigures }).figures.width;
  const wrap = judged && isChainWrap(drawnOf(judged.arranged)) && judged.figures.width < narrowest ? judged : undefined;
  return (wrap ?? best)?.arranged ?? wide;
}

const drawnOf = (a: Arranged) => ({
  frames: a.frames.map((f) => f.box),
  objects: a.objects.map((o) => o.box),
  arrows: a.arrows,
});

/** A routed reflow and its figures. */
interface Judged {
  arranged: Arranged;
  figures: ReturnType<typeof figuresOf>;
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
