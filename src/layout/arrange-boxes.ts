// One arrangement of the whole trace: boxes placed (reflowed to a width, or not) and every
// reference routed as an arrow over the steps where both its ends are drawn.
import { backReferences, entryScore } from './back-references.ts';
import type { Collected } from './collect-boxes.ts';
import { ANCHOR_Y, ARROW_CLEARANCE, MARGIN } from './metrics.ts';
import { placeBoxes, type Placed } from './place-boxes.ts';
import { routeArrows, SearchCache, type Obstacle, type RouteRequest } from './route/index.ts';
import { lastStep, rangesOf } from './step-ranges.ts';
import type { Arrow, FrameBox, ObjectBox, Point } from './types.ts';

/** Above this many arrows, back-references enter one way only: each way costs a routing of the whole picture. */
const ENTRY_CHOICES_UP_TO = 60;

export interface Arranged extends Placed {
  arrows: Arrow[];
  /** Crossings of back-references with the forward chains they close (entryScore's first figure). */
  chainCrossings: number;
}

/**
 * Boxes placed (reflowed to `fitWidth` with at most `breakCrossings` references crossing a band break) and arrows
 * routed.
 */
export function arrange(collected: Collected, fitWidth: number, breakCrossings: number): Arranged {
  return routeReferences(collected, placeBoxes(collected, fitWidth, breakCrossings));
}

/** Pre: boxes placed. Post: every reference drawn at some step routed as an arrow, around the boxes shown with it. */
export function routeReferences(collected: Collected, placed: Placed): Arranged {
  const { frames, objects } = placed;
  const boxes: (FrameBox | ObjectBox)[] = [...frames.map((f) => f.box), ...objects.map((o) => o.box)];
  const objectById = new Map(objects.map((o) => [o.box.id, o.box]));

  // Arrows: one per (source box, row, part, target), over the steps where both ends are drawn.
  const arrowSteps = new Map<
    string,
    {
      from: FrameBox | ObjectBox;
      slot: number;
      part: 'value' | 'key';
      to: string;
      faded: boolean;
      steps: number[];
      dot: { x: number; y: number };
    }
  >();
  for (const box of boxes) {
    for (const version of box.versions) {
      for (const row of version.rows) {
        const ends = [
          row.to && row.dot ? { part: 'value' as const, to: row.to, dot: row.dot } : undefined,
          row.keyTo && row.keyDot ? { part: 'key' as const, to: row.keyTo, dot: row.keyDot } : undefined,
        ];
        for (const end of ends) {
          if (!end || !objectById.has(end.to)) continue;
          // Arrows out of a faded box (unreachable, exited) are faded with it.
          const faded = version.unreachable === true || version.exited === true;
          const key = `${box.id}\u0000${row.slot}\u0000${end.part}\u0000${end.to}\u0000${faded}`;
          let entry = arrowSteps.get(key);
          if (!entry)
            arrowSteps.set(
              key,
              (entry = { from: box, slot: row.slot, part: end.part, to: end.to, faded, steps: [], dot: end.dot }),
            );
          for (const [a, b] of version.steps)
            for (let s = a; s <= b; s++) if (collected.objectsAt[s - 1]?.has(end.to)) entry.steps.push(s);
        }
      }
    }
  }
  const drawn = [...arrowSteps.values()].filter((a) => a.steps.length > 0);
  const { entryChoices, chainOf } = backReferences(drawn, objectById);
  const requestsWith = (entries: Map<string, number>) =>
    drawn
      .map((a): RouteRequest & { slot: number; part: 'value' | 'key'; faded: boolean } => {
        const target = objectById.get(a.to)!;
        // Back references (a cycle's closing edge, a parent link) enter the target from the right, below its rows that
        // go back too (back-references.ts).
        const backwards = a.from.kind !== 'frame' && (a.from as ObjectBox).column >= target.column;
        const chain = backwards ? chainOf(a.from.id, a.to) : undefined;
        return {
          from: a.from.id,
          to: a.to,
          slot: a.slot,
          part: a.part,
          faded: a.faded,
          steps: rangesOf(a.steps),
          start: { x: a.from.x + a.dot.x, y: a.from.y + a.dot.y },
          sourceRight: a.from.x + a.from.width,
          end: backwards
            ? { x: target.x + target.width, y: target.y + (entries.get(a.to) ?? ANCHOR_Y) }
            : { x: target.x, y: target.y + ANCHOR_Y },
          endSide: backwards ? ('right' as const) : ('left' as const),
          ...(chain ? { chain } : {}),
        };
      })
      .sort(
        (a, b) =>
          a.steps[0]![0] - b.steps[0]![0] ||
          a.start.x - b.start.x ||
          a.start.y - b.start.y ||
          (a.to < b.to ? -1 : a.to > b.to ? 1 : 0),
      );
  const right = Math.max(MARGIN, ...boxes.map((b) => b.x + b.width));
  const bottom = Math.max(MARGIN, ...boxes.map((b) => b.y + b.height));
  // Arrows stay right of the frames' column: a reference looping round its own frame's outside
  // edge reads as a second border. Rows wrapped under the frames (a chain wrap) are reached below them.
  const framesRight = Math.max(MARGIN / 2, ...frames.map((f) => f.box.x + f.box.width));
  const underFrames = objects.some((o) => o.box.x < framesRight);
  const routeLeft = underFrames ? MARGIN / 2 : framesRight;
  const obstacles: Obstacle[] = [
    ...boxes.map((b) => ({
      id: b.id,
      x: b.x,
      y: b.y,
      width: b.width,
      height: b.height,
      steps: stepsWithFreedMark(b, objects),
    })),
    ...(underFrames
      ? [
          besideFrames(
            frames.map((f) => f.box),
            routeLeft,
            framesRight,
            boxes,
          ),
        ]
      : []),
  ];
  const bounds = { x: routeLeft, y: MARGIN / 2, width: right + 40 - routeLeft + MARGIN / 2, height: bottom + 40 };
  // Where back-references enter is chosen by measurement: each way is routed, the one that scores least kept; many
  // arrows are routed once, the first way.
  let best: { requests: ReturnType<typeof requestsWith>; paths: Point[][]; score: number[] } | undefined;
  const searches = new SearchCache();
  for (const entries of drawn.length > ENTRY_CHOICES_UP_TO ? entryChoices.slice(0, 1) : entryChoices) {
    const requests = requestsWith(entries);
    const paths = routeArrows(requests, obstacles, bounds, searches);
    const score = entryScore(requests, paths);
    if (!best || lexicallyLess(score, best.score)) best = { requests, paths, score };
  }
  const { requests, paths, score } = best!;
  const arrows: Arrow[] = requests.map((r, i) => ({
    from: r.from,
    slot: r.slot,
    part: r.part,
    to: r.to,
    steps: r.steps,
    points: paths[i]!,
    ...(r.faded ? { faded: true } : {}),
  }));
  return { frames, objects, arrows, chainCrossings: score[0]! };
}

/** Whether `a` comes before `b` compared figure by figure, the first that differs deciding. */
function lexicallyLess(a: number[], b: number[]): boolean {
  const k = a.findIndex((v, i) => v !== b[i]);
  return k >= 0 && a[k]! < b[k]!;
}

/**
 * The frames' column from the route's left edge to (a clearance short of) the frames' right edge, over the whole run,
 * as one obstacle: arrows into rows wrapped under the frames go round below it, not along the frames' outside edge.
 */
function besideFrames(frames: FrameBox[], left: number, right: number, boxes: (FrameBox | ObjectBox)[]): Obstacle {
  const bottom = Math.max(0, ...frames.map((f) => f.y + f.height));
  const last = Math.max(1, ...boxes.map((b) => lastStep(b.steps)));
  return { id: '', x: left, y: 0, width: right - ARROW_CLEARANCE - left, height: bottom, steps: [[1, last + 1]] };
}

/** A freed object's box still stands, as a ghost, at the step it is freed: arrows avoid it then too. */
function stepsWithFreedMark(box: FrameBox | ObjectBox, objects: { record: { id: string; freedAt?: number } }[]) {
  const freedAt = objects.find((o) => o.record.id === box.id)?.record.freedAt;
  if (freedAt === undefined) return box.steps;
  return rangesOf([...box.steps.flatMap(([a, b]) => Array.from({ length: b - a + 1 }, (_, i) => a + i)), freedAt]);
}
