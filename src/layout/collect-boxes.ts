// Walks the folded trace once and records, for every frame and object, when it is shown and
// what it shows at each step: the raw material of placement, before any geometry.
import type { StepState } from '../trace/fold-trace.ts';
import type { HeapObject, Ref } from '../trace/types.ts';
import type { VersionSpec } from './box-geometry.ts';
import { MAX_COLUMNS, MAX_DISTINCT_OBJECTS, MAX_OBJECTS, MAX_STACK_DRAWN } from './metrics.ts';
import { INLINE_SCALAR_TYPES, objectContent, objectKindOf, type RowContent, type ValueView } from './object-content.ts';
import { drawnItems } from './shorten-container.ts';
import { rangesOf } from './step-ranges.ts';
import type { ObjectKind } from './types.ts';
import type { ResolvedLayoutOptions } from './layout-options.ts';

export interface FrameRecord {
  id: string;
  name: string;
  /** Steps where the frame is on the drawn stack. */
  live: number[];
  /** Steps where it is drawn (live, plus faded steps after it returned with showExited). */
  shown: number[];
  /** Frames drawn under it (outer frames) at any of its live steps. */
  below: Set<string>;
  versions: VersionSpec[];
  /** Rows by step, for change marks: slot -> what the row shows. */
  rowsByStep: Map<number, Map<number, string>>;
}

export interface ObjectRecord {
  id: string;
  kind: ObjectKind;
  type: string;
  mutable: boolean;
  shown: number[];
  /** Step at which the trace says it was freed while shown the step before. */
  freedAt?: number;
  /** Column: distance from the frames along references when it first appeared. */
  column: number;
  /** The box and reference it was first reached through, to place it near that row. */
  parent?: { box: string; ref: string };
  versions: VersionSpec[];
  /** The trace object shown at each step (identity changes exactly when the object changes). */
  dataByStep: Map<number, HeapObject>;
  rowsByStep: Map<number, Map<number, string>>;
}

export interface Collected {
  frames: FrameRecord[];
  objects: ObjectRecord[];
  /** Ids of objects drawn at each step (index 0 = step 1). */
  objectsAt: Set<string>[];
  /** Ids of frames drawn at each step. */
  framesAt: string[][];
  leftOut: { frames: boolean; objects: boolean };
}

const isInlineScalar = (obj: HeapObject | undefined) =>
  obj !== undefined && typeof obj['repr'] === 'string' && INLINE_SCALAR_TYPES.has(obj.type) && objectKindOf(obj) === 'scalar';

/** Every reference an object draws an arrow for, in drawing order (scalar dict keys are written in their row). */
export function childRefs(obj: HeapObject, heap: ReadonlyMap<string, HeapObject>): Ref[] {
  const refs: Ref[] = [];
  const push = (r: unknown) => {
    if (r && typeof r === 'object' && typeof (r as Ref).ref === 'string') refs.push(r as Ref);
  };
  // Only what is drawn: long containers keep their head and tail.
  const elided = obj['elided'] as { at: number; count: number } | undefined;
  for (const r of drawnItems((obj['items'] as Ref[] | undefined) ?? [], elided)) push(r);
  for (const [k, v] of drawnItems((obj['entries'] as [Ref, Ref][] | undefined) ?? [], elided)) {
    if (shortRepr(heap.get(k?.ref)) === undefined) push(k);
    push(v);
  }
  const kind = obj['kind'];
  const attrs = (obj['attrs'] as [string, Ref][] | undefined) ?? [];
  // Functions and generators draw their defaults, closure and locals, not their attributes.
  const drawnAttrs = kind === 'function' || kind === 'generator' ? [] : kind === 'cell' || kind === 'method' ? attrs : drawnItems(attrs);
  for (const [, v] of drawnAttrs) push(v);
  for (const r of (obj['defaults'] as Ref[] | undefined) ?? []) push(r);
  for (const [, v] of (obj['closure'] as [string, Ref][] | undefined) ?? []) push(v);
  for (const [, v] of (obj['locals'] as [string, Ref][] | undefined) ?? []) push(v);
  return refs;
}

/** A row as one comparable string, to find what changed between steps. */
const rowKey = (r: RowContent) => `${r.label ?? ''}\u0000${r.ref ?? ''}\u0000${r.keyRef ?? ''}\u0000${r.text ?? ''}`;

function shortRepr(obj: HeapObject | undefined): string | undefined {
  // Dict keys and inline values are written as their repr when they are scalars.
  if (!obj || typeof obj['repr'] !== 'string' || objectKindOf(obj) !== 'scalar') return undefined;
  return obj['repr'] as string;
}

/** Words for a reference, for summaries: "int 3", "the list o2". */
export function describeRef(id: string, heap: ReadonlyMap<string, HeapObject>): string {
  const obj = heap.get(id);
  if (!obj) return `object ${id}`;
  const repr = shortRepr(obj);
  if (repr !== undefined) return `${obj.type} ${repr.length > 40 ? `${repr.slice(0, 40)}…` : repr}`;
  return `${obj.type} ${id}`;
}

export function collectBoxes(states: StepState[], options: ResolvedLayoutOptions): Collected {
  const hidden = new Set(options.hide);
  const frames = new Map<string, FrameRecord & { raw: Map<number, { rows: Map<string, RowContent>; running: boolean; exited: boolean; badge?: string }> }>();
  const objects = new Map<string, ObjectRecord>();
  const leftOut = { frames: false, objects: false };
  const objectsAt: Set<string>[] = [];
  const framesAt: string[][] = [];
  let previousVisible = new Set<string>();

  for (const state of states) {
    const s = state.index;
    const heap = state.heap;
    const stack = state.stack.length > MAX_STACK_DRAWN ? state.stack.slice(0, MAX_STACK_DRAWN) : state.stack;
    if (stack.length < state.stack.length) leftOut.frames = true;
    const inline = (ref: Ref) => options.scalars === 'inline' && isInlineScalar(heap.get(ref.ref));

    // Reachability from the drawn frames decides which objects are shown and in which column.
    const visible = new Set<string>();
    const queue: { id: string; depth: number; parent: { box: string; ref: string } }[] = [];
    const reach = (ref: Ref, depth: number, box: string) => {
      if (visible.has(ref.ref) || !heap.has(ref.ref) || inline(ref)) return;
      // At most MAX_OBJECTS at once (objects of different moments share room), and MAX_DISTINCT_OBJECTS
      // over the run, so long runs stay quick to lay out.
      if (visible.size >= MAX_OBJECTS) { leftOut.objects = true; return; }
      if (!objects.has(ref.ref) && objects.size >= MAX_DISTINCT_OBJECTS) { leftOut.objects = true; return; }
      visible.add(ref.ref);
      queue.push({ id: ref.ref, depth, parent: { box, ref: ref.ref } });
    };
    const top = stack.length === state.stack.length ? stack[stack.length - 1] : undefined;
    for (const frame of stack) for (const [name, ref] of frame.locals) if (!hidden.has(name)) reach(ref, 0, frame.id);
    const returnValue = state.step['returnValue'] as Ref | undefined;
    if (top && state.step.event === 'return' && returnValue?.ref) reach(returnValue, 0, top.id);
    for (const [id, obj] of heap) if (obj.unreachable === true && previousVisible.has(id)) reach({ ref: id }, 0, '');
    for (let i = 0; i < queue.length; i++) {
      const { id, depth, parent } = queue[i]!;
      const obj = heap.get(id)!;
      let record = objects.get(id);
      if (!record) {
        // One column right of the object it was first reached through, so arrows run left to right.
        const parentColumn = objects.get(parent.box)?.column;
        const column = Math.min(parentColumn === undefined ? depth : parentColumn + 1, MAX_COLUMNS - 1);
        record = {
          id, kind: objectKindOf(obj), type: obj.type, mutable: false, shown: [], column,
          ...(parent.box ? { parent } : {}), versions: [], dataByStep: new Map(), rowsByStep: new Map(),
        };
        objects.set(id, record);
      }
      for (const child of childRefs(obj, heap)) reach(child, depth + 1, id);
    }

    const view: ValueView = {
      inlineText: (ref) => {
        if (inline(ref)) return shortRepr(heap.get(ref.ref));
        return visible.has(ref.ref) ? undefined : '…';
      },
      scalarRepr: (ref) => shortRepr(heap.get(ref.ref)),
    };

    for (const id of visible) {
      const record = objects.get(id)!;
      const obj = heap.get(id)!;
      record.shown.push(s);
      record.dataByStep.set(s, obj);
    }
    for (const id of previousVisible) {
      if (!visible.has(id) && state.step.gone?.includes(id)) objects.get(id)!.freedAt = s;
    }
    objectsAt.push(visible);
    previousVisible = visible;

    const drawnFrames: string[] = [];
    stack.forEach((frame, depth) => {
      let record = frames.get(frame.id);
      if (!record) {
        record = { id: frame.id, name: frame.name, live: [], shown: [], below: new Set(), versions: [], rowsByStep: new Map(), raw: new Map() };
        frames.set(frame.id, record);
      }
      record.live.push(s);
      for (let d = 0; d < depth; d++) record.below.add(stack[d]!.id);
      const rows = new Map<string, RowContent>();
      for (const [name, ref] of frame.locals) {
        if (hidden.has(name)) continue;
        const text = view.inlineText(ref);
        rows.set(`name:${name}`, text === undefined ? { role: 'name', label: name, labelIsCode: true, ref: ref.ref } : { role: 'name', label: name, labelIsCode: true, text });
      }
      if (frame === top && state.step.event === 'return' && returnValue?.ref) {
        const text = view.inlineText(returnValue);
        rows.set('return', text === undefined ? { role: 'return', label: 'return', ref: returnValue.ref } : { role: 'return', label: 'return', text });
      }
      // A frame left by an exception shows it on its exception step and on the return step that unwinds it.
      const previous = states[s - 2]?.step;
      const unwinding = state.step.event === 'return' && !returnValue?.ref && previous?.event === 'exception' && previous.stack[previous.stack.length - 1]?.id === frame.id;
      const exception = (unwinding ? previous?.['exception'] : state.step['exception']) as { type?: string; message?: string } | undefined;
      if (frame === top && (state.step.event === 'exception' || unwinding) && exception) {
        rows.set('exception', { role: 'exception', text: `raises ${exception.type ?? 'an exception'}${exception.message ? `: ${exception.message}` : ''}`, tone: 'alert' });
      }
      const running = frame === top;
      const runningBadge = unwinding ? 'unwinding' : state.step.event === 'exception' ? 'raising' : state.step.event === 'return' ? 'returning' : 'running';
      record.raw.set(s, { rows, running, exited: false, ...(running ? { badge: runningBadge } : frame['generator'] === true ? { badge: 'generator' } : {}) });
      drawnFrames.push(frame.id);
    });
    framesAt.push(drawnFrames);
  }

  // Exited frames stay, faded, with the rows they had last, when asked for.
  if (options.showExited) {
    for (const record of frames.values()) {
      const last = record.live[record.live.length - 1]!;
      const lastRaw = record.raw.get(last)!;
      for (let s = last + 1; s <= states.length; s++) {
        if (record.raw.has(s)) continue;
        const rows = new Map([...lastRaw.rows].filter(([key]) => key !== 'exception'));
        record.raw.set(s, { rows, running: false, exited: true, badge: 'returned' });
        framesAt[s - 1]!.push(record.id);
      }
    }
  }

  // Frame rows keep one slot per name for the frame's whole life: names in binding order, then return, then exception.
  for (const record of frames.values()) {
    const names: string[] = [];
    const seen = new Set<string>();
    const steps = [...record.raw.keys()].sort((a, b) => a - b);
    for (const s of steps) for (const key of record.raw.get(s)!.rows.keys()) if (key.startsWith('name:') && !seen.has(key)) { seen.add(key); names.push(key); }
    const anyReturn = steps.some((s) => record.raw.get(s)!.rows.has('return'));
    const slotOf = new Map(names.map((n, i) => [n, i]));
    if (anyReturn) slotOf.set('return', names.length);
    slotOf.set('exception', names.length + (anyReturn ? 1 : 0));
    const versions = new Map<string, VersionSpec & { stepList: number[] }>();
    for (const s of steps) {
      const raw = record.raw.get(s)!;
      const rows = [...raw.rows].map(([key, row]) => ({ ...row, slot: slotOf.get(key)! })).sort((a, b) => a.slot - b.slot);
      record.rowsByStep.set(s, new Map(rows.map((r) => [r.slot, rowKey(r)])));
      const key = JSON.stringify([rows.map((r) => [r.slot, rowKey(r)]), raw.running, raw.exited, raw.badge ?? '']);
      let version = versions.get(key);
      if (!version) {
        const heap = states[s - 1]!.heap;
        const words = rows.map((r) => r.role === 'exception' ? r.text : `${r.label} ${r.ref ? `refers to ${describeRef(r.ref, heap)}` : `is ${r.text}`}`);
        version = {
          steps: [], stepList: [], title: record.name, rows, ...(raw.badge ? { badge: raw.badge } : {}),
          ...(raw.running ? { running: true } : {}), ...(raw.exited ? { exited: true } : {}),
          summary: `frame ${record.name}${raw.running ? ' (running)' : raw.exited ? ' (returned)' : ''}${words.length ? `: ${words.join('; ')}` : ': no names'}`,
        };
        versions.set(key, version);
      }
      version.stepList.push(s);
    }
    record.shown = steps;
    record.versions = [...versions.values()].map(({ stepList, ...v }) => ({ ...v, steps: rangesOf(stepList) }));
  }

  // Object versions: one per distinct trace object (the fold replaces it exactly when it changes).
  for (const record of objects.values()) {
    const versions = new Map<HeapObject, VersionSpec & { stepList: number[] }>();
    for (const s of record.shown) {
      const obj = record.dataByStep.get(s)!;
      let version = versions.get(obj);
      if (!version) {
        const state = states[s - 1]!;
        const visible = objectsAt[s - 1]!;
        const view: ValueView = {
          inlineText: (ref) => {
            if (options.scalars === 'inline' && isInlineScalar(state.heap.get(ref.ref))) return shortRepr(state.heap.get(ref.ref));
            return visible.has(ref.ref) ? undefined : '…';
          },
          scalarRepr: (ref) => shortRepr(state.heap.get(ref.ref)),
        };
        const content = objectContent(obj, view);
        record.mutable = content.mutable;
        const rows = content.rows.map((r, slot) => ({ ...r, slot }));
        const words = rows.map((r) => `${r.label ?? ''}${r.label ? ' ' : ''}${r.ref ? `→ ${describeRef(r.ref, state.heap)}` : r.text ?? ''}`.trim()).filter(Boolean);
        const unreachable = obj.unreachable === true;
        version = {
          steps: [], stepList: [], title: content.title, ...(content.detail ? { detail: content.detail } : {}), rows,
          ...(unreachable ? { unreachable: true, badge: 'unreachable' } : {}),
          summary: `${content.title || obj.type} ${record.id}${unreachable ? ' (unreachable, kept alive only by a cycle)' : ''}: ${words.join('; ') || 'empty'}`,
        };
        versions.set(obj, version);
      }
      version.stepList.push(s);
      record.rowsByStep.set(s, new Map(version.rows.map((r) => [r.slot, rowKey(r)])));
    }
    record.versions = [...versions.values()].map(({ stepList, ...v }) => ({ ...v, steps: rangesOf(stepList) }));
  }

  return {
    frames: [...frames.values()].map(({ raw: _raw, ...f }) => f),
    objects: [...objects.values()],
    objectsAt,
    framesAt,
    leftOut,
  };
}
