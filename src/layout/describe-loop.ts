// The event loop's frame in words: which task runs, which are ready, which wait and where (the step's <desc>).
import type { Frame } from '../trace/types.ts';

/** One task as the tracer describes it in the event loop's frame. */
export interface LoopTask {
  name: string;
  state: 'running' | 'ready' | 'waiting';
  line?: number;
  waitsAt?: string;
}

/** Words for each event-loop frame of the stack, e.g. "Event loop at 1 s: running Task-2; ready: Task-3; ...". */
export function describeLoops(stack: readonly Frame[]): string[] {
  return stack.filter((frame) => frame['loop'] === true).map((frame) => {
    const tasks = (frame['tasks'] as LoopTask[] | undefined) ?? [];
    const named = (state: LoopTask['state']) => tasks.filter((task) => task.state === state);
    const clock = typeof frame['clock'] === 'number' ? ` at ${frame['clock']} s` : '';
    const running = named('running').map((task) => task.name);
    const ready = named('ready').map((task) => task.name);
    const where = (task: LoopTask) => (task.waitsAt ? ` (${task.waitsAt})` : '');
    const waiting = named('waiting').map((task) =>
      task.line === undefined ? task.name : `${task.name} at line ${task.line}${where(task)}`);
    const parts = [
      running.length ? `running ${running.join(', ')}` : 'no task running',
      `ready: ${ready.length ? ready.join(', ') : 'none'}`,
      `waiting: ${waiting.length ? waiting.join(', ') : 'none'}`,
    ];
    return `Event loop${clock}: ${parts.join('; ')}.`;
  });
}
