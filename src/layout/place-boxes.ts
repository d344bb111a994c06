// Places every box once for the whole trace: frames in a column, outermost on top; objects in
// columns by their distance from the frames, each near the row that first referred to it, never
// overlapping another box shown at any of the same steps.
import { boxGeometry, type BoxGeometry } from './box-geometry.ts';
import type { Collected, FrameRecord, ObjectRecord } from './collect-boxes.ts';
import { ANCHOR_Y, BOX_GAP, COLUMN_GAP, MARGIN } from './metrics.ts';
import { includesStep, rangesOf } from './step-ranges.ts';
import type { BoxVersion, FrameBox, ObjectBox } from './types.ts';

/** Room above the top row of boxes for change badges. */
export const TOP = MARGIN + 14;

interface Span { first: number; last: number; y: number; height: number }

const spansOverlapInTime = (a: Span, b: { first: number; last: number }) => a.first <= b.last && b.first <= a.last;

/** The free y nearest to `desired` (never above `min`) for a box of `height` among `placed`. */
function nearestFreeY(desired: number, min: number, height: number, when: { first: number; last: number }, placed: Span[]): number {
  const conflicts = placed.filter((p) => spansOverlapInTime(p, when));
  const fits = (y: number) => y >= min && conflicts.every((p) => y + height + BOX_GAP <= p.y || y >= p.y + p.height + BOX_GAP);
  const candidates = [Math.max(min, desired), ...conflicts.flatMap((p) => [p.y + p.height + BOX_GAP, p.y - height - BOX_GAP])]
    .filter(fits)
    .sort((a, b) => Math.abs(a - desired) - Math.abs(b - desired) || a - b);
  if (candidates.length) return candidates[0]!;
  return Math.max(min, ...conflicts.map((p) => p.y + p.height + BOX_GAP));
}

export interface Placed {
  frames: { record: FrameRecord; box: FrameBox }[];
  objects: { record: ObjectRecord; box: ObjectBox }[];
}

export function placeBoxes(collected: Collected): Placed {
  // Frames: one shared width; each below every frame that was under it on the stack.
  const frameGeometry = new Map<string, BoxGeometry>(collected.frames.map((f) => [f.id, boxGeometry(f.versions, false)]));
  const frameWidth = Math.max(0, ...[...frameGeometry.values()].map((g) => g.width));
  const frameSpans = new Map<string, Span>();
  const frames = [...collected.frames]
    .sort((a, b) => a.shown[0]! - b.shown[0]! || a.below.size - b.below.size)
    .map((record) => {
      const geometry = frameGeometry.get(record.id)!;
      const when = { first: record.shown[0]!, last: record.shown[record.shown.length - 1]! };
      const under = [...record.below].map((id) => frameSpans.get(id)).filter((s): s is Span => s !== undefined);
      const min = Math.max(TOP, ...under.map((s) => s.y + s.height + BOX_GAP));
      const y = nearestFreeY(min, min, geometry.height, when, [...frameSpans.values()]);
      frameSpans.set(record.id, { ...when, y, height: geometry.height });
      const box: FrameBox = {
        kind: 'frame', id: record.id, name: record.name, x: MARGIN, y, width: frameWidth, height: geometry.height,
        steps: rangesOf(record.shown), style: 'frame', headerHeight: geometry.headerHeight, divider: geometry.divider, versions: geometry.versions,
      };
      return { record, box };
    });

  // Objects: in order of first appearance, then column, then the order they were reached in.
  const boxById = new Map<string, FrameBox | ObjectBox>(frames.map((f) => [f.box.id, f.box]));
  const columnSpans = new Map<number, Span[]>();
  const order = new Map(collected.objects.map((o, i) => [o.id, i]));
  const objects = [...collected.objects]
    .sort((a, b) => a.shown[0]! - b.shown[0]! || a.column - b.column || order.get(a.id)! - order.get(b.id)!)
    .map((record) => {
      const geometry = boxGeometry(record.versions, record.kind === 'scalar' || record.kind === 'other');
      const first = record.shown[0]!;
      const last = Math.max(record.shown[record.shown.length - 1]!, record.freedAt ?? 0);
      let desired = TOP;
      const parent = record.parent && boxById.get(record.parent.box);
      if (parent && record.parent) {
        const version = parent.versions.find((v) => includesStep(v.steps, first));
        const rowY = version && rowYReferringTo(version, record.parent.ref);
        if (rowY !== undefined) desired = parent.y + rowY - ANCHOR_Y;
      }
      const spans = columnSpans.get(record.column) ?? [];
      columnSpans.set(record.column, spans);
      const y = nearestFreeY(desired, TOP, geometry.height, { first, last }, spans);
      spans.push({ first, last, y, height: geometry.height });
      const box: ObjectBox = {
        kind: record.kind, id: record.id, type: record.type, mutable: record.mutable, column: record.column,
        x: 0, y, width: geometry.width, height: geometry.height, steps: rangesOf(record.shown),
        style: record.mutable ? 'mutable' : 'immutable', headerHeight: geometry.headerHeight, divider: geometry.divider, versions: geometry.versions,
      };
      boxById.set(record.id, box);
      return { record, box };
    });

  // Columns left to right; empty columns take no room.
  const columns = [...new Set(objects.map((o) => o.box.column))].sort((a, b) => a - b);
  let x = MARGIN + frameWidth + COLUMN_GAP;
  for (const column of columns) {
    const inColumn = objects.filter((o) => o.box.column === column);
    for (const o of inColumn) o.box.x = x;
    x += Math.max(...inColumn.map((o) => o.box.width)) + COLUMN_GAP;
  }
  return { frames, objects };
}

/** Box-relative y of the dot of the row that refers to `ref`. */
function rowYReferringTo(version: BoxVersion, ref: string): number | undefined {
  for (const row of version.rows) {
    if (row.to === ref && row.dot) return row.dot.y;
    if (row.keyTo === ref && row.keyDot) return row.keyDot.y;
  }
  return undefined;
}
