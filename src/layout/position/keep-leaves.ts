// Leaves at a band's edge: an object that refers to nothing (a node's int, a cell's int, a dict's
// str) is not carried into the next band, away from what holds it; it stays in its holder's layer.
import type { Ranked } from '../rank/index.ts';
import type { StructureGraph } from '../structure-graph.ts';
import type { Columns } from './bands.ts';

/**
 * Pre: `columns` from layerColumns for `layers`. Post: for the first layer k > 1 that starts a new
 * band and holds leaves (objects with no reference out), those leaves are appended to layer k - 1
 * in their order, their layer in `ranked` becomes k - 1, and an emptied layer is removed (later
 * layers move one down); returns whether anything moved, so the caller reflows and asks again.
 * Arrows into a kept leaf run back into its right side, a few pixels from their row, instead of
 * round the diagram into the band below.
 */
export function keepLeavesInBand(graph: StructureGraph, ranked: Ranked, layers: string[][], columns: Columns): boolean {
  for (let k = 2; k < layers.length; k++) {
    if (columns.band[k] === columns.band[k - 1]) continue;
    const leaves = layers[k]!.filter((id) => graph.out.get(id)!.length === 0);
    if (!leaves.length) continue;
    layers[k - 1]!.push(...leaves);
    for (const id of leaves) ranked.layer.set(id, k - 1);
    layers[k] = layers[k]!.filter((id) => !leaves.includes(id));
    if (layers[k]!.length === 0) {
      layers.splice(k, 1);
      for (const layer of layers.slice(k)) for (const id of layer) ranked.layer.set(id, ranked.layer.get(id)! - 1);
    }
    return true;
  }
  return false;
}
