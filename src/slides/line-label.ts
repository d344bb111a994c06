// What the current line does at a step, in words, for the mark beside the code on a slide:
// a call, a generator starting or resuming, a value returned or yielded, an exception raised or leaving.
import { generatorStateOf, type StepState } from '../trace/fold-trace.ts';
import type { Ref } from '../trace/types.ts';

export interface LineLabel {
  text: string;
  /** An exception: drawn in the alert colour. */
  alert?: boolean;
}

/** A short name for a value: a scalar's repr when short, else "a list", "a Robot", ... */
function valueWords(state: StepState, ref: unknown): string {
  const object = state.heap.get((ref as Ref | undefined)?.ref ?? '');
  if (!object) return '';
  const repr = object.kind === 'scalar' ? object.repr : undefined;
  return repr !== undefined && repr.length <= 24 ? ` ${repr}` : ` a ${object.type}`;
}

/** The label for step n (1-based) of the folded trace, or undefined when the line simply runs. */
export function lineLabel(states: StepState[], n: number): LineLabel | undefined {
  const state = states[n - 1];
  if (!state) throw new RangeError(`step ${n} is out of range (1..${states.length})`);
  const { step } = state;
  const frame = step.stack.at(-1);
  const name = frame?.name ?? '';
  const module = name === '<module>';
  switch (step.event) {
    case 'call': {
      if (module) return { text: 'start of program' };
      if (!frame?.generator) return { text: `call to ${name}` };
      // The generator object's state before this step says whether its body starts or resumes.
      return { text: generatorStateOf(states[n - 2], frame.id) === 'suspended' ? `${name} resumes` : `${name} starts` };
    }
    case 'exception':
      return { text: `raises ${state.exception?.type ?? 'an exception'}`, alert: true };
    case 'return': {
      // A return straight after an exception in the same frame is the exception leaving it.
      const passing = state.unwinding ? (state.exception?.type ?? 'an exception') : undefined;
      if (passing)
        return { text: module ? `${passing} ends the program` : `${name} passes ${passing} on`, alert: true };
      if (module) return { text: 'end of program' };
      const value = valueWords(state, step.returnValue);
      // A generator frame that returns and stays suspended has yielded.
      const yielded = frame?.generator && generatorStateOf(states[n], frame.id) === 'suspended';
      return { text: `${name} ${yielded ? 'yields' : 'returns'}${value}` };
    }
    default:
      return undefined;
  }
}
