// Position phase: x from the layers (reflowed into bands when too wide), y as level with the rows
// that refer to each box as its layer's order and the bands allow (vertical.ts), then the
// columns closed up where wide boxes leave room above or below (compact-columns.ts).
import type { Ranked } from '../rank/index.ts';
import { edgeKey } from '../rank/index.ts';
import type { StructureGraph } from '../structure-graph.ts';
import { layerColumns, WRAP_START } from './bands.ts';
import { chainBreaks } from './chain-breaks.ts';
import { compactColumns } from './compact-columns.ts';
import { keepLeavesInBand } from './keep-leaves.ts';
import { placeFrames } from './place-frames.ts';
import { verticalPositions } from './vertical.ts';

export { layerColumns } from './bands.ts';

export interface Positioned {
  x: Map<string, number>;
  y: Map<string, number>;
}

/**
 * Pre: `layers` from the order phase; `breakCrossings`: how many references may cross a band break,
 * or 'chains': a chain wrap (bands break only between chain links, rows after the first start at
 * WRAP_START under the frames). Post: every box has x, y; boxes shown at a common step never overlap (same layer:
 * stacked in order with BOX_GAP; different layers: different columns or bands); no box is above
 * `top`; a band starts below everything above it; an object is as far left as the boxes of earlier
 * layers beside it and those referring to it allow (see compactColumns). Objects' y keep the rows
 * that refer to them as level with them as the layers and bands allow (see verticalPositions).
 */
export function position(
  graph: StructureGraph,
  ranked: Ranked,
  layers: string[][],
  below: Map<string, Set<string>>,
  top: number,
  fitWidth: number,
  breakCrossings: number | 'chains',
): Positioned {
  const node = (id: string) => graph.byId.get(id)!;
  const widthsOf = () => layers.map((l) => Math.max(0, ...l.map((id) => node(id).geometry.width)));
  const chains = breakCrossings === 'chains';
  const columnsOf = () =>
    chains
      ? layerColumns(widthsOf(), chainBreaks(graph, ranked, layers.length), fitWidth, 0, WRAP_START)
      : layerColumns(widthsOf(), crossingCounts(graph, ranked, layers.length), fitWidth, breakCrossings);
  let columns = columnsOf();
  // Each move narrows a band or removes a layer, so this ends.
  while (keepLeavesInBand(graph, ranked, layers, columns)) columns = columnsOf();
  const y = placeFrames(layers[0]!.map(node), below, top);
  verticalPositions(graph, ranked, layers, columns.band, y, top);
  const x = new Map<string, number>();
  layers.forEach((l, k) => l.forEach((id) => x.set(id, columns.x[k]!)));
  // Each band's first object column: what its boxes close up to.
  const bandStart = (b: number) => columns.x[columns.band.findIndex((of, k) => k > 0 && of === b)]!;
  if (layers.length > 1) compactColumns(graph, ranked, layers, columns.band, bandStart, x, y);
  return { x, y };
}

/** References from layers before k to layers k and on, for every k: where a band may break. */
function crossingCounts(graph: StructureGraph, ranked: Ranked, layerCount: number): number[] {
  const crossing = Array.from({ length: layerCount }, () => 0);
  for (const edges of graph.out.values()) {
    for (const e of edges) {
      if (ranked.back.has(edgeKey(e))) continue;
      // Only references between objects that end just past a break make it hard to read; long
      // ones and the frames' go round anyway.
      if (graph.byId.get(e.from)!.frame) continue;
      const to = ranked.layer.get(e.to)!;
      for (let k = Math.max(ranked.layer.get(e.from)! + 1, to - 1); k <= to; k++) crossing[k]!++;
    }
  }
  return crossing;
}
