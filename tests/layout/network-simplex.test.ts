// Network simplex, the solver of vertical placement, against exhaustive search on small random
// constraint graphs: always feasible, never costlier than the best integer placement.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { networkSimplex, type SimplexEdge } from '../../src/layout/position/network-simplex.ts';

/** A fixed linear congruential sequence: the same graphs at every run. */
function numbers(seed: number): (below: number) => number {
  let state = seed;
  return (below) => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state % below;
  };
}

const cost = (edges: SimplexEdge[], y: number[]) =>
  edges.reduce((sum, e) => sum + e.weight * (y[e.head]! - y[e.tail]!), 0);
const feasible = (edges: SimplexEdge[], y: number[]) => edges.every((e) => y[e.head]! - y[e.tail]! >= e.minlen);

/** The cheapest feasible y with y[0] = 0 and every other y in [-range, range]. */
function exhaustive(n: number, edges: SimplexEdge[], range: number): number {
  let best = Infinity;
  const y = new Array<number>(n).fill(0);
  const next = (i: number) => {
    if (i === n) {
      if (feasible(edges, y)) best = Math.min(best, cost(edges, y));
      return;
    }
    for (let v = -range; v <= range; v++) {
      y[i] = v;
      next(i + 1);
    }
  };
  next(1);
  return best;
}

describe('network simplex', () => {
  it('finds a feasible placement of least cost on 400 small random graphs', () => {
    const random = numbers(7);
    for (let trial = 0; trial < 400; trial++) {
      const n = 2 + random(3);
      const edges: SimplexEdge[] = [];
      for (let v = 1; v < n; v++) edges.push({ tail: random(v), head: v, minlen: random(4), weight: random(4) });
      for (let k = random(4); k > 0; k--) {
        const [a, b] = [random(n), random(n)];
        if (a < b) edges.push({ tail: a, head: b, minlen: random(4) - 1, weight: random(5) });
      }
      const y = networkSimplex(n, edges);
      assert.ok(feasible(edges, y), `infeasible on ${JSON.stringify(edges)}`);
      assert.equal(Math.min(...y), 0);
      assert.equal(cost(edges, y), exhaustive(n, edges, 12), `not the least cost on ${JSON.stringify(edges)}`);
    }
  });

  it('pulls a node between two others to where the heavier edge wants it', () => {
    // a -> b wants 10 (weight 3), b -> c wants 0 beyond its minimum 5 (weight 1), a -> c at least 30.
    const y = networkSimplex(3, [
      { tail: 0, head: 1, minlen: 10, weight: 3 },
      { tail: 1, head: 2, minlen: 5, weight: 1 },
      { tail: 0, head: 2, minlen: 30, weight: 0 },
    ]);
    assert.deepEqual(y, [0, 10, 30]);
  });

  it('says so when the constraints have a cycle', () => {
    assert.throws(
      () =>
        networkSimplex(2, [
          { tail: 0, head: 1, minlen: 1, weight: 1 },
          { tail: 1, head: 0, minlen: 1, weight: 1 },
        ]),
      /cycle/,
    );
  });
});
