// The union of every step's references as one graph of sized boxes: what ranking, ordering and
// positioning work on. A reference is an edge from a row of its box to the object it points at.
import { boxGeometry, type BoxGeometry } from './box-geometry.ts';
import type { Collected, FrameRecord, ObjectRecord } from './collect-boxes.ts';

export interface GraphNode {
  id: string;
  frame: boolean;
  /** The object's Python type ('' for a frame): siblings of one type line up (compact-columns.ts). */
  type: string;
  geometry: BoxGeometry;
  /** First and last step the box stands (a freed object's ghost included). */
  first: number;
  last: number;
  /** A frame's steps on the stack, ascending: frames that never stand together may share room. */
  shown?: readonly number[];
  /** Order of first appearance, the tie-breaker everywhere. */
  index: number;
}

export interface GraphEdge {
  from: string;
  to: string;
  /** Box-relative y of the topmost dot the arrow starts from: what the target aligns with. */
  rowY: number;
  /** Box-relative y of the dots, weighted by the steps each one refers: where the edge leaves on the whole. */
  port: number;
  /** First and last step a row refers (the arrow's life, not the boxes'). */
  first: number;
  last: number;
  /** Each row that refers: its box-relative dot y, the steps it refers, the last of them. */
  rows: EdgeRow[];
}

export interface EdgeRow {
  y: number;
  steps: number;
  last: number;
}

export interface StructureGraph {
  /** Frames first (in stack order), then objects in order of first appearance. */
  nodes: GraphNode[];
  byId: Map<string, GraphNode>;
  /** Outgoing edges of each node, in row order; incoming edges of each node. */
  out: Map<string, GraphEdge[]>;
  in: Map<string, GraphEdge[]>;
}

const isScalarBox = (record: ObjectRecord) => record.kind === 'scalar';

/**
 * Pre: every frame and object of `collected` has its versions. Post: one node per box with its
 * final size, one edge per (source, target) pair over all steps (the row nearest the top to align
 * with, the rows' mean weighted by steps as its port, each row with its steps),
 * never an edge to a box that is not drawn, never a self-edge.
 */
export function structureGraph(collected: Collected, frameOrder: FrameRecord[]): StructureGraph {
  const nodes: GraphNode[] = [];
  for (const record of frameOrder) {
    nodes.push({
      id: record.id,
      frame: true,
      type: '',
      geometry: boxGeometry(record.versions, false),
      first: record.shown[0]!,
      last: record.shown[record.shown.length - 1]!,
      shown: record.shown,
      index: nodes.length,
    });
  }
  for (const record of collected.objects) {
    nodes.push({
      id: record.id,
      frame: false,
      type: record.type,
      geometry: boxGeometry(record.versions, isScalarBox(record)),
      first: record.shown[0]!,
      last: Math.max(record.shown[record.shown.length - 1]!, record.freedAt ?? 0),
      index: nodes.length,
    });
  }
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const out = new Map<string, GraphEdge[]>(nodes.map((n) => [n.id, []]));
  const incoming = new Map<string, GraphEdge[]>(nodes.map((n) => [n.id, []]));
  for (const node of nodes) {
    const edges = new Map<
      string,
      Omit<GraphEdge, 'rows'> & { weight: number; sum: number; byRow: Map<number, EdgeRow> }
    >();
    for (const version of node.geometry.versions) {
      const steps = version.steps.reduce((n, [a, b]) => n + b - a + 1, 0);
      const first = version.steps[0]![0];
      const last = version.steps[version.steps.length - 1]![1];
      for (const row of version.rows) {
        for (const [to, dot] of [
          [row.to, row.dot],
          [row.keyTo, row.keyDot],
        ] as const) {
          if (!to || !dot || to === node.id || !byId.has(to) || byId.get(to)!.frame) continue;
          let edge = edges.get(to);
          if (!edge)
            edges.set(
              to,
              (edge = { from: node.id, to, rowY: dot.y, port: 0, first, last, weight: 0, sum: 0, byRow: new Map() }),
            );
          const row = edge.byRow.get(dot.y) ?? edge.byRow.set(dot.y, { y: dot.y, steps: 0, last }).get(dot.y)!;
          row.steps += steps;
          row.last = Math.max(row.last, last);
          edge.rowY = Math.min(edge.rowY, dot.y);
          edge.first = Math.min(edge.first, first);
          edge.last = Math.max(edge.last, last);
          edge.weight += steps;
          edge.sum += steps * dot.y;
        }
      }
    }
    const final = [...edges.values()].map(
      ({ weight, sum, byRow, ...edge }): GraphEdge => ({
        ...edge,
        port: weight ? sum / weight : edge.rowY,
        rows: [...byRow.values()].sort((a, b) => a.y - b.y),
      }),
    );
    const sorted = final.sort(
      (a, b) => a.port - b.port || a.rowY - b.rowY || byId.get(a.to)!.index - byId.get(b.to)!.index,
    );
    out.set(node.id, sorted);
    for (const edge of sorted) incoming.get(edge.to)!.push(edge);
  }
  return { nodes, byId, out, in: incoming };
}

/** Whether two boxes stand at a common step (only then may they not share space). */
export const together = (a: GraphNode, b: GraphNode) => a.first <= b.last && b.first <= a.last;
