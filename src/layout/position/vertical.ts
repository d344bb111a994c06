// Vertical coordinates of the objects, layer by layer in the order phase's order: each level with
// the median of the rows that refer to it, as far as the boxes above it in its layer allow.
import { ANCHOR_Y, BOX_GAP } from '../metrics.ts';
import { edgeKey, type Ranked } from '../rank/index.ts';
import { together, type GraphEdge, type StructureGraph } from '../structure-graph.ts';
import { nearestFreeY } from './free-space.ts';

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[(sorted.length - 1) >> 1]!;
};

/**
 * Pre: `y` holds the frames; `layers` from the order phase. Post: `y` holds every object too; in a
 * layer, boxes that stand at a common step never overlap and keep the layer's order, except boxes
 * that want the very same place (one name's successive values), which take turns in the free room
 * rather than stepping down as a staircase. No box is above `top`.
 */
export function verticalPositions(graph: StructureGraph, ranked: Ranked, layers: string[][], y: Map<string, number>, top: number): void {
  const node = (id: string) => graph.byId.get(id)!;
  const forward = (e: GraphEdge) => !ranked.back.has(edgeKey(e));
  // Where each referring row wants a box: its top ANCHOR_Y above the row's dot.
  const fromParents = (id: string) => {
    const into = graph.in.get(id)!.filter((e) => forward(e) && y.has(e.from));
    const held = into.filter((e) => !node(e.from).frame);
    return (held.length ? held : into).map((e) => y.get(e.from)! + e.rowY - ANCHOR_Y);
  };

  for (let k = 1; k < layers.length; k++) {
    const placed: { id: string; desired: number }[] = [];
    for (const id of layers[k]!) {
      const box = node(id);
      const wants = fromParents(id);
      const desired = Math.max(top, wants.length ? median(wants) : top);
      const standing = placed.map((p) => ({ ...p, node: node(p.id) })).filter((p) => together(p.node, box));
      const min = Math.max(top, ...standing.filter((p) => Math.abs(p.desired - desired) > 0.5).map((p) => y.get(p.id)! + p.node.geometry.height + BOX_GAP));
      const spans = standing.map((p) => ({ first: p.node.first, last: p.node.last, y: y.get(p.id)!, height: p.node.geometry.height }));
      y.set(id, nearestFreeY(Math.max(desired, min), min, box.geometry.height, box, spans));
      placed.push({ id, desired });
    }
  }
}
