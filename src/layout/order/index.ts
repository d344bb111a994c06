// Order phase: the top-to-bottom order of the boxes in each layer, chosen for few crossings;
// siblings follow the rows of their parent, so a list of lists reads as a grid.
import type { Ranked } from '../rank/index.ts';
import { edgeKey } from '../rank/index.ts';
import type { StructureGraph } from '../structure-graph.ts';
import { sweep } from './barycentre.ts';
import { estimateCrossings, runOf, weightOf, type OrderedEdge } from './estimate-crossings.ts';

/** Sweeps tried (down then up, alternately); the ordering with the fewest estimated crossings wins. */
const SWEEPS = 8;
/** Above this many references, fewer sweeps: the estimate is quadratic in them. */
const LARGE = 400;

/**
 * Pre: every node ranked. Post: `layers[k]` holds exactly the boxes of layer k; layer 0 keeps the
 * frames in stack order. The first order is that of a depth-first walk from the frames along rows
 * top to bottom (a tree's subtrees stay together); sweeps only replace it when they cross less.
 */
export function order(graph: StructureGraph, ranked: Ranked): string[][] {
  const { layer, back } = ranked;
  const depth = Math.max(0, ...layer.values());
  const layers: string[][] = Array.from({ length: depth + 1 }, () => []);
  const seen = new Set<string>();
  const visit = (root: string) => {
    const stack = [root];
    while (stack.length) {
      const id = stack.pop()!;
      if (seen.has(id)) continue;
      seen.add(id);
      layers[layer.get(id)!]!.push(id);
      const next = graph.out
        .get(id)!
        .filter((e) => !back.has(edgeKey(e)))
        .map((e) => e.to);
      for (let i = next.length - 1; i >= 0; i--) if (!seen.has(next[i]!)) stack.push(next[i]!);
    }
  };
  for (const node of graph.nodes) visit(node.id);

  // Each reference leaves its box where its rows are on the whole (weighted by the steps they refer).
  const edges: OrderedEdge[] = [];
  const into = new Map<string, OrderedEdge[]>();
  const outOf = new Map<string, OrderedEdge[]>();
  for (const node of graph.nodes) {
    const height = Math.max(1, node.geometry.height);
    for (const e of graph.out.get(node.id)!) {
      if (back.has(edgeKey(e))) continue;
      const to = graph.byId.get(e.to)!;
      const edge = {
        from: node,
        to,
        port: e.port / height,
        first: Math.max(e.first, to.first),
        last: Math.min(e.last, to.last),
      };
      edges.push(edge);
      (into.get(e.to) ?? into.set(e.to, []).get(e.to)!).push(edge);
      (outOf.get(node.id) ?? outOf.set(node.id, []).get(node.id)!).push(edge);
    }
  }
  const place = new Map<string, number>();
  const setPlaces = (ls: string[][]) => ls.forEach((l) => l.forEach((id, i) => place.set(id, i)));
  setPlaces(layers);
  const first = layers.map((l) => [...l]);
  let best = { layers: first, crossings: estimateCrossings(edges, layer, place) };
  const sweeps = edges.length > LARGE ? 2 : SWEEPS;
  const run = runOf(edges);
  // Sweeps with every neighbour counting alike, then from the same start with each counting by the
  // steps it is shown (the last step more); the first ordering with the fewest crossings wins.
  for (const weight of [() => 1, (e: OrderedEdge) => weightOf(run, e.first, e.last)]) {
    first.forEach((l, k) => {
      layers[k] = [...l];
    });
    setPlaces(layers);
    for (let s = 0; s < sweeps && best.crossings > 0; s++) {
      sweep(layers, place, { into, outOf }, s % 2 === 0 ? 'down' : 'up', weight, layer);
      const crossings = estimateCrossings(edges, layer, place);
      if (crossings < best.crossings) best = { layers: layers.map((l) => [...l]), crossings };
    }
  }
  return best.layers;
}
