// Groups the steps of a frame or an object into versions: runs of steps that look the same.
// Rows keep one slot for the box's whole life, so nothing inside a box jumps either.
import type { StepState } from '../trace/fold-trace.ts';
import type { HeapObject, Ref } from '../trace/types.ts';
import type { VersionSpec } from './box-geometry.ts';
import type { FrameRecord, ObjectRecord } from './box-records.ts';
import { describeRef, type RefsOf, shortRepr } from './heap-references.ts';
import { objectContent, type RowContent, type ValueView } from './object-content.ts';
import { rangesOf } from './step-ranges.ts';

/** What a frame shows at one step, before slots are known. Keys: "name:x", "return", "exception". */
export interface RawFrameStep {
  rows: Map<string, RowContent>;
  running: boolean;
  exited: boolean;
  badge?: string;
}

/** A row as one comparable string, to find what changed between steps. */
// A row's identity for change marks: the object it shows, whether drawn as an arrow or written
// inline (auto scalars switch between the two without the row changing).
const rowKey = (r: RowContent) =>
  `${r.label ?? ''}\u0000${r.ref ?? r.inlineOf ?? ''}\u0000${r.keyRef ?? ''}\u0000` +
  `${(r.ref ?? r.inlineOf) ? '' : (r.text ?? '')}`;

/** Frame rows: names in binding order, then return, then exception. */
export function buildFrameVersions(
  record: FrameRecord,
  rawSteps: Map<number, RawFrameStep>,
  states: StepState[],
): void {
  const names: string[] = [];
  const seen = new Set<string>();
  const steps = [...rawSteps.keys()].sort((a, b) => a - b);
  for (const s of steps)
    for (const key of rawSteps.get(s)!.rows.keys())
      if (key.startsWith('name:') && !seen.has(key)) {
        seen.add(key);
        names.push(key);
      }
  const anyReturn = steps.some((s) => rawSteps.get(s)!.rows.has('return'));
  const slotOf = new Map(names.map((n, i) => [n, i]));
  if (anyReturn) slotOf.set('return', names.length);
  slotOf.set('exception', names.length + (anyReturn ? 1 : 0));
  const versions = new Map<string, VersionSpec & { stepList: number[] }>();
  for (const s of steps) {
    const raw = rawSteps.get(s)!;
    const rows = [...raw.rows]
      .map(([key, row]) => ({ ...row, slot: slotOf.get(key)! }))
      .sort((a, b) => a.slot - b.slot);
    record.rowsByStep.set(s, new Map(rows.map((r) => [r.slot, rowKey(r)])));
    // A scalar written in its row and the same scalar drawn as a box (auto scalars) are two versions.
    const key = JSON.stringify([
      rows.map((r) => [r.slot, rowKey(r), r.ref ? 'box' : 'text']),
      raw.running,
      raw.exited,
      raw.badge ?? '',
    ]);
    let version = versions.get(key);
    if (!version) {
      const heap = states[s - 1]!.heap;
      const words = rows.map((r) =>
        r.role === 'exception'
          ? r.text
          : `${r.label} ${r.ref ? `refers to ${describeRef(r.ref, heap)}` : `is ${r.text}`}`,
      );
      version = {
        steps: [],
        stepList: [],
        title: record.name,
        rows,
        ...(raw.badge ? { badge: raw.badge } : {}),
        ...(raw.running ? { running: true } : {}),
        ...(raw.exited ? { exited: true } : {}),
        summary:
          `frame ${record.name}` +
          `${raw.running ? ` (${raw.badge ?? 'running'})` : raw.exited ? ' (returned)' : ''}` +
          `${words.length ? `: ${words.join('; ')}` : ': no names'}`,
      };
      versions.set(key, version);
    }
    version.stepList.push(s);
  }
  record.shown = steps;
  record.versions = [...versions.values()].map(({ stepList, ...v }) => ({ ...v, steps: rangesOf(stepList) }));
}

/** Object versions: one per distinct trace object (the fold replaces it exactly when it changes). */
export function buildObjectVersions(
  record: ObjectRecord,
  states: StepState[],
  objectsAt: Set<string>[],
  markersAt: Map<string, string>[],
  inlineAt: (step: number) => (ref: Ref) => boolean,
  refsOf: RefsOf | undefined,
): void {
  // One version per trace object and, when `refsOf` is given (auto scalars, which draw a shared
  // one as a box), per way of writing its scalars.
  const versions = new Map<string, VersionSpec & { stepList: number[] }>();
  const objectKeys = new Map<HeapObject, number>();
  for (const s of record.shown) {
    const obj = record.dataByStep.get(s)!;
    const state = states[s - 1]!;
    const inline = inlineAt(s);
    if (!objectKeys.has(obj)) objectKeys.set(obj, objectKeys.size);
    const key = refsOf
      ? `${objectKeys.get(obj)}:${refsOf(obj, state.heap)
          .map((r) => (inline(r) ? 1 : 0))
          .join('')}`
      : String(objectKeys.get(obj));
    let version = versions.get(key);
    if (!version) {
      const visible = objectsAt[s - 1]!;
      const view: ValueView = {
        inlineText: (ref) => {
          if (inline(ref)) return shortRepr(state.heap.get(ref.ref));
          return visible.has(ref.ref) ? undefined : (markersAt[s - 1]?.get(ref.ref) ?? '…');
        },
        inlineOf: (ref) => (inline(ref) ? ref.ref : undefined),
        scalarRepr: (ref) => shortRepr(state.heap.get(ref.ref)),
      };
      const content = objectContent(obj, view);
      record.mutable = content.mutable;
      const rows = content.rows.map((r, slot) => ({ ...r, slot }));
      const words = rows
        .map((r) =>
          (
            `${r.label ?? ''}${r.label ? ' ' : ''}` +
            `${r.ref ? `→ ${describeRef(r.ref, state.heap)}` : (r.text ?? '')}`
          ).trim(),
        )
        .filter(Boolean);
      const unreachable = obj.unreachable === true;
      version = {
        steps: [],
        stepList: [],
        title: content.title,
        ...(content.detail ? { detail: content.detail } : {}),
        rows,
        ...(unreachable ? { unreachable: true, badge: 'unreachable' } : {}),
        summary:
          `${content.title || obj.type} ${record.id}` +
          `${unreachable ? ' (unreachable, kept alive only by a cycle)' : ''}` +
          `${obj.immortal === true ? ' (immortal: CPython never frees it)' : ''}: ${words.join('; ') || 'empty'}`,
      };
      versions.set(key, version);
    }
    version.stepList.push(s);
    record.rowsByStep.set(s, new Map(version.rows.map((r) => [r.slot, rowKey(r)])));
  }
  record.versions = [...versions.values()].map(({ stepList, ...v }) => ({ ...v, steps: rangesOf(stepList) }));
}
