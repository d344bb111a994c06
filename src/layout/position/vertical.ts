// Vertical coordinates of the objects: the layer order kept, every box as close to level with the
// rows that refer to it as the others allow, solved for all boxes at once (network simplex, as dot
// places nodes within ranks), so a child's place also pulls on its parent's, not only the reverse.
import { ANCHOR_Y, BOX_GAP } from '../metrics.ts';
import { BAND_GAP } from './bands.ts';
import { edgeKey, type Ranked } from '../rank/index.ts';
import { together, type EdgeRow, type GraphEdge, type StructureGraph } from '../structure-graph.ts';
import { networkSimplex, type SimplexEdge } from './network-simplex.ts';

/** Extra weight of a reference still drawn at the last step, in steps: the end state reads best. */
const LAST_STEP_WEIGHT = 3;
/** Weight of a reference closing a cycle (a prev, a parent): it only breaks ties, so the forward structure lies
 * straight. Weighing half its steps, a doubly linked list's nodes zig-zagged and its prev arrows crossed the nexts. */
const BACK_WEIGHT = 1;

/**
 * Pre: `y` holds the frames (one rigid column); `layers` from the order phase. Post: `y` holds
 * every object; in a layer, boxes that stand at a common step keep the layer's order, BOX_GAP
 * apart; boxes that never stand together may share room (one name's successive values take the
 * same place). The sum over referring rows of weight * (distance between the row and the target's
 * arrow anchor) is minimal under these rules, a row weighing the steps it refers (more when it
 * still refers at the last step, less when its target has many referrers, least when it closes a cycle);
 * frames' rows count only for objects no object refers to. No box is above `top`.
 */
export function verticalPositions(
  graph: StructureGraph,
  ranked: Ranked,
  layers: string[][],
  band: number[],
  y: Map<string, number>,
  top: number,
): void {
  const node = (id: string) => graph.byId.get(id)!;
  const lastStep = Math.max(0, ...graph.nodes.map((n) => n.last));
  const objects = layers.slice(1).flat();
  const terms: Term[] = [];
  // An object many boxes refer to (None, a shared value) cannot be level with all of them: its
  // references weigh less, so it does not pull its referrers out of line.
  const sharedBy = (id: string) =>
    new Set(
      graph.in
        .get(id)!
        .filter((e) => !node(e.from).frame)
        .map((e) => e.from),
    ).size || 1;
  const weight = (e: GraphEdge, row: EdgeRow) => {
    const base =
      (row.steps + (row.last >= lastStep ? LAST_STEP_WEIGHT * lastStep : 0)) /
      (node(e.from).frame ? 1 : sharedBy(e.to));
    return ranked.back.has(edgeKey(e)) ? BACK_WEIGHT : Math.max(1, Math.round(base));
  };
  for (const id of objects) {
    const into = graph.in.get(id)!.filter((e) => y.has(e.from) || !node(e.from).frame);
    const held = into.filter((e) => !node(e.from).frame);
    for (const e of held.length ? held : into) {
      const fromFrame = node(e.from).frame;
      for (const row of e.rows) {
        terms.push({
          target: id,
          source: fromFrame ? undefined : e.from,
          offset: (fromFrame ? y.get(e.from)! - top : 0) + row.y - ANCHOR_Y,
          weight: weight(e, row),
        });
      }
    }
  }
  // Separation: in each layer, each box below the earlier boxes that stand with it.
  const gaps: Gap[] = [];
  for (const layer of layers.slice(1).map((l) => interleaveRivals(graph, l, lastStep))) {
    for (let j = 1; j < layer.length; j++) {
      const b = node(layer[j]!);
      const covered: number[] = [];
      for (let i = j - 1; i >= 0; i--) {
        const a = node(layer[i]!);
        if (!together(a, b)) continue;
        // Implied through a box between that stands with both.
        if (covered.some((k) => together(a, node(layer[k]!)))) continue;
        covered.push(i);
        gaps.push({ above: a.id, below: b.id, distance: a.geometry.height + BOX_GAP });
      }
    }
  }
  // Bands: each starts below everything above it, the frames included.
  const bandOf = new Map(layers.flatMap((l, k) => l.map((id) => [id, band[k] ?? 0] as const)));
  const frameBottom = Math.max(0, ...layers[0]!.map((id) => y.get(id)! + node(id).geometry.height - top));
  const solved = solveTerms(objects, terms, gaps, {
    of: bandOf,
    height: (id) => node(id).geometry.height,
    frameBottom,
  });
  for (const id of objects) y.set(id, top + solved.get(id)!);
}

/** y(target) - y(source) wants to be `offset`; no source: relative to the frame column's top. */
interface Term {
  target: string;
  source: string | undefined;
  offset: number;
  weight: number;
}
/** y(below) - y(above) >= distance. */
interface Gap {
  above: string;
  below: string;
  distance: number;
}

/** Reflowed layers: the band of every object and what the bands' tops depend on. */
interface Bands {
  of: Map<string, number>;
  height: (id: string) => number;
  frameBottom: number;
}

/** Pre: terms and gaps over `objects` (a term without source is relative to the frame column at 0).
 * Post: y >= 0 for every object, every gap kept, every object of band b > 0 BAND_GAP below every
 * box of band b - 1 (the frames are in band 0), the sum of weight * |y(target) - y(source) - offset|
 * minimal. */
function solveTerms(objects: string[], terms: Term[], gaps: Gap[], bands: Bands): Map<string, number> {
  // Node 0 is the frame column; objects follow, then one node for the top of each band after the
  // first; then one extra node per term turns its |difference| into two edges out of it.
  const index = new Map(objects.map((id, i) => [id, i + 1]));
  const count0 = objects.length + 1;
  const last = Math.max(0, ...bands.of.values());
  const bandTop = (b: number) => count0 + b - 1;
  const edges: SimplexEdge[] = [];
  for (let b = 1; b <= last; b++)
    edges.push({
      tail: b === 1 ? 0 : bandTop(b - 1),
      head: bandTop(b),
      minlen: b === 1 ? bands.frameBottom + BAND_GAP : 0,
      weight: 0,
    });
  for (const id of objects) {
    const b = bands.of.get(id)!;
    edges.push({ tail: b === 0 ? 0 : bandTop(b), head: index.get(id)!, minlen: 0, weight: 0 });
    if (b < last)
      edges.push({ tail: index.get(id)!, head: bandTop(b + 1), minlen: bands.height(id) + BAND_GAP, weight: 0 });
  }
  let count = count0 + last;
  for (const t of terms) {
    const extra = count++;
    edges.push({
      tail: extra,
      head: t.source === undefined ? 0 : index.get(t.source)!,
      minlen: Math.max(0, -t.offset),
      weight: t.weight,
    });
    edges.push({ tail: extra, head: index.get(t.target)!, minlen: Math.max(0, t.offset), weight: t.weight });
  }
  for (const g of gaps)
    edges.push({ tail: index.get(g.above)!, head: index.get(g.below)!, minlen: g.distance, weight: 0 });
  const solved = networkSimplex(count, edges);
  return new Map(objects.map((id) => [id, solved[index.get(id)!]! - solved[0]!]));
}

/** Successive values held by one row (3 or more) before they step down the page as a staircase. */
const RIVALS = 3;

/**
 * Pre: `layer` in the order phase's order. Post: the same boxes; of every group of RIVALS or more
 * boxes referred to by one row (a loop variable's successive values) and gone before the last
 * step (what stays keeps the order chosen for few crossings), those born 1st, 3rd, 5th...
 * come before those born 2nd, 4th... in the places the group held, so each value overlaps the
 * next one from the other side and the group takes two places, not one per value.
 */
function interleaveRivals(graph: StructureGraph, layer: string[], lastStep: number): string[] {
  const groups = new Map<string, string[]>();
  for (const id of layer) {
    if (graph.byId.get(id)!.last >= lastStep) continue;
    for (const e of graph.in.get(id)!) {
      const key = `${e.from}\u0000${e.rowY}`;
      (groups.get(key) ?? groups.set(key, []).get(key)!).push(id);
    }
  }
  const result = [...layer];
  for (const members of groups.values()) {
    if (members.length < RIVALS) continue;
    const places = members.map((id) => result.indexOf(id)).sort((a, b) => a - b);
    const born = [...members].sort(
      (a, b) =>
        graph.byId.get(a)!.first - graph.byId.get(b)!.first || graph.byId.get(a)!.index - graph.byId.get(b)!.index,
    );
    const interleaved = [...born.filter((_, i) => i % 2 === 0), ...born.filter((_, i) => i % 2 === 1)];
    places.forEach((place, i) => {
      result[place] = interleaved[i]!;
    });
  }
  return result;
}
