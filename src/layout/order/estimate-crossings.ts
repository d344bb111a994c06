// Crossings of an ordering, estimated before any coordinate exists: every forward reference as a
// straight segment from (layer, place in layer) to (layer, place in layer).
import type { GraphNode } from '../structure-graph.ts';

export interface OrderedEdge {
  from: GraphNode;
  to: GraphNode;
  /** Where the edge leaves its source, as a fraction of the source's height (0 top, 1 bottom). */
  port: number;
  /** Steps the arrow is drawn (first..last). */
  first: number;
  last: number;
}

/** The steps `edges` span, first to last: what an edge's weight is measured against. */
export interface Run {
  start: number;
  end: number;
}

export const runOf = (edges: OrderedEdge[]): Run => {
  const end = edges.reduce((m, e) => Math.max(m, e.last), 0);
  return { start: edges.reduce((m, e) => Math.min(m, e.first), end), end };
};

/** What being shown at the last step adds to a weight: that step is the picture a page shows first, print shows and
 * the CLI draws (1 left the 255-node tree's class box under its tall list in `inline`, crossing there). */
const LAST_STEP_WEIGHT = 4;

/** How much an edge (or a pair shown together from `first` to `last`) counts: its share of the run,
 * plus LAST_STEP_WEIGHT when it is shown at the last step, so short-lived loop values and scaffolding
 * removed before the end weigh little against the structure that stays. */
export const weightOf = (run: Run, first: number, last: number) =>
  Math.max(0, last - first + 1) / (run.end - run.start + 1) + (last === run.end ? LAST_STEP_WEIGHT : 0);

interface EdgeSegment {
  e: OrderedEdge;
  x0: number;
  x1: number;
  y0: number;
  y1: number;
  first: number;
  last: number;
}

/** The segment's height at x, between its ends. */
const heightAt = (s: EdgeSegment, x: number) => s.y0 + ((s.y1 - s.y0) * (x - s.x0)) / (s.x1 - s.x0);

/** Pre: `layer` and `place` hold every endpoint. Post: the pairs of edges, shown at a common step
 * and with no common target, whose segments properly cross, each weighted by weightOf the steps the
 * two are shown together. */
export function estimateCrossings(
  edges: OrderedEdge[],
  layer: Map<string, number>,
  place: Map<string, number>,
): number {
  const run = runOf(edges);
  const segs = edges.map((e): EdgeSegment => {
    const x0 = layer.get(e.from.id)!;
    const x1 = layer.get(e.to.id)!;
    return {
      e,
      x0,
      x1,
      y0: place.get(e.from.id)! + e.port * 0.9,
      y1: place.get(e.to.id)!,
      first: e.first,
      last: e.last,
    };
  });
  let count = 0;
  for (let i = 0; i < segs.length; i++) {
    const a = segs[i]!;
    for (let j = i + 1; j < segs.length; j++) {
      const b = segs[j]!;
      if (a.first > b.last || b.first > a.last) continue;
      // Arrows into one box merge; arrows out of one box cross when their rows and targets disagree.
      if (a.e.to === b.e.to || a.e.to === b.e.from || a.e.from === b.e.to) continue;
      const lo = Math.max(a.x0, b.x0);
      const hi = Math.min(a.x1, b.x1);
      if (lo >= hi) continue;
      const d0 = heightAt(a, lo) - heightAt(b, lo);
      const d1 = heightAt(a, hi) - heightAt(b, hi);
      if (d0 * d1 < 0) count += weightOf(run, Math.max(a.first, b.first), Math.min(a.last, b.last));
    }
  }
  return count;
}
