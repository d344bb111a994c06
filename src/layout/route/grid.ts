// The routing grid: lines along every box edge and lanes inside the gaps, with boxes rasterised
// as closed nodes and blocked edges, and other arrows as prices on the edges they would share.
import type { Point, Rect } from '../types.ts';
import type { Blocker, Segment } from './types.ts';

const CROSS_COST = 60;
/** Crossing the forward chain a back-reference closes (a prev arrow over its next): the chain must read as one. */
const CHAIN_CROSS_COST = 2400;
/** Crossing an arrow drawn at the last step too costs this many times more: that step is the picture shown before any
 * script runs, in print and by the CLI. */
const FINAL_SCALE = 16;
/** Per px of running on another arrow's line: two references drawn as one cannot be told apart. */
const ALONG_COST = 30;
/** Per px of running beside another arrow closer than TRACK_SPACING: a reader could not follow either. */
const NEAR_COST = 12;
/** Passing through a point of another arrow: two arrows meeting at a corner would read as one. */
const TOUCH_COST = 45;
import { TRACK_SPACING } from './scoring.ts';

/** Grid line values gathered for one grid, then sorted and made unique: one typed buffer, kept
 * between grids, so building a grid allocates only the lines it returns. */
class LineSet {
  private values = new Float64Array(256);
  private count = 0;

  /** Post: empty. */
  clear(): this {
    this.count = 0;
    return this;
  }

  /** Adds v rounded to a half pixel. */
  add(v: number): void {
    if (this.count === this.values.length) {
      const grown = new Float64Array(this.count * 2);
      grown.set(this.values);
      this.values = grown;
    }
    this.values[this.count++] = Math.round(v * 2) / 2;
  }

  /** Post: the values from lo to hi (both rounded as added), sorted, each once. */
  sorted(lo = -Infinity, hi = Infinity): Float64Array {
    const sorted = this.values.subarray(0, this.count).sort();
    let n = 0;
    for (let i = 0; i < sorted.length; i++) {
      const v = sorted[i]!;
      if (v < lo || v > hi || (n > 0 && sorted[n - 1] === v)) continue;
      sorted[n++] = v;
    }
    return sorted.slice(0, n);
  }
}
const lineSet = new LineSet();

/** Room between lanes. 8 searched a quarter more grid for the same crossings over every step of
 * both corpora, but for the reflowed doubly linked list (262 against 269); parallel arrows still
 * keep TRACK_SPACING apart. */
export const LANE = 10;
/** Lanes along each edge of a gap too wide to fill with lanes. 6 searched a sixth more grid; of
 * both corpora only the BST came out otherwise, with 2 crossings fewer over all its steps. */
const WIDE_GAP_LANES = 3;

/** Adds to `lines` the lanes inside the gaps between consecutive `edges`. */
function addLanes(edges: Float64Array, lines: LineSet): void {
  for (let i = 1; i < edges.length; i++) {
    const a = edges[i - 1]!;
    const b = edges[i]!;
    lines.add((a + b) / 2);
    const count = Math.floor((b - a) / LANE) - 1;
    if (count >= 2 && b - a <= 120) for (let k = 1; k <= count; k++) lines.add(a + ((b - a) * k) / (count + 1));
    // A wide gap: lanes along both of its edges, where arrows turn towards their targets.
    else if (count >= 2)
      for (let k = 1; k <= WIDE_GAP_LANES; k++) {
        lines.add(a + k * LANE);
        lines.add(b - k * LANE);
      }
  }
}

/** The grid lines along one axis: every blocker's edges, both ends, the bounds, the lanes between
 * them and the other arrows' corners, within the bounds. */
function gridLines(
  axis: 'x' | 'y',
  exit: Point,
  entry: Point,
  blocking: Blocker[],
  others: Segment[],
  lo: number,
  hi: number,
): Float64Array {
  lineSet.clear();
  for (const b of blocking) {
    lineSet.add(axis === 'x' ? b.x0 : b.y0);
    lineSet.add(axis === 'x' ? b.x1 : b.y1);
  }
  for (const v of [exit[axis], entry[axis], lo, hi]) lineSet.add(v);
  // The edges are copied out before the set is refilled with them, their lanes and the corners.
  const edges = lineSet.sorted();
  lineSet.clear();
  for (const v of edges) lineSet.add(v);
  addLanes(edges, lineSet);
  for (const s of others) {
    lineSet.add(s.a[axis]);
    lineSet.add(s.b[axis]);
  }
  return lineSet.sorted(lo, hi);
}

function add(values: Float64Array, index: number, amount: number): void {
  values[index] = values[index]! + amount;
}

/** Index of the first value >= v in sorted `values`. */
export function lowerBound(values: ArrayLike<number>, v: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (values[mid]! < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export interface Grid {
  xs: Float64Array;
  ys: Float64Array;
  nx: number;
  ny: number;
  start: number;
  goal: number;
  closed: Uint8Array;
  hBlocked: Uint8Array;
  vBlocked: Uint8Array;
  hPenalty: Float64Array;
  vPenalty: Float64Array;
  nodePenalty: Float64Array;
}

/**
 * The grid's arrays, kept between grids and grown by doubling: arrows are routed one after another, and fresh arrays
 * per search kept the collector busy.
 */
let buffers = { flags: new Uint8Array(0), prices: new Float64Array(0) };

/** Three zeroed flag arrays and three zeroed price arrays of n cells, views into the shared buffers. */
function zeroedArrays(n: number) {
  if (buffers.flags.length < 3 * n) buffers = { flags: new Uint8Array(6 * n), prices: new Float64Array(6 * n) };
  const flags = buffers.flags.fill(0, 0, 3 * n);
  const prices = buffers.prices.fill(0, 0, 3 * n);
  return {
    closed: flags.subarray(0, n),
    hBlocked: flags.subarray(n, 2 * n),
    vBlocked: flags.subarray(2 * n, 3 * n),
    hPenalty: prices.subarray(0, n),
    vPenalty: prices.subarray(n, 2 * n),
    nodePenalty: prices.subarray(2 * n, 3 * n),
  };
}

/**
 * Pre: exit and entry lie inside bounds. Post: the grid, or undefined when exit or entry is not on
 * it; a node strictly inside a blocker is closed (but exit and entry), an edge whose midpoint is
 * inside one is blocked; every other arrow adds its price to the edges and nodes it occupies.
 * The grid's arrays are shared with the next grid built: a search uses its grid before another.
 */
export function buildGrid(
  exit: Point,
  entry: Point,
  blocking: Blocker[],
  others: Segment[],
  bounds: Rect,
): Grid | undefined {
  // Lanes inside the gaps: their midlines, and in wide gaps one lane every LANE px, so many
  // arrows can run side by side instead of detouring.
  // Other arrows' corners are lines too, so what they occupy is priced exactly, not edge by edge.
  const xs = gridLines('x', exit, entry, blocking, others, bounds.x, bounds.x + bounds.width);
  const ys = gridLines('y', exit, entry, blocking, others, bounds.y, bounds.y + bounds.height);
  const nx = xs.length;
  const ny = ys.length;
  const startI = xs.indexOf(Math.round(exit.x * 2) / 2);
  const startJ = ys.indexOf(Math.round(exit.y * 2) / 2);
  const goalI = xs.indexOf(Math.round(entry.x * 2) / 2);
  const goalJ = ys.indexOf(Math.round(entry.y * 2) / 2);
  if (startI < 0 || startJ < 0 || goalI < 0 || goalJ < 0) return undefined;

  // Rasterise the boxes once: closed nodes, and edges whose midpoint lies inside a box.
  // hBlocked: edge (i, j) -> (i + 1, j); vBlocked: edge (i, j) -> (i, j + 1).
  const { closed, hBlocked, vBlocked, hPenalty, vPenalty, nodePenalty } = zeroedArrays(nx * ny);
  for (const b of blocking) {
    const i0 = lowerBound(xs, b.x0);
    const i1 = lowerBound(xs, b.x1);
    const j0 = lowerBound(ys, b.y0);
    const j1 = lowerBound(ys, b.y1);
    for (let j = j0; j <= j1 && j < ny; j++) {
      for (let i = Math.max(0, i0 - 1); i <= i1 && i < nx; i++) {
        const x = xs[i]!;
        const y = ys[j]!;
        const yInside = y > b.y0 && y < b.y1;
        const xInside = x > b.x0 && x < b.x1;
        if (xInside && yInside) closed[j * nx + i] = 1;
        if (yInside && i + 1 < nx) {
          const mx = (x + xs[i + 1]!) / 2;
          if (mx > b.x0 && mx < b.x1) hBlocked[j * nx + i] = 1;
        }
        if (xInside && j + 1 < ny) {
          const my = (y + ys[j + 1]!) / 2;
          if (my > b.y0 && my < b.y1) vBlocked[j * nx + i] = 1;
        }
      }
    }
    if (j0 > 0) {
      // The row just above the box: vertical edges that enter it.
      const j = j0 - 1;
      for (let i = i0; i < i1 && i < nx; i++) {
        const x = xs[i]!;
        const my = (ys[j]! + ys[j + 1]!) / 2;
        if (x > b.x0 && x < b.x1 && my > b.y0 && my < b.y1) vBlocked[j * nx + i] = 1;
      }
    }
  }
  closed[startJ * nx + startI] = 0;
  closed[goalJ * nx + goalI] = 0;

  // Rasterise the other arrows: a price on crossing them and on running along them.
  for (const seg of others) {
    const crossCost = (seg.chain ? CHAIN_CROSS_COST : CROSS_COST) * (seg.final ? FINAL_SCALE : 1);
    // A path through another's corner reads as crossing it, or as one arrow with it: priced as a crossing.
    for (const corner of seg.final ? [seg.a, seg.b] : []) {
      const [i, j] = [xs.indexOf(corner.x), ys.indexOf(corner.y)];
      if (i >= 0 && j >= 0) add(nodePenalty, j * nx + i, (CROSS_COST * FINAL_SCALE) / 2);
    }
    const row = seg.a.y === seg.b.y ? ys.indexOf(seg.a.y) : -1;
    const column = seg.a.x === seg.b.x ? xs.indexOf(seg.a.x) : -1;
    if (row >= 0) {
      for (let i = lowerBound(xs, Math.min(seg.a.x, seg.b.x)); i < nx && xs[i]! <= Math.max(seg.a.x, seg.b.x); i++)
        add(nodePenalty, row * nx + i, TOUCH_COST);
    } else if (column >= 0) {
      for (let j = lowerBound(ys, Math.min(seg.a.y, seg.b.y)); j < ny && ys[j]! <= Math.max(seg.a.y, seg.b.y); j++)
        add(nodePenalty, j * nx + column, TOUCH_COST);
    }
    if (seg.a.y === seg.b.y) {
      const y = seg.a.y;
      const lo = Math.min(seg.a.x, seg.b.x);
      const hi = Math.max(seg.a.x, seg.b.x);
      const row = ys.indexOf(y);
      for (let near = lowerBound(ys, y - TRACK_SPACING + 0.01); near < ny && ys[near]! < y + TRACK_SPACING; near++) {
        if (ys[near] === y) continue;
        for (let i = lowerBound(xs, lo); i + 1 < nx && xs[i + 1]! <= hi; i++)
          add(hPenalty, near * nx + i, (xs[i + 1]! - xs[i]!) * NEAR_COST);
      }
      for (let i = lowerBound(xs, lo); i < nx && xs[i]! <= hi; i++) {
        if (row >= 0 && i + 1 < nx && xs[i + 1]! <= hi) add(hPenalty, row * nx + i, (xs[i + 1]! - xs[i]!) * ALONG_COST);
        if (xs[i]! > lo && xs[i]! < hi) {
          // Vertical edges at column i that cross y (strictly inside the edge, or ending on it from above).
          const j = lowerBound(ys, y) - 1;
          if (j >= 0 && j + 1 < ny) add(vPenalty, j * nx + i, crossCost);
        }
      }
    } else {
      const x = seg.a.x;
      const lo = Math.min(seg.a.y, seg.b.y);
      const hi = Math.max(seg.a.y, seg.b.y);
      const column = xs.indexOf(x);
      for (let near = lowerBound(xs, x - TRACK_SPACING + 0.01); near < nx && xs[near]! < x + TRACK_SPACING; near++) {
        if (xs[near] === x) continue;
        for (let j = lowerBound(ys, lo); j + 1 < ny && ys[j + 1]! <= hi; j++)
          add(vPenalty, j * nx + near, (ys[j + 1]! - ys[j]!) * NEAR_COST);
      }
      for (let j = lowerBound(ys, lo); j < ny && ys[j]! <= hi; j++) {
        if (column >= 0 && j + 1 < ny && ys[j + 1]! <= hi)
          add(vPenalty, j * nx + column, (ys[j + 1]! - ys[j]!) * ALONG_COST);
        if (ys[j]! > lo && ys[j]! < hi) {
          const i = lowerBound(xs, x) - 1;
          if (i >= 0 && i + 1 < nx) add(hPenalty, j * nx + i, crossCost);
        }
      }
    }
  }

  return {
    xs,
    ys,
    nx,
    ny,
    start: startJ * nx + startI,
    goal: goalJ * nx + goalI,
    closed,
    hBlocked,
    vBlocked,
    hPenalty,
    vPenalty,
    nodePenalty,
  };
}
