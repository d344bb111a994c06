// The state at one step in words: the <desc> of the diagram, for screen readers and search.
import type { StepState } from '../trace/fold-trace.ts';
import { describeLoops } from './describe-loop.ts';
import { includesStep } from './step-ranges.ts';
import type { ChangeMark, FrameBox, ObjectBox } from './types.ts';

const eventWords: Record<string, string> = {
  call: 'a function is called',
  line: 'about to run the line',
  return: 'a function returns',
  exception: 'an exception passes',
};

export function describeStep(
  state: StepState,
  total: number,
  frames: FrameBox[],
  objects: ObjectBox[],
  marks: ChangeMark[],
  error: string | undefined,
): string {
  const s = state.index;
  const parts = [
    `Step ${s} of ${total}, line ${state.step.line}: ${eventWords[state.step.event] ?? state.step.event}.`,
  ];
  const summaries = (boxes: (FrameBox | ObjectBox)[]) =>
    boxes.flatMap((b) => b.versions.filter((v) => includesStep(v.steps, s)).map((v) => v.summary));
  const frameWords = summaries(frames);
  parts.push(frameWords.length ? `Frames, outermost first: ${frameWords.join('. ')}.` : 'No frames.');
  parts.push(...describeLoops(state.stack));
  const objectWords = summaries(objects);
  if (objectWords.length) parts.push(`Objects: ${objectWords.join('. ')}.`);
  const changes = marks.filter((m) => m.step === s);
  // A departed object is named by what it was: its box is no longer there to say it.
  const name = (m: ChangeMark) => (m.was ? `${m.target} (${m.was})` : m.target);
  const named = (kind: string) => changes.filter((m) => m.change === kind && !m.dropped).map(name);
  const dropped = changes.filter((m) => m.dropped).map(name);
  const changeWords = [
    named('new').length ? `new ${named('new').join(', ')}` : '',
    named('changed').length ? `changed ${named('changed').join(', ')}` : '',
    named('rebound').length ? `names rebound in ${[...new Set(named('rebound'))].join(', ')}` : '',
    named('freed').length ? `freed ${named('freed').join(', ')}` : '',
    dropped.length ? `no longer referenced ${dropped.join(', ')}` : '',
  ].filter(Boolean);
  if (changeWords.length) parts.push(`At this step: ${changeWords.join('; ')}.`);
  if (error) parts.push(error);
  return parts.join(' ');
}
