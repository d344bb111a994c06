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
import { MARGIN, SMALL_SIZE } from './metrics.ts';
import { includesStep } from './step-ranges.ts';
import type { FrameBox, Layout, LegendItem, ObjectBox, TextSpan } from './types.ts';

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
