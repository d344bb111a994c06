// The router's search parts: the priority queue pops by half unit of key, newest first, whatever the keys,
// and the search cache answers a repeated search with the path a fresh search finds.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BucketQueue } from '../../src/layout/route/queue.ts';
import { SearchCache } from '../../src/layout/route/search-cache.ts';
import { findPath } from '../../src/layout/route/search.ts';
import type { Segment } from '../../src/layout/route/types.ts';

/** A small deterministic generator (mulberry32), so a failure names its seed. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('the search queue', () => {
  it('pops from the lowest half unit of key, the last pushed first, with pushes and pops interleaved', () => {
    const queue = new BucketQueue();
    for (let seed = 1; seed <= 40; seed++) {
      const next = random(seed);
      queue.clear();
      const pending: { bucket: number; order: number }[] = [];
      let order = 0;
      for (let op = 0; op < 600; op++) {
        if (pending.length === 0 || next() < 0.6) {
          // Few distinct keys, so equal buckets are common, as in A*; halves, keys below 0 and
          // keys past the last bucket too.
          const scale = [0.5, 1, 7, 700000, 0.25][Math.floor(next() * 5)]!;
          const key = Math.floor(next() * 12) * scale - (seed % 7 === 0 ? 2 : 0);
          const item = { bucket: Math.max(0, Math.min(1 << 20, Math.floor(key * 2))), order: order++ };
          pending.push(item);
          queue.push(key, item.order);
        } else {
          pending.sort((a, b) => a.bucket - b.bucket || b.order - a.order);
          assert.equal(queue.pop(), pending.shift()!.order, `seed ${seed}, op ${op}`);
        }
        assert.equal(queue.size, pending.length);
      }
    }
  });
});

describe('the search cache', () => {
  const seg = (ax: number, ay: number, bx: number, by: number): Segment => ({
    a: { x: ax, y: ay },
    b: { x: bx, y: by },
    from: 'f',
    to: 'o',
    steps: [[1, 1]],
    first: 1,
    last: 1,
  });
  const bounds = { x: 0, y: 0, width: 400, height: 300 };
  const blocking = [{ x0: 150, x1: 250, y0: 80, y1: 200 }];
  const others = [seg(120, 40, 120, 260), seg(100, 150, 300, 150)];

  it('gives what a fresh search gives, as a copy the caller may change', () => {
    const cache = new SearchCache();
    const exit = { x: 60, y: 140 };
    const entry = { x: 330, y: 120 };
    const fresh = findPath(exit, entry, 0, blocking, others, bounds);
    assert.ok(fresh && fresh.length >= 2);
    const first = cache.findPath(exit, entry, 0, blocking, others, bounds);
    assert.deepEqual(first, fresh);
    first![0]!.x = -1;
    assert.deepEqual(cache.findPath(exit, entry, 0, blocking, others, bounds), fresh);
  });

  it('tells inputs apart that differ only in an arrow around or in the order of the arrows', () => {
    const cache = new SearchCache();
    const exit = { x: 60, y: 140 };
    const entry = { x: 330, y: 120 };
    const moved = [seg(120, 40, 120, 260), seg(100, 130, 300, 130)];
    assert.deepEqual(
      cache.findPath(exit, entry, 0, blocking, others, bounds),
      findPath(exit, entry, 0, blocking, others, bounds),
    );
    assert.deepEqual(
      cache.findPath(exit, entry, 0, blocking, moved, bounds),
      findPath(exit, entry, 0, blocking, moved, bounds),
    );
    const reversed = [...others].reverse();
    assert.deepEqual(
      cache.findPath(exit, entry, 0, blocking, reversed, bounds),
      findPath(exit, entry, 0, blocking, reversed, bounds),
    );
  });
});
