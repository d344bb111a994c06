// One barycentre sweep: each layer sorted by the mean place of its neighbours in the layers
// already swept, the classic heuristic of layered layouts for few crossings.
import type { OrderedEdge } from './estimate-crossings.ts';

export type Direction = 'down' | 'up';

/**
 * Pre: `layers[k]` lists the boxes of layer k; `place` is their index in it. Post: the same boxes,
 * each layer (but the frames' layer 0) stably sorted by the mean place of its parents ('down';
 * objects' parents in the layer just before first, as a long reference (the list that built a
 * tree) is routed round anyway; then any objects' parents; frames only for what no object holds;
 * layers 1..n, the rows' heights counted) or of its children ('up', layers n-1..1); a box without
 * such neighbours keeps its place. Each neighbour counts by `weight` of the edge to it. `place` is
 * updated with the layers.
 */
export function sweep(
  layers: string[][],
  place: Map<string, number>,
  edges: { into: Map<string, OrderedEdge[]>; outOf: Map<string, OrderedEdge[]> },
  direction: Direction,
  weight: (e: OrderedEdge) => number,
  layerOf: Map<string, number>,
): void {
  const order =
    direction === 'down'
      ? layers.map((_, k) => k).slice(1)
      : layers
          .map((_, k) => k)
          .slice(1)
          .reverse();
  for (const k of order) {
    const layer = layers[k]!;
    const key = new Map<string, number>();
    for (const id of layer) {
      const into = edges.into.get(id) ?? [];
      const held = into.filter((e) => !e.from.frame);
      const adjacent = held.filter((e) => layerOf.get(e.from.id) === k - 1);
      const near =
        direction === 'down'
          ? (adjacent.length ? adjacent : held.length ? held : into).map(
              (e) => [place.get(e.from.id)! + e.port * 0.9, weight(e)] as const,
            )
          : (edges.outOf.get(id) ?? []).map((e) => [place.get(e.to.id)!, weight(e)] as const);
      const total = near.reduce((s, [, w]) => s + w, 0);
      key.set(id, total > 0 ? near.reduce((s, [v, w]) => s + v * w, 0) / total : place.get(id)!);
    }
    layer.sort((a, b) => key.get(a)! - key.get(b)! || place.get(a)! - place.get(b)!);
    layer.forEach((id, i) => place.set(id, i));
  }
}
