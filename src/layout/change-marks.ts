// What changed at each step, as outlines and badges: new objects, changed rows, rebound names,
// freed objects. Each mark belongs to exactly one step.
import type { FrameRecord, ObjectRecord } from './collect-boxes.ts';
import { measureText } from './measure-text.ts';
import { SMALL_SIZE } from './metrics.ts';
import { includesStep } from './step-ranges.ts';
import type { BoxVersion, ChangeMark, FrameBox, ObjectBox, Rect } from './types.ts';

const OUTSET = 3;

function versionAt(box: { versions: BoxVersion[] }, step: number): BoxVersion | undefined {
  return box.versions.find((v) => includesStep(v.steps, step));
}

function around(box: Rect, height: number): Rect {
  return { x: box.x - OUTSET, y: box.y - OUTSET, width: box.width + 2 * OUTSET, height: height + 2 * OUTSET };
}

/**
 * A badge over the box's right corner; one wider than the box starts at its left edge instead, so it never runs left
 * out of the picture.
 */
function badge(box: Rect, text: string): ChangeMark['label'] {
  const y = box.y - OUTSET - 4;
  if (measureText(text, 'heading', SMALL_SIZE) > box.width + 2 * OUTSET)
    return { text, x: box.x - OUTSET, y, face: 'heading', size: SMALL_SIZE };
  return { text, x: box.x + box.width + OUTSET, y, face: 'heading', size: SMALL_SIZE, anchor: 'end' };
}

function changedSlots(before: Map<number, string> | undefined, after: Map<number, string> | undefined): number[] {
  if (!before || !after) return [];
  return [...after]
    .filter(([slot, key]) => before.get(slot) !== key)
    .map(([slot]) => slot)
    .sort((a, b) => a - b);
}

function rowRect(box: FrameBox | ObjectBox, version: BoxVersion, slots: number[]): Rect | undefined {
  const rows = version.rows.filter((r) => slots.includes(r.slot));
  if (!rows.length) return undefined;
  const top = Math.min(...rows.map((r) => r.y));
  const bottom = Math.max(...rows.map((r) => r.y + r.height));
  return { x: box.x + 2, y: box.y + top + 1, width: box.width - 4, height: bottom - top - 2 };
}

export function objectMarks(record: ObjectRecord, box: ObjectBox): ChangeMark[] {
  const marks: ChangeMark[] = [];
  const shown = new Set(record.shown);
  const first = record.shown[0];
  if (first !== undefined && !record.existedAsText) {
    const version = versionAt(box, first);
    if (version)
      marks.push({
        change: 'new',
        step: first,
        target: box.id,
        rect: around(box, version.height),
        label: badge(box, 'new'),
      });
  }
  for (const s of record.shown) {
    if (s === first || !shown.has(s - 1) || record.dataByStep.get(s) === record.dataByStep.get(s - 1)) continue;
    const version = versionAt(box, s);
    const slots = changedSlots(record.rowsByStep.get(s - 1), record.rowsByStep.get(s));
    const rect = version && rowRect(box, version, slots);
    if (rect) marks.push({ change: 'changed', step: s, target: box.id, rect, label: badge(box, 'changed') });
  }
  if (record.freedAt !== undefined) {
    const last = versionAt(box, record.freedAt - 1) ?? box.versions[box.versions.length - 1]!;
    // The simulator, which watched CPython, says whether it was deallocated; nothing is guessed here.
    const freed = record.freedByCPython === true;
    marks.push({
      change: 'freed',
      step: record.freedAt,
      target: box.id,
      rect: around(box, last.height),
      label: badge(box, freed ? `freed ${box.type}` : 'no longer referenced'),
      ...(freed ? {} : { dropped: true }),
      was: last.summary,
    });
  }
  return marks;
}

export function frameMarks(record: FrameRecord, box: FrameBox): ChangeMark[] {
  const marks: ChangeMark[] = [];
  const live = new Set(record.live);
  for (const s of record.live) {
    if (!live.has(s - 1)) continue;
    const version = versionAt(box, s);
    if (!version) continue;
    const nameSlots = new Set(version.rows.filter((r) => r.role === 'name').map((r) => r.slot));
    for (const slot of changedSlots(record.rowsByStep.get(s - 1), record.rowsByStep.get(s))) {
      if (!nameSlots.has(slot)) continue;
      const rect = rowRect(box, version, [slot]);
      if (rect) marks.push({ change: 'rebound', step: s, target: box.id, rect });
    }
  }
  return marks;
}
