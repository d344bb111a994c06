// The search's priority queue: one bucket per half unit of key, each a stack, in typed arrays
// grown by doubling and kept between searches. Every key the search makes is a multiple of 0.5.

/** Keys from here on (in half units) share the last bucket, so any diagram keeps a bounded number of buckets. */
const LAST_BUCKET = 1 << 20;

/** The bucket of a key: one per half unit, keys below 0 in the first and keys past LAST_BUCKET in the last. */
function bucketOf(key: number): number {
  return Math.max(0, Math.min(LAST_BUCKET, Math.floor(key * 2)));
}

/**
 * Pre: keys are finite, values integers >= 0. Post: pop() returns a value of the lowest bucket not
 * empty, the one pushed last of them (so searches are deterministic): of equally promising states
 * A* then follows the newest, the one a step nearer the goal, instead of opening the whole
 * rectangle around a free path. Push and pop take constant time (pop amortised: A*'s keys only
 * grow, so the lowest bucket is found by stepping up from the last one).
 */
export class BucketQueue {
  private values = new Int32Array(1024);
  /** Entry below each entry in its bucket's stack, -1 at the bottom. */
  private below = new Int32Array(1024);
  /** Top entry of each bucket, -1 when empty. */
  private tops = new Int32Array(1024).fill(-1);
  private entries = 0;
  private length = 0;
  /** No bucket below `lowest` holds an entry; none above `highest` was filled since clear(). */
  private lowest = 0;
  private highest = -1;
  get size() {
    return this.length;
  }

  /** Post: empty, entries numbered from 0 again. */
  clear(): void {
    if (this.highest >= 0) this.tops.fill(-1, 0, this.highest + 1);
    this.length = 0;
    this.entries = 0;
    this.lowest = LAST_BUCKET;
    this.highest = -1;
  }

  push(key: number, value: number): void {
    if (this.entries === this.values.length) {
      const values = new Int32Array(this.values.length * 2);
      values.set(this.values);
      this.values = values;
      const below = new Int32Array(this.below.length * 2);
      below.set(this.below);
      this.below = below;
    }
    const k = bucketOf(key);
    if (k >= this.tops.length) {
      const tops = new Int32Array(Math.min(LAST_BUCKET + 1, Math.max(k + 1, this.tops.length * 2))).fill(-1);
      tops.set(this.tops);
      this.tops = tops;
    }
    const entry = this.entries++;
    this.values[entry] = value;
    this.below[entry] = this.tops[k]!;
    this.tops[k] = entry;
    this.length++;
    if (k < this.lowest) this.lowest = k;
    if (k > this.highest) this.highest = k;
  }

  /** Pre: size > 0. */
  pop(): number {
    const tops = this.tops;
    let k = this.lowest;
    while (tops[k]! < 0) k++;
    this.lowest = k;
    const entry = tops[k]!;
    tops[k] = this.below[entry]!;
    this.length--;
    return this.values[entry]!;
  }
}
