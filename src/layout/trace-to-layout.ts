// trace-to-layout: one layout for every step of a trace, so nothing moves while a reader steps.
import { foldTrace } from '../trace/fold-trace.ts';
import type { Trace } from '../trace/types.ts';
import { frameMarks, objectMarks } from './change-marks.ts';
import { checkTrace } from './check-trace.ts';
import { collectBoxes } from './collect-boxes.ts';
import { describeStep } from './describe-step.ts';
import { resolveLayoutOptions, type LayoutOptions } from './layout-options.ts';
import { measureText } from './measure-text.ts';
import { ANCHOR_Y, MARGIN, SMALL_SIZE } from './metrics.ts';
import { placeBoxes, type Placed } from './place-boxes.ts';
import { MAX_BREAK_CROSSINGS } from './position/bands.ts';
import type { Collected } from './collect-boxes.ts';
import { countCrossings, routeArrows, type RouteRequest } from './route/index.ts';
import { includesStep, rangesOf } from './step-ranges.ts';
import type { Arrow, FrameBox, Layout, LegendItem, ObjectBox, TextSpan } from './types.ts';

export type { LayoutOptions } from './layout-options.ts';

const LEGEND: { sample: LegendItem['sample']; text: string }[] = [
  { sample: 'mutable', text: 'mutable object (square corners, solid)' },
  { sample: 'immutable', text: 'immutable object (round corners, dashed)' },
  { sample: 'running', text: 'running frame (thick border)' },
  { sample: 'change', text: 'changed at this step (dotted outline)' },
  { sample: 'unreachable', text: 'unreachable: kept alive only by a cycle (faded)' },
  { sample: 'immortal', text: 'immortal: CPython never frees it (None, True, small ints...)' },
];

export function traceToLayout(trace: Trace, options?: LayoutOptions): Layout {
  checkTrace(trace);
  const resolved = resolveLayoutOptions(options);
  const states = foldTrace(trace);
  const collected = collectBoxes(states, resolved);
  const { frames, objects, arrows } = chooseReflow(collected, resolved.fitWidth || 0, states.length);
  const boxes: (FrameBox | ObjectBox)[] = [...frames.map((f) => f.box), ...objects.map((o) => o.box)];
  const right = Math.max(MARGIN, ...boxes.map((b) => b.x + b.width));
  const bottom = Math.max(MARGIN, ...boxes.map((b) => b.y + b.height));

  const marks = [
    ...frames.flatMap((f) => frameMarks(f.record, f.box)),
    ...objects.flatMap((o) => objectMarks(o.record, o.box)),
  ].sort((a, b) => a.step - b.step);

  // Legend and notes under everything else.
  const contentBottom = Math.max(bottom, ...arrows.flatMap((a) => a.points.map((p) => p.y)));
  // Badges of change marks may reach past their box: the picture holds them too.
  const markRight = marks.map((m) => (m.label ? (m.label.anchor === 'end' ? m.label.x : m.label.x + measureText(m.label.text, m.label.face, m.label.size)) : 0));
  const contentRight = Math.max(right, ...arrows.flatMap((a) => a.points.map((p) => p.x)), ...markRight);
  // The legend explains only what this diagram draws.
  const used: Record<LegendItem['sample'], boolean> = {
    mutable: objects.some((o) => o.box.mutable),
    immutable: objects.some((o) => !o.box.mutable),
    running: frames.length > 0,
    change: marks.length > 0,
    unreachable: objects.some((o) => o.box.versions.some((v) => v.unreachable)),
    immortal: objects.some((o) => o.box.immortal),
  };
  const legend: LegendItem[] = [];
  let legendX = MARGIN;
  let legendY = contentBottom + 24;
  for (const item of LEGEND) {
    if (!used[item.sample]) continue;
    const width = 22 + measureText(item.text, 'label', SMALL_SIZE);
    if (legendX > MARGIN && legendX + width > Math.max(contentRight, 560)) {
      legendX = MARGIN;
      legendY += 20;
    }
    legend.push({ sample: item.sample, rect: { x: legendX, y: legendY, width: 16, height: 11 }, text: { text: item.text, x: legendX + 22, y: legendY + 10, face: 'label', size: SMALL_SIZE, tone: 'muted' } });
    legendX += width + 18;
  }
  const notes: TextSpan[] = [];
  let noteY = legendY + 34;
  if (collected.leftOut.frames) { notes.push({ text: 'Deeper frames of this run are not drawn.', x: MARGIN, y: noteY, face: 'label', size: SMALL_SIZE, tone: 'muted' }); noteY += 16; }
  if (collected.leftOut.objects) { notes.push({ text: 'Some objects are not drawn: more than fit in one diagram are alive at once (shown as …).', x: MARGIN, y: noteY, face: 'label', size: SMALL_SIZE, tone: 'muted' }); noteY += 16; }

  const width = Math.ceil(Math.max(contentRight, ...legend.map((l) => l.text.x + measureText(l.text.text, 'label', SMALL_SIZE))) + MARGIN);
  const height = Math.ceil((notes.length ? noteY - 16 : legendY + 11) + MARGIN);

  const frameBoxes = frames.map((f) => f.box);
  const objectBoxes = objects.map((o) => o.box);
  const error = trace.error ? `The run stopped with ${trace.error.type}: ${trace.error.message}${trace.error.line ? ` at line ${trace.error.line}` : ''}.` : undefined;
  const steps = states.map((state) => ({
    line: state.step.line,
    event: state.step.event,
    description: describeStep(
      state, states.length,
      frameBoxes.filter((b) => includesStep(b.steps, state.index)),
      objectBoxes.filter((b) => includesStep(b.steps, state.index)),
      marks, state.index === states.length ? error : undefined,
    ),
  }));

  return { width, height, stepsTotal: states.length, steps, frames: frameBoxes, objects: objectBoxes, arrows, marks, legend, notes };
}

interface Arranged extends Placed { arrows: Arrow[] }

/** Boxes placed (reflowed to `fitWidth` with at most `breakCrossings` references crossing a band break) and arrows routed. */
function arrange(collected: Collected, fitWidth: number, breakCrossings: number): Arranged {
  const { frames, objects } = placeBoxes(collected, fitWidth, breakCrossings);
  const boxes: (FrameBox | ObjectBox)[] = [...frames.map((f) => f.box), ...objects.map((o) => o.box)];
  const objectById = new Map(objects.map((o) => [o.box.id, o.box]));

  // Arrows: one per (source box, row, part, target), over the steps where both ends are drawn.
  const arrowSteps = new Map<string, { from: FrameBox | ObjectBox; slot: number; part: 'value' | 'key'; to: string; faded: boolean; steps: number[]; dot: { x: number; y: number } }>();
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
          if (!entry) arrowSteps.set(key, (entry = { from: box, slot: row.slot, part: end.part, to: end.to, faded, steps: [], dot: end.dot }));
          for (const [a, b] of version.steps) for (let s = a; s <= b; s++) if (collected.objectsAt[s - 1]?.has(end.to)) entry.steps.push(s);
        }
      }
    }
  }
  const requests: (RouteRequest & { slot: number; part: 'value' | 'key'; faded: boolean })[] = [...arrowSteps.values()]
    .filter((a) => a.steps.length > 0)
    .map((a) => {
      const target = objectById.get(a.to)!;
      // Back references (a cycle's closing edge, a parent link) enter the target from the right.
      const backwards = a.from.kind !== 'frame' && (a.from as ObjectBox).column >= target.column;
      return {
        from: a.from.id, to: a.to, slot: a.slot, part: a.part, faded: a.faded, steps: rangesOf(a.steps),
        start: { x: a.from.x + a.dot.x, y: a.from.y + a.dot.y }, sourceRight: a.from.x + a.from.width,
        end: { x: backwards ? target.x + target.width : target.x, y: target.y + ANCHOR_Y }, endSide: backwards ? 'right' as const : 'left' as const,
      };
    })
    .sort((a, b) => a.steps[0]![0] - b.steps[0]![0] || a.start.x - b.start.x || a.start.y - b.start.y || (a.to < b.to ? -1 : a.to > b.to ? 1 : 0));
  const right = Math.max(MARGIN, ...boxes.map((b) => b.x + b.width));
  const bottom = Math.max(MARGIN, ...boxes.map((b) => b.y + b.height));
  // Arrows stay right of the frames' column: a reference looping round its own frame's outside
  // edge reads as a second border.
  const routeLeft = Math.max(MARGIN / 2, ...frames.map((f) => f.box.x + f.box.width));
  const paths = routeArrows(requests, boxes.map((b) => ({ id: b.id, x: b.x, y: b.y, width: b.width, height: b.height, steps: stepsWithFreedMark(b, objects) })), {
    x: routeLeft, y: MARGIN / 2, width: right + 40 - routeLeft + MARGIN / 2, height: bottom + 40,
  });
  const arrows: Arrow[] = requests.map((r, i) => ({ from: r.from, slot: r.slot, part: r.part, to: r.to, steps: r.steps, points: paths[i]!, ...(r.faded ? { faded: true } : {}) }));
  return { frames, objects, arrows };
}

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
function chooseReflow(collected: Collected, fitWidth: number, lastStep: number): Arranged {
  const wide = arrange(collected, 0, 0);
  const wideFigures = figuresOf(wide, lastStep);
  if (fitWidth <= 0 || wideFigures.width <= fitWidth) return wide;
  let best: { arranged: Arranged; figures: ReturnType<typeof figuresOf> } | undefined;
  const tried = new Set<string>();
  for (const breakCrossings of BREAK_CROSSINGS) {
    const arranged = arrange(collected, fitWidth, breakCrossings);
    const key = arranged.objects.map((o) => `${o.box.x},${o.box.y}`).join(' ');
    if (tried.has(key)) continue;
    tried.add(key);
    const f = figuresOf(arranged, lastStep);
    const readsAsWell = f.width < wideFigures.width && f.crossings <= wideFigures.crossings && f.lastCrossings <= wideFigures.lastCrossings
      && f.length <= REFLOW_LENGTH * wideFigures.length && f.lastLength <= REFLOW_LENGTH * wideFigures.lastLength;
    if (readsAsWell && (!best || f.crossings < best.figures.crossings || (f.crossings === best.figures.crossings && f.length < best.figures.length))) best = { arranged, figures: f };
  }
  return best?.arranged ?? wide;
}

/** What a reflow is judged by: width, crossings and arrow length, over the run and at the last step. */
function figuresOf(arranged: Arranged, lastStep: number) {
  const boxes = [...arranged.frames, ...arranged.objects].map((b) => b.box);
  const width = Math.max(MARGIN, ...boxes.map((b) => b.x + b.width), ...arranged.arrows.flatMap((a) => a.points.map((p) => p.x))) + MARGIN;
  const lengthOf = (arrows: Arrow[]) => arrows.reduce((sum, a) => sum + a.points.slice(1).reduce((n, p, i) => n + Math.abs(p.x - a.points[i]!.x) + Math.abs(p.y - a.points[i]!.y), 0), 0);
  const last = arranged.arrows.filter((a) => includesStep(a.steps, lastStep));
  return { width, crossings: countCrossings(arranged.arrows).crossings, lastCrossings: countCrossings(last).crossings, length: lengthOf(arranged.arrows), lastLength: lengthOf(last) };
}

/** A freed object's box still stands, as a ghost, at the step it is freed: arrows avoid it then too. */
function stepsWithFreedMark(box: FrameBox | ObjectBox, objects: { record: { id: string; freedAt?: number } }[]) {
  const freedAt = objects.find((o) => o.record.id === box.id)?.record.freedAt;
  if (freedAt === undefined) return box.steps;
  return rangesOf([...box.steps.flatMap(([a, b]) => Array.from({ length: b - a + 1 }, (_, i) => a + i)), freedAt]);
}
