// Where a chain wrap may break its rows: only between links of a chain, so each row goes on where
// the last one ended and nothing but the chain's own reference returns to the next row.
import { edgeKey, type Ranked } from '../rank/index.ts';
import type { StructureGraph } from '../structure-graph.ts';

/**
 * Pre: `ranked` layers every node. Post, for every layer k: 0 when every reference between objects
 * that ends just past a break before k (as crossingCounts in index.ts counts them) is a chain link (between
 * two objects of one type: a node's next, a list's inner list) or leaves a chain node (its value,
 * kept in its band by keep-leaves.ts), with at least one chain link among them; Infinity otherwise.
 */
export function chainBreaks(graph: StructureGraph, ranked: Ranked, layerCount: number): number[] {
  const links = Array.from({ length: layerCount }, () => 0);
  const others = Array.from({ length: layerCount }, () => 0);
  const node = (id: string) => graph.byId.get(id)!;
  const inChain = new Set<string>();
  for (const edges of graph.out.values())
    for (const e of edges)
      if (!node(e.from).frame && !ranked.back.has(edgeKey(e)) && node(e.from).type === node(e.to).type)
        inChain.add(e.from).add(e.to);
  for (const edges of graph.out.values()) {
    for (const e of edges) {
      if (ranked.back.has(edgeKey(e)) || node(e.from).frame) continue;
      const link = node(e.from).type === node(e.to).type;
      const to = ranked.layer.get(e.to)!;
      for (let k = Math.max(ranked.layer.get(e.from)! + 1, to - 1); k <= to; k++)
        if (link) links[k]!++;
        else if (!inChain.has(e.from) || graph.out.get(e.to)!.length > 0) others[k]!++;
    }
  }
  return links.map((n, k) => (n > 0 && others[k] === 0 ? 0 : Infinity));
}
