// trace-to-layout: one layout for every step of a trace, so nothing moves while a reader steps.
import { foldTrace } from '../trace/fold-trace.ts';
import type { Trace } from '../trace/types.ts';
import { frameMarks, objectMarks } from './change-marks.ts';
import { checkTrace } from './check-trace.ts';
import { collectBoxes } from './collect-boxes.ts';
import { describeStep } from './describe-step.ts';
import { resolveLayoutOptions, type LayoutOptions } from './layout-options.ts';
import { measureText } from './measure-text.ts';
import { chooseReflow } from './choose-reflow.ts';
import { MARGIN } from './metrics.ts';
import { layoutKey, placeLegend } from './place-legend.ts';
import { includesStep } from './step-ranges.ts';
import type { FrameBox, Layout, LegendSample, ObjectBox } from './types.ts';

export type { LayoutOptions } from './layout-options.ts';

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
  const used: Record<LegendSample, boolean> = {
    mutable: objects.some((o) => o.box.mutable),
    immutable: objects.some((o) => !o.box.mutable),
    running: frames.length > 0,
    change: marks.length > 0,
    unreachable: objects.some((o) => o.box.versions.some((v) => v.unreachable)),
    immortal: objects.some((o) => o.box.immortal),
  };
  const key = layoutKey(used, collected.leftOut);
  // Pages show the key in HTML, where it wraps with the column: their picture is only the drawing.
  const { legend, notes, width, height } = resolved.legend
    ? placeLegend(key, contentRight, contentBottom)
    : { legend: [], notes: [], width: Math.ceil(contentRight + MARGIN), height: Math.ceil(contentBottom + MARGIN) };

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

  return { width, height, stepsTotal: states.length, steps, frames: frameBoxes, objects: objectBoxes, arrows, marks, legend, notes, key };
}
