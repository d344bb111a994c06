// Layer assignment: every object one layer beyond the furthest box that refers to it, so a chain
// reads left to right and a tree grows one layer per level; frames are layer 0.
import type { StructureGraph } from '../structure-graph.ts';
import { edgeKey } from './break-cycles.ts';

/**
 * Pre: `back` breaks every cycle of `graph`. Post: frames have layer 0, every object layer >= 1,
 * and for every edge u -> v not in `back`, layer(v) >= layer(u) + 1, with equality for at least
 * one edge into v (v sits right after its furthest parent). A frame's reference only anchors an
 * object at layer >= 1; the heap's own references decide how far right it goes.
 */
export function longestPathLayers(graph: StructureGraph, back: Set<string>): Map<string, number> {
  const pending = new Map<string, number>();
  for (const node of graph.nodes)
    pending.set(node.id, graph.in.get(node.id)!.filter((e) => !back.has(edgeKey(e))).length);
  const layer = new Map<string, number>();
  const ready = graph.nodes.filter((n) => pending.get(n.id) === 0).map((n) => n.id);
  for (const id of ready) layer.set(id, graph.byId.get(id)!.frame ? 0 : 1);
  for (let i = 0; i < ready.length; i++) {
    const id = ready[i]!;
    const here = layer.get(id)!;
    for (const edge of graph.out.get(id)!) {
      if (back.has(edgeKey(edge))) continue;
      layer.set(edge.to, Math.max(layer.get(edge.to) ?? 1, here + 1));
      const left = pending.get(edge.to)! - 1;
      pending.set(edge.to, left);
      if (left === 0) ready.push(edge.to);
    }
  }
  return layer;
}
