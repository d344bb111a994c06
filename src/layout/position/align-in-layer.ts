// Within its layer's column a box narrower than the widest sits where its arrows are shortest: at
// the column's right edge when more of its references leave forward than arrive, else at the left.
import type { Ranked } from '../rank/index.ts';
import type { GraphEdge, StructureGraph } from '../structure-graph.ts';

/** Arrows times the steps each is drawn: what a reader stepping through sees. */
const stepsReferred = (e: GraphEdge) => e.rows.reduce((sum, r) => sum + r.steps, 0);

/**
 * Pre: `x` holds each box's column start and `widths[k]` is layer k's widest box. Post: an object
 * whose rows refer forward (to later layers) for more steps than rows of earlier layers refer to it is
 * moved right by its slack (column width - its width); every other box keeps its x. A box never
 * leaves its column, so no two boxes come to overlap. Moving right by d shortens each forward
 * arrow out by d and lengthens each arrow in by d: the sign of the difference decides.
 */
export function alignInLayer(graph: StructureGraph, ranked: Ranked, layers: string[][], widths: number[], x: Map<string, number>): void {
  layers.forEach((layer, k) => {
    if (k === 0) return;
    for (const id of layer) {
      const slack = widths[k]! - graph.byId.get(id)!.geometry.width;
      if (slack <= 0) continue;
      let balance = 0;
      for (const e of graph.out.get(id)!) if (ranked.layer.get(e.to)! > k) balance += stepsReferred(e);
      for (const e of graph.in.get(id)!) if (ranked.layer.get(e.from)! < k) balance -= stepsReferred(e);
      if (balance > 0) x.set(id, x.get(id)! + slack);
    }
  });
}
