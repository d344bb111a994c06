// Rank phase: break cycles, then give every box its layer (its column, counted from the frames).
import type { StructureGraph } from '../structure-graph.ts';
import { backEdges } from './break-cycles.ts';
import { longestPathLayers } from './longest-path.ts';

export { edgeKey } from './break-cycles.ts';

export interface Ranked {
  /** Layer of every box: 0 for frames. */
  layer: Map<string, number>;
  /** Edges that close a cycle, drawn back towards the left. */
  back: Set<string>;
}

/** Pre: a structure graph. Post: every node has a layer; see longestPathLayers for the rule. */
export function rank(graph: StructureGraph): Ranked {
  const back = backEdges(graph);
  return { layer: longestPathLayers(graph, back), back };
}
