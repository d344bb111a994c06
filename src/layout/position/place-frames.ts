// Frames in one column on the left, outermost on top, each below every frame that was under it
// on the stack; frames never shown at one step (two tasks' coroutines) share room.
import type { GraphNode } from '../structure-graph.ts';
import { BOX_GAP } from '../metrics.ts';
import { nearestFreeY, type Span } from './free-space.ts';

/**
 * Pre: `frames` in order of first appearance; `below` gives the frames under each one. Post: a y
 * for every frame such that frames shown at a common step never overlap and a frame sits below
 * every frame that was under it; all frames share one width.
 */
export function placeFrames(frames: GraphNode[], below: Map<string, Set<string>>, top: number): Map<string, number> {
  const spans = new Map<string, Span>();
  const ys = new Map<string, number>();
  for (const frame of frames) {
    const under = [...(below.get(frame.id) ?? [])].map((id) => spans.get(id)).filter((s): s is Span => s !== undefined);
    const min = Math.max(top, ...under.map((s) => s.y + s.height + BOX_GAP));
    const y = nearestFreeY(min, min, frame.geometry.height, frame, [...spans.values()]);
    spans.set(frame.id, {
      first: frame.first,
      last: frame.last,
      ...(frame.shown ? { shown: frame.shown } : {}),
      y,
      height: frame.geometry.height,
    });
    ys.set(frame.id, y);
  }
  return ys;
}
