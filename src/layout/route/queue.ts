// The search's priority queue: buckets of one unit of key each, a small binary heap in every
// bucket, typed arrays grown by doubling and kept between searches (clear() frees nothing).

/**
 * Pre: keys and ties are finite numbers, values integers >= 0. Post: pop() returns the value of the
 * least key; among equal keys the least tie, then the one pushed first (so searches are
 * deterministic). A* passes the distance left as the tie: of equally promising states the one
 * nearest the goal goes first, so a free path is followed to the end instead of the whole
 * rectangle around it being opened.
 *
 * Every push is an entry numbered in push order, its key, tie and value stored once under that
 * number. An entry goes into bucket floor(key): every key of a lower bucket is less, so the least
 * entry is the top of the lowest bucket not empty, and each bucket's heap stays small. A* pops
 * keys that only grow, so the lowest bucket is found by stepping up from the last one.
 */
/** Keys from here on share the last bucket, so a diagram of any size keeps a bounded number of buckets. */
const LAST_BUCKET = 1 << 16;

/** The bucket of a key: one per unit, keys below 1 in the first and keys past LAST_BUCKET in the last (a heap orders any keys). */
function bucketOf(key: number): number {
  return Math.max(0, Math.min(LAST_BUCKET, Math.floor(key)));
}

export class MinHeap {
  private keys = new Float64Array(1024);
  private ties = new Float64Array(1024);
  private values = new Int32Array(1024);
  private entries = 0;
  private length = 0;
  /** Bucket k: the heap of entries whose key is in [k, k + 1). */
  private readonly buckets: number[][] = [];
  /** Buckets filled since the last clear(). */
  private readonly used: number[] = [];
  /** No bucket below this one holds an entry. */
  private lowest = 0;
  get size() { return this.length; }

  /** Post: empty, entries numbered from 0 again. */
  clear(): void {
    for (const k of this.used) this.buckets[k]!.length = 0;
    this.used.length = 0;
    this.length = 0;
    this.entries = 0;
    this.lowest = this.buckets.length;
  }

  private growEntries(): void {
    const size = this.keys.length * 2;
    const keys = new Float64Array(size); keys.set(this.keys); this.keys = keys;
    const ties = new Float64Array(size); ties.set(this.ties); this.ties = ties;
    const values = new Int32Array(size); values.set(this.values); this.values = values;
  }

  push(key: number, tie: number, value: number): void {
    if (this.entries === this.keys.length) this.growEntries();
    const { keys, ties, buckets } = this;
    const entry = this.entries++;
    keys[entry] = key; ties[entry] = tie; this.values[entry] = value;
    this.length++;
    const k = bucketOf(key);
    while (buckets.length <= k) buckets.push([]);
    const heap = buckets[k]!;
    if (heap.length === 0) this.used.push(k);
    if (k < this.lowest) this.lowest = k;
    let i = heap.length;
    heap.push(entry);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = heap[parent]!;
      const pk = keys[p]!;
      // The parent goes first when it is less; an equal parent was pushed earlier, so it goes first too.
      if (pk < key || (pk === key && ties[p]! <= tie)) break;
      heap[i] = p;
      i = parent;
    }
    heap[i] = entry;
  }

  /** Pre: size > 0. Post: the heap of the lowest bucket not empty. */
  private lowestHeap(): number[] {
    const buckets = this.buckets;
    let k = this.lowest;
    while (buckets[k]!.length === 0) k++;
    this.lowest = k;
    return buckets[k]!;
  }

  /** Pre: size > 0. Post: true when an entry pushed now with this key and tie would be popped before every entry queued (not tied with any: those were pushed first). */
  wouldLead(key: number, tie: number): boolean {
    const top = this.lowestHeap()[0]!;
    const topKey = this.keys[top]!;
    return key < topKey || (key === topKey && tie < this.ties[top]!);
  }

  /** Pre: size > 0. */
  pop(): number {
    const { keys, ties } = this;
    const heap = this.lowestHeap();
    const top = heap[0]!;
    const last = heap.pop()!;
    const n = heap.length;
    this.length--;
    if (n > 0) {
      const key = keys[last]!;
      const tie = ties[last]!;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= n) break;
        const r = l + 1;
        let m = l;
        let mi = heap[l]!;
        if (r < n) {
          const ri = heap[r]!;
          const rk = keys[ri]!;
          const lk = keys[mi]!;
          if (rk < lk || (rk === lk && (ties[ri]! < ties[mi]! || (ties[ri] === ties[mi] && ri < mi)))) { m = r; mi = ri; }
        }
        const mk = keys[mi]!;
        if (key < mk || (key === mk && (tie < ties[mi]! || (tie === ties[mi] && last < mi)))) break;
        heap[i] = mi;
        i = m;
      }
      heap[i] = last;
    }
    return this.values[top]!;
  }
}
