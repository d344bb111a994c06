// The search's priority queue.

/**
 * Pre: keys are finite numbers. Post: pop() returns the value of the least key; among equal keys,
 * the one pushed first (so searches are deterministic).
 */
export class MinHeap {
  private keys: number[] = [];
  private orders: number[] = [];
  private values: number[] = [];
  private counter = 0;
  get size() { return this.keys.length; }
  push(key: number, value: number) {
    const { keys, orders, values } = this;
    let i = keys.length;
    const order = this.counter++;
    keys.push(key); orders.push(order); values.push(value);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (keys[parent]! < key || (keys[parent] === key && orders[parent]! < order)) break;
      keys[i] = keys[parent]!; orders[i] = orders[parent]!; values[i] = values[parent]!;
      i = parent;
    }
    keys[i] = key; orders[i] = order; values[i] = value;
  }
  pop(): number {
    const { keys, orders, values } = this;
    const top = values[0]!;
    const key = keys.pop()!;
    const order = orders.pop()!;
    const value = values.pop()!;
    const n = keys.length;
    if (n) {
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= n) break;
        const r = l + 1;
        const m = r < n && (keys[r]! < keys[l]! || (keys[r] === keys[l] && orders[r]! < orders[l]!)) ? r : l;
        if (key < keys[m]! || (key === keys[m] && order < orders[m]!)) break;
        keys[i] = keys[m]!; orders[i] = orders[m]!; values[i] = values[m]!;
        i = m;
      }
      keys[i] = key; orders[i] = order; values[i] = value;
    }
    return top;
  }
}
