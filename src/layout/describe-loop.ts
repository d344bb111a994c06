// The event loop's frame in words: which task runs, which are ready, which wait and where (the step's <desc>).
import type { Frame, LoopTask } from '../trace/types.ts';

/** Words for each event-loop frame of the stack, e.g. "Event loop at 1 s: running Task-2; ready: Task-3; ...". */
export function describeLoops(stack: readonly Frame[]): string[] {
  return stack
    .filter((frame) => frame.loop === true)
    .map((frame) => {
      const tasks = frame.tasks ?? [];
      const named = (state: LoopTask['state']) => tasks.filter((task) => task.state === state);
      const clock = frame.clock !== undefined ? ` at ${frame.clock} s` : '';
      const running = named('running').map((task) => task.name);
      const ready = named('ready').map((task) => task.name);
      const where = (task: LoopTask) => (task.waitsAt ? ` (${task.waitsAt})` : '');
      const waiting = named('waiting').map((task) =>
        task.line === undefined ? task.name : `${task.name} at line ${task.line}${where(task)}`,
      );
      const parts = [
        running.length ? `running ${running.join(', ')}` : 'no task running',
        `ready: ${ready.length ? ready.join(', ') : 'none'}`,
        `waiting: ${waiting.length ? waiting.join(', ') : 'none'}`,
      ];
      return `Event loop${clock}: ${parts.join('; ')}.`;
    });
}
