// Cycle breaking: a depth-first walk from the frames marks the references that close a cycle
// (a doubly linked list's prev, a parent link) as back edges, so the rest is a DAG to rank.
import type { GraphEdge, StructureGraph } from '../structure-graph.ts';

export const edgeKey = (e: GraphEdge) => `${e.from}\u0000${e.to}`;

/**
 * Pre: `graph` as built by structureGraph. Post: the returned set holds exactly the edges that point
 * at a box still on the walk's path when reached; without them the graph has no cycle. The walk
 * starts at the frames (outermost first), then at objects no walk reached, in order of appearance,
 * and follows rows top to bottom, so the forward structure is the one a reader follows first.
 */
export function backEdges(graph: StructureGraph): Set<string> {
  const back = new Set<string>();
  const state = new Map<string, 'open' | 'done'>();
  const walk = (root: string) => {
    if (state.has(root)) return;
    const stack: { id: string; next: number }[] = [{ id: root, next: 0 }];
    state.set(root, 'open');
    while (stack.length) {
      const top = stack[stack.length - 1]!;
      const edges = graph.out.get(top.id)!;
      if (top.next >= edges.length) {
        state.set(top.id, 'done');
        stack.pop();
        continue;
      }
      const edge = edges[top.next++]!;
      const seen = state.get(edge.to);
      if (seen === 'open') back.add(edgeKey(edge));
      else if (seen === undefined) {
        state.set(edge.to, 'open');
        stack.push({ id: edge.to, next: 0 });
      }
    }
  };
  for (const node of graph.nodes) if (node.frame) walk(node.id);
  // Objects only a cycle keeps: start from the one that has no incoming reference, if any.
  for (const node of graph.nodes) if (!node.frame && graph.in.get(node.id)!.length === 0) walk(node.id);
  for (const node of graph.nodes) walk(node.id);
  return back;
}
