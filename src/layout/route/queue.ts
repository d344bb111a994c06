// The search's priority queue: a binary heap over typed arrays, grown by doubling.

/**
 * Pre: keys and ties are finite numbers, values integers >= 0. Post: pop() returns the value of
 * the least key; among equal keys the least tie, then the one pushed first (so searches are
 * deterministic). A* passes the distance left as the tie: of equally promising states the one
 * nearest the goal goes first, so a free path is followed to the end instead of the whole
 * rectangle around it being opened.
 */
export class MinHeap {
  private keys = new Float64Array(256);
  private ties = new Float64Array(256);
  private orders = new Float64Array(256);
  private values = new Int32Array(256);
  private length = 0;
  private counter = 0;
  get size() { return this.length; }

  private grow() {
    const grown = (old: Float64Array) => { const next = new Float64Array(old.length * 2); next.set(old); return next; };
    this.keys = grown(this.keys);
    this.ties = grown(this.ties);
    this.orders = grown(this.orders);
    const values = new Int32Array(this.values.length * 2);
    values.set(this.values);
    this.values = values;
  }

  push(key: number, tie: number, value: number) {
    if (this.length === this.keys.length) this.grow();
    const { keys, ties, orders, values } = this;
    const order = this.counter++;
    let i = this.length++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pk = keys[parent]!;
      if (pk < key || (pk === key && (ties[parent]! < tie || (ties[parent] === tie && orders[parent]! < order)))) break;
      keys[i] = pk; ties[i] = ties[parent]!; orders[i] = orders[parent]!; values[i] = values[parent]!;
      i = parent;
    }
    keys[i] = key; ties[i] = tie; orders[i] = order; values[i] = value;
  }

  pop(): number {
    const { keys, ties, orders, values } = this;
    const top = values[0]!;
    const n = --this.length;
    if (n > 0) {
      const key = keys[n]!;
      const tie = ties[n]!;
      const order = orders[n]!;
      const value = values[n]!;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= n) break;
        const r = l + 1;
        const m = r < n && (keys[r]! < keys[l]! || (keys[r] === keys[l] && (ties[r]! < ties[l]! || (ties[r] === ties[l] && orders[r]! < orders[l]!)))) ? r : l;
        const mk = keys[m]!;
        if (key < mk || (key === mk && (tie < ties[m]! || (tie === ties[m] && order < orders[m]!)))) break;
        keys[i] = mk; ties[i] = ties[m]!; orders[i] = orders[m]!; values[i] = values[m]!;
        i = m;
      }
      keys[i] = key; ties[i] = tie; orders[i] = order; values[i] = value;
    }
    return top;
  }
}
