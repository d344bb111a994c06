// The search's priority queue: a binary heap of entry numbers over typed arrays, grown by doubling
// and kept between searches (clear() empties it without freeing anything).

/**
 * Pre: keys and ties are finite numbers, values integers >= 0. Post: pop() returns the value of
 * the least key; among equal keys the least tie, then the one pushed first (so searches are
 * deterministic). A* passes the distance left as the tie: of equally promising states the one
 * nearest the goal goes first, so a free path is followed to the end instead of the whole
 * rectangle around it being opened.
 *
 * Every push is an entry numbered in push order, its key, tie and value stored once under that
 * number; the heap moves only entry numbers, and an entry's number is its push order.
 */
export class MinHeap {
  private keys = new Float64Array(1024);
  private ties = new Float64Array(1024);
  private values = new Int32Array(1024);
  private heap = new Int32Array(1024);
  private length = 0;
  private entries = 0;
  get size() { return this.length; }

  /** Post: empty, entries numbered from 0 again. */
  clear(): void {
    this.length = 0;
    this.entries = 0;
  }

  private growEntries(): void {
    const size = this.keys.length * 2;
    const keys = new Float64Array(size); keys.set(this.keys); this.keys = keys;
    const ties = new Float64Array(size); ties.set(this.ties); this.ties = ties;
    const values = new Int32Array(size); values.set(this.values); this.values = values;
  }

  private growHeap(): void {
    const heap = new Int32Array(this.heap.length * 2);
    heap.set(this.heap);
    this.heap = heap;
  }

  push(key: number, tie: number, value: number): void {
    if (this.entries === this.keys.length) this.growEntries();
    if (this.length === this.heap.length) this.growHeap();
    const { keys, ties, heap } = this;
    const entry = this.entries++;
    keys[entry] = key; ties[entry] = tie; this.values[entry] = value;
    let i = this.length++;
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

  pop(): number {
    const { keys, ties, heap } = this;
    const top = heap[0]!;
    const n = --this.length;
    if (n > 0) {
      const last = heap[n]!;
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
