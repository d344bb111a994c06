// Network simplex over difference constraints (Gansner et al., "A technique for drawing directed
// graphs"): the coordinates that minimise the weighted total length of a graph's edges, each edge
// at least its minimum length. dot places nodes within a rank the same way.

export interface SimplexEdge {
  tail: number;
  head: number;
  /** y[head] - y[tail] >= minlen. */
  minlen: number;
  /** Cost per unit of y[head] - y[tail]; 0 for a pure constraint. Integers keep the result exact. */
  weight: number;
}

/**
 * Pre: nodes 0..n-1; the edges form a connected graph with no directed cycle; integer minlens and
 * weights. Post: y with y[head] - y[tail] >= minlen for every edge and the sum of
 * weight * (y[head] - y[tail]) minimal; min(y) = 0. Deterministic: ties go to the lowest edge id.
 */
export function networkSimplex(n: number, edges: SimplexEdge[], maxIterations = 20000): number[] {
  const m = edges.length;
  const adj: number[][] = Array.from({ length: n }, () => []);
  edges.forEach((e, i) => {
    adj[e.tail]!.push(i);
    adj[e.head]!.push(i);
  });
  const y = initialY(n, edges, adj);
  const slack = (e: number) => y[edges[e]!.head]! - y[edges[e]!.tail]! - edges[e]!.minlen;
  const other = (e: number, v: number) => (edges[e]!.tail === v ? edges[e]!.head : edges[e]!.tail);

  // Feasible spanning tree of tight edges, grown from node 0, shifting the tree to tighten an edge.
  const inTree = new Uint8Array(m);
  const treeNode = new Uint8Array(n);
  const treeNodes: number[] = [0];
  treeNode[0] = 1;
  const grow = () => {
    for (let i = 0; i < treeNodes.length; i++) {
      const v = treeNodes[i]!;
      for (const e of adj[v]!) {
        const w = other(e, v);
        if (!treeNode[w] && slack(e) === 0) {
          treeNode[w] = 1;
          inTree[e] = 1;
          treeNodes.push(w);
        }
      }
    }
  };
  grow();
  while (treeNodes.length < n) {
    let best = -1;
    for (let e = 0; e < m; e++) {
      if (treeNode[edges[e]!.tail] === treeNode[edges[e]!.head]) continue;
      if (best < 0 || slack(e) < slack(best)) best = e;
    }
    if (best < 0) throw new Error('networkSimplex: the constraint graph is not connected');
    const delta = treeNode[edges[best]!.tail] ? slack(best) : -slack(best);
    for (const v of treeNodes) y[v]! += delta;
    grow();
  }

  const treeAdj: number[][] = Array.from({ length: n }, () => []);
  for (let e = 0; e < m; e++)
    if (inTree[e]) {
      treeAdj[edges[e]!.tail]!.push(e);
      treeAdj[edges[e]!.head]!.push(e);
    }
  const parentEdge = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const lim = new Int32Array(n);
  const cut = new Float64Array(m);
  const postorder: number[] = [];

  // Postorder numbers from node 0: v's subtree holds exactly the nodes u with low[v] <= lim[u] <= lim[v].
  const number = () => {
    postorder.length = 0;
    parentEdge[0] = -1;
    const stack: { v: number; i: number; low: number }[] = [{ v: 0, i: 0, low: 1 }];
    let next = 1;
    while (stack.length) {
      const top = stack[stack.length - 1]!;
      const list = treeAdj[top.v]!;
      if (top.i < list.length) {
        const e = list[top.i++]!;
        if (e === parentEdge[top.v]) continue;
        const w = other(e, top.v);
        parentEdge[w] = e;
        stack.push({ v: w, i: 0, low: next });
        continue;
      }
      low[top.v] = top.low;
      lim[top.v] = next++;
      postorder.push(top.v);
      stack.pop();
    }
  };
  // Cut value of v's parent edge, from those of v's children (postorder makes them known).
  const cutValues = () => {
    for (const v of postorder) {
      const pe = parentEdge[v]!;
      if (pe < 0) continue;
      const childIsTail = edges[pe]!.tail === v;
      let value = edges[pe]!.weight;
      for (const e of adj[v]!) {
        if (e === pe) continue;
        const isOut = edges[e]!.tail === v;
        const pointsToHead = isOut === childIsTail;
        value += pointsToHead ? edges[e]!.weight : -edges[e]!.weight;
        if (inTree[e]) value += pointsToHead ? -cut[e]! : cut[e]!;
      }
      cut[pe] = value;
    }
  };
  const below = (u: number, root: number) => low[root]! <= lim[u]! && lim[u]! <= lim[root]!;
  number();
  cutValues();

  let start = 0;
  for (let iteration = 0; iteration < maxIterations; iteration++) {
    // Leaving edge: a tree edge with a negative cut value, searched round-robin.
    let leave = -1;
    for (let k = 0; k < m; k++) {
      const e = (start + k) % m;
      if (inTree[e] && cut[e]! < 0) {
        leave = e;
        start = e + 1;
        break;
      }
    }
    if (leave < 0) break;
    // Entering edge: the tightest non-tree edge across the cut, pointing the other way.
    const { tail, head } = edges[leave]!;
    const flip = lim[tail]! > lim[head]!;
    const subtree = flip ? head : tail;
    let enter = -1;
    for (let e = 0; e < m; e++) {
      if (inTree[e]) continue;
      if (flip === below(edges[e]!.tail, subtree) && flip !== below(edges[e]!.head, subtree)) {
        if (enter < 0 || slack(e) < slack(enter)) enter = e;
      }
    }
    if (enter < 0) break;
    inTree[leave] = 0;
    inTree[enter] = 1;
    for (const v of [tail, head]) treeAdj[v] = treeAdj[v]!.filter((e) => e !== leave);
    treeAdj[edges[enter]!.tail]!.push(enter);
    treeAdj[edges[enter]!.head]!.push(enter);
    number();
    cutValues();
    // Coordinates from the new tree, root first (reverse postorder visits parents before children).
    for (let i = postorder.length - 1; i >= 0; i--) {
      const v = postorder[i]!;
      const pe = parentEdge[v]!;
      if (pe < 0) continue;
      const e = edges[pe]!;
      y[v] = e.tail === v ? y[e.head]! - e.minlen : y[e.tail]! + e.minlen;
    }
  }
  const min = Math.min(...y);
  return y.map((v) => v - min);
}

/** Longest path from the sources: a feasible start. */
function initialY(n: number, edges: SimplexEdge[], adj: number[][]): number[] {
  const pending = new Int32Array(n);
  for (const e of edges) pending[e.head]!++;
  const y = new Array<number>(n).fill(0);
  const ready: number[] = [];
  for (let v = 0; v < n; v++) if (pending[v] === 0) ready.push(v);
  for (let i = 0; i < ready.length; i++) {
    const v = ready[i]!;
    for (const id of adj[v]!) {
      const e = edges[id]!;
      if (e.tail !== v) continue;
      y[e.head] = Math.max(y[e.head]!, y[v]! + e.minlen);
      if (--pending[e.head]! === 0) ready.push(e.head);
    }
  }
  if (ready.length < n) throw new Error('networkSimplex: the constraint graph has a cycle');
  return y;
}
