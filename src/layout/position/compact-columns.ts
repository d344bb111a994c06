// Columns closed up: a box moves left past the wide boxes of earlier layers that stand above or
// below it, as far as the boxes beside it and the boxes that refer to it allow.
import { BOX_GAP, COLUMN_GAP } from '../metrics.ts';
import type { Ranked } from '../rank/index.ts';
import { edgeKey } from '../rank/index.ts';
import type { GraphEdge, GraphNode, StructureGraph } from '../structure-graph.ts';

/** Boxes of different layers that come this close above or below each other (or overlap) keep a
 * column gap between them. Two box gaps leave a lane for arrows between a box and a wide one it
 * slides under: with one, the structure snippets crossed 8 % more over all their steps. */
export const BESIDE = 2 * BOX_GAP;
/** Boxes of one layer that would start less than this apart start together, at the rightmost of
 * them: a few px of arrow are not worth a ragged column. */
const ALIGN_WITHIN = COLUMN_GAP / 3;

/** The references into a box of layer k from earlier layers of its band, cycle-closing ones left out: its parents. */
function parentEdges(graph: StructureGraph, ranked: Ranked, band: number[], id: string, k: number): GraphEdge[] {
  return graph.in.get(id)!.filter((e) => {
    const from = ranked.layer.get(e.from)!;
    return from < k && band[from] === band[k] && !ranked.back.has(edgeKey(e));
  });
}

/**
 * Pre: `x` holds every box's column start (layerColumns), `y` every box's top, `band` every
 * layer's band. Post, for every object (layers 1 and on, in order), x is the least of its old x
 * and the smallest x that keeps it COLUMN_GAP right of:
 * - every box of an earlier layer in its band that stands at a common step and whose rows come
 *   within BESIDE of its own (the boxes beside it);
 * - every box of an earlier layer in its band that refers to it forward (those arrows keep
 *   leaving rightwards);
 * - its band's first object column (`start`), so the frames' column stays clear;
 * and no further left than a box of its own layer that refers to it. Then boxes of a layer that one
 * box refers to, and boxes that would start less than ALIGN_WITHIN apart, start together at the
 * rightmost of them.
 * No box moves right, no two boxes shown together come to overlap, and every forward reference
 * still runs from left to right. Each layer is closed up after the ones before it, so a chain of
 * boxes under a wide one moves as a whole.
 */
export function compactColumns(
  graph: StructureGraph,
  ranked: Ranked,
  layers: string[][],
  band: number[],
  start: (band: number) => number,
  x: Map<string, number>,
  y: Map<string, number>,
): void {
  const node = (id: string) => graph.byId.get(id)!;
  const right = (id: string) => x.get(id)! + node(id).geometry.width;
  const beside = (a: GraphNode, b: GraphNode) =>
    a.first <= b.last &&
    b.first <= a.last &&
    y.get(a.id)! < y.get(b.id)! + b.geometry.height + BESIDE &&
    y.get(b.id)! < y.get(a.id)! + a.geometry.height + BESIDE;
  for (let k = 1; k < layers.length; k++) {
    const earlier = layers.slice(0, k).flatMap((layer, j) => (band[j] === band[k] ? layer : []));
    const parents = layers[k]!.map((id) => parentEdges(graph, ranked, band, id, k));
    const least = new Map<string, number>();
    for (const [i, id] of layers[k]!.entries()) {
      const box = node(id);
      let at = start(band[k]!);
      for (const other of earlier) if (beside(node(other), box)) at = Math.max(at, right(other) + COLUMN_GAP);
      for (const e of parents[i]!) at = Math.max(at, right(e.from) + COLUMN_GAP);
      least.set(id, at);
    }
    // A box referred to from its own layer stays no further left than the box referring to it:
    // that arrow runs round into its right edge and would only grow.
    for (let changed = true; changed; ) {
      changed = false;
      for (const id of layers[k]!) {
        for (const e of graph.in.get(id)!) {
          if (ranked.layer.get(e.from) !== k || least.get(e.from)! <= least.get(id)!) continue;
          least.set(id, least.get(e.from)!);
          changed = true;
        }
      }
    }
    const starts = alignNear(
      alignSiblings(
        graph,
        parents,
        layers[k]!,
        layers[k]!.map((id) => Math.min(x.get(id)!, least.get(id)!)),
      ),
    );
    layers[k]!.forEach((id, i) => x.set(id, starts[i]!));
  }
}

/** Post: boxes of one type in the layer that one box of an earlier layer of the band refers to (siblings,
 * joined in chains) all start at the rightmost start among them: a box's children of a kind read
 * as one column, while its scalars may sit nearer. */
function alignSiblings(graph: StructureGraph, parents: GraphEdge[][], layer: string[], starts: number[]): number[] {
  const group = layer.map((_, i) => i);
  const root = (i: number): number => (group[i] === i ? i : (group[i] = root(group[i]!)));
  const childOf = new Map<string, number>();
  layer.forEach((id, i) => {
    for (const e of parents[i]!) {
      const key = `${e.from}\u0000${graph.byId.get(id)!.type}`;
      const sibling = childOf.get(key);
      if (sibling === undefined) childOf.set(key, i);
      else group[root(i)] = root(sibling);
    }
  });
  const rightmost = new Map<number, number>();
  starts.forEach((v, i) => rightmost.set(root(i), Math.max(rightmost.get(root(i)) ?? -Infinity, v)));
  return starts.map((_, i) => rightmost.get(root(i))!);
}

/** Post: each value raised to the largest of those within ALIGN_WITHIN of it, in a chain. */
function alignNear(values: number[]): number[] {
  const sorted = [...new Set(values)].sort((a, b) => a - b);
  const to = new Map<number, number>();
  for (let i = sorted.length - 1; i >= 0; i--) {
    const next = sorted[i + 1];
    to.set(sorted[i]!, next !== undefined && next - sorted[i]! < ALIGN_WITHIN ? to.get(next)! : sorted[i]!);
  }
  return values.map((v) => to.get(v)!);
}
