// One layout for every step of a trace, so nothing moves while a reader steps, in named phases:
//   read      the trace checked, its heap objects typed, every step's state folded (src/trace)
//   collect   a record per frame and object: the steps it is shown at and its rows at each (collect-boxes.ts)
//   arrange   boxes placed once for the run, reflowed into bands when too wide, arrows routed (choose-reflow.ts)
//   mark      change marks: what is new, changed, rebound or freed at each step (change-marks.ts)
//   key       the legend of what the diagram draws, and the picture's size with it (place-legend.ts)
//   describe  each step in words, for screen readers and search (describe-step.ts)
import { checkTrace } from '../trace/check-trace.ts';
import { foldTrace, type StepState } from '../trace/fold-trace.ts';
import type { Trace } from '../trace/types.ts';
import type { Arranged } from './arrange-boxes.ts';
import { frameMarks, objectMarks } from './change-marks.ts';
import { chooseReflow } from './choose-reflow.ts';
import { collectBoxes, type Collected } from './collect-boxes.ts';
import { describeStep } from './describe-step.ts';
import { resolveLayoutOptions, type LayoutOptions, type ResolvedLayoutOptions } from './layout-options.ts';
import { measureText } from './measure-text.ts';
import { MARGIN } from './metrics.ts';
import { layoutKey, placeLegend } from './place-legend.ts';
import { includesStep } from './step-ranges.ts';
import type { ChangeMark, Layout, LegendSample, StepInfo } from './types.ts';

export type { LayoutOptions } from './layout-options.ts';

/**
 * Pre: `trace` is any value. Post: the state of every step, in order, its heap objects typed.
 * Throws a TraceShapeError naming the first place (step, frame, object, field) that is not a trace v1.
 */
function read(trace: Trace): StepState[] {
  checkTrace(trace);
  return foldTrace(trace);
}

/**
 * Pre: the state of every step (`read`), the options resolved. Post: a record per frame and per
 * object drawn at some step, with the steps it is shown at and its sized rows at each; hidden
 * names, shortened structures and the caps on frames and objects applied, and `leftOut` says so.
 */
function collect(states: StepState[], options: ResolvedLayoutOptions): Collected {
  return collectBoxes(states, options);
}

/**
 * Pre: the records (`collect`). Post: every box placed once for the whole run and every arrow routed;
 * reflowed into bands only when wider than `fitWidth` (0: never) and the reflow reads as well.
 */
function arrange(collected: Collected, fitWidth: number, lastStep: number): Arranged {
  return chooseReflow(collected, fitWidth, lastStep);
}

/**
 * Pre: boxes placed and arrows routed (`arrange`). Post: the marks of every frame and object,
 * sorted by step (a stable sort: frames' marks before objects' at one step, each in box order).
 */
function mark(arranged: Arranged): ChangeMark[] {
  return [
    ...arranged.frames.flatMap((f) => frameMarks(f.record, f.box)),
    ...arranged.objects.flatMap((o) => objectMarks(o.record, o.box)),
  ].sort((a, b) => a.step - b.step);
}

/**
 * Pre: boxes, arrows and marks final. Post: the key (legend entries of the samples drawn, notes of
 * what was left out) and the picture's size; the legend and notes placed under everything else,
 * or left to the caller (empty, with the size of the drawing alone) when `withLegend` is false.
 */
function key(collected: Collected, arranged: Arranged, marks: ChangeMark[], withLegend: boolean) {
  const { frames, objects, arrows } = arranged;
  const boxes = [...frames.map((f) => f.box), ...objects.map((o) => o.box)];
  const right = Math.max(MARGIN, ...boxes.map((b) => b.x + b.width));
  const bottom = Math.max(MARGIN, ...boxes.map((b) => b.y + b.height));
  const contentBottom = Math.max(bottom, ...arrows.flatMap((a) => a.points.map((p) => p.y)));
  // Badges of change marks may reach past their box: the picture holds them too.
  const markRight = marks.map((m) =>
    m.label
      ? m.label.anchor === 'end'
        ? m.label.x
        : m.label.x + measureText(m.label.text, m.label.face, m.label.size)
      : 0,
  );
  const contentRight = Math.max(right, ...arrows.flatMap((a) => a.points.map((p) => p.x)), ...markRight);
  // The legend explains only what this diagram draws.
  const used: Record<LegendSample, boolean> = {
    mutable: objects.some((o) => o.box.mutable),
    immutable: objects.some((o) => !o.box.mutable),
    running: frames.length > 0,
    change: marks.length > 0,
    unreachable: objects.some((o) => o.box.versions.some((v) => v.unreachable)),
    immortal: objects.some((o) => o.box.immortal),
  };
  const words = layoutKey(used, collected.leftOut);
  // Pages show the key in HTML, where it wraps with the column: their picture is only the drawing.
  const placed = withLegend
    ? placeLegend(words, contentRight, contentBottom)
    : { legend: [], notes: [], width: Math.ceil(contentRight + MARGIN), height: Math.ceil(contentBottom + MARGIN) };
  return { key: words, ...placed };
}

/**
 * Pre: boxes and marks final. Post: per step its line, event and description: the frames and
 * objects shown at it, its changes, and at the last step how the run stopped when it failed.
 */
function describe(trace: Trace, states: StepState[], arranged: Arranged, marks: ChangeMark[]): StepInfo[] {
  const frameBoxes = arranged.frames.map((f) => f.box);
  const objectBoxes = arranged.objects.map((o) => o.box);
  const { error } = trace;
  const stopped = error
    ? `The run stopped with ${error.type}: ${error.message}${error.line ? ` at line ${error.line}` : ''}.`
    : undefined;
  return states.map((state) => ({
    line: state.step.line,
    event: state.step.event,
    description: describeStep(
      state,
      states.length,
      frameBoxes.filter((b) => includesStep(b.steps, state.index)),
      objectBoxes.filter((b) => includesStep(b.steps, state.index)),
      marks,
      state.index === states.length ? stopped : undefined,
    ),
  }));
}

/** The layout of every step of `trace`: the phases above, in order. */
export function traceToLayout(trace: Trace, options?: LayoutOptions): Layout {
  const states = read(trace);
  const resolved = resolveLayoutOptions(options);
  const collected = collect(states, resolved);
  const arranged = arrange(collected, resolved.fitWidth || 0, states.length);
  const marks = mark(arranged);
  const { key: words, legend, notes, width, height } = key(collected, arranged, marks, resolved.legend);
  const steps = describe(trace, states, arranged, marks);
  const frames = arranged.frames.map((f) => f.box);
  const objects = arranged.objects.map((o) => o.box);
  const { arrows } = arranged;
  return { width, height, stepsTotal: states.length, steps, frames, objects, arrows, marks, legend, notes, key: words };
}
