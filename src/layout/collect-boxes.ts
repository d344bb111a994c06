// Walks the folded trace once and records, for every frame and object, when it is shown and
// what it shows at each step: the raw material of placement, before any geometry.
import type { StepState } from '../trace/fold-trace.ts';
import type { HeapObject, Ref } from '../trace/types.ts';
import { buildFrameVersions, buildObjectVersions, type RawFrameStep } from './box-versions.ts';
import { isInlineScalar, rememberedChildRefs, type RefsOf, shortRepr } from './heap-references.ts';
import { inlineScalars } from './inline-scalars.ts';
import { shortenOverRun } from './shorten-structures.ts';
import type { ResolvedLayoutOptions } from './layout-options.ts';
import { MAX_DISTINCT_OBJECTS, MAX_OBJECTS, MAX_STACK_DRAWN } from './metrics.ts';
import { objectKindOf, type RowContent, type ValueView } from './object-content.ts';
import type { FrameRecord, ObjectRecord } from './box-records.ts';

export type { FrameRecord, ObjectRecord } from './box-records.ts';

export interface Collected {
  frames: FrameRecord[];
  objects: ObjectRecord[];
  /** Ids of objects drawn at each step (index 0 = step 1). */
  objectsAt: Set<string>[];
  /** Text in place of references into the left-out part of a shortened structure, at each step. */
  markersAt: Map<string, string>[];
  leftOut: { frames: boolean; objects: boolean };
}

export function collectBoxes(states: StepState[], options: ResolvedLayoutOptions): Collected {
  const hidden = new Set(options.hide);
  const frames = new Map<string, FrameRecord & { raw: Map<number, RawFrameStep> }>();
  const objects = new Map<string, ObjectRecord>();
  const leftOut = { frames: false, objects: false };
  const objectsAt: Set<string>[] = [];
  const markersAt: Map<string, string>[] = [];
  let previousVisible = new Set<string>();

  // Long chains and big trees: what is left out is chosen once for the run.
  const drawnStack = (state: StepState) =>
    state.stack.length > MAX_STACK_DRAWN ? state.stack.slice(0, MAX_STACK_DRAWN) : state.stack;
  const refsOf = rememberedChildRefs();
  const childrenAt = (s: number, id: string) => refsOf(states[s]!.heap.get(id)!, states[s]!.heap);
  // One predicate per step, asked again by shortening, capping and drawing.
  const inlineByState = new WeakMap<StepState, (ref: Ref) => boolean>();
  const inlineAt = (state: StepState) => {
    let inline = inlineByState.get(state);
    if (!inline)
      inlineByState.set(state, (inline = inlineScalars(options.scalars, state, drawnStack(state), hidden, refsOf)));
    return inline;
  };
  const shortened = shortenOverRun(
    states.map((state, s) =>
      reachableOrder(rootsOf(state, drawnStack(state), hidden), state.heap, (id) => childrenAt(s, id), inlineAt(state)),
    ),
    states.map((state) => state.heap),
    childrenAt,
    options.shortenAbove || 0,
  );

  // `auto` asks again once the run is shortened: a reference from a left-out object is not drawn, so
  // it shares nothing (a kept tail is drawn, though only left-out objects refer to it).
  if (options.scalars === 'auto' && (shortened.hidden.size > 0 || shortened.tails.length > 0)) {
    const drawnRefs: typeof refsOf = (obj, heap) => refsOf(obj, heap).filter((r) => !shortened.hidden.has(r.ref));
    for (const state of states)
      inlineByState.set(
        state,
        inlineScalars(options.scalars, state, drawnStack(state), hidden, drawnRefs, shortened.tails),
      );
  }
  const kept = keptObjects(states, drawnStack, hidden, shortened, inlineAt, refsOf);
  if (kept) leftOut.objects = true;

  for (const state of states) {
    const s = state.index;
    const heap = state.heap;
    const stack = drawnStack(state);
    if (stack.length < state.stack.length) leftOut.frames = true;
    const inline = inlineAt(state);

    // Reachability from the drawn frames decides which objects are shown; long chains and big
    // trees are shortened: what is left out is not drawn at any step, whoever refers to it.
    const top = stack.length === state.stack.length ? stack[stack.length - 1] : undefined;
    const returnValue = state.step.returnValue;
    const marker = shortened.markersAt[s - 1]!;
    const reached = visibleAt(
      state,
      stack,
      hidden,
      previousVisible,
      shortened,
      inline,
      (id) => !kept || kept.has(id),
      refsOf,
    );
    if (reached.capped) leftOut.objects = true;
    const visible = reached.visible;
    for (const id of visible) {
      if (objects.has(id)) continue;
      const obj = heap.get(id)!;
      const existedAsText = s > 1 && isInlineScalar(obj) && states[s - 2]!.heap.has(id);
      objects.set(id, {
        id,
        kind: objectKindOf(obj),
        type: obj.type,
        mutable: false,
        shown: [],
        versions: [],
        dataByStep: new Map(),
        rowsByStep: new Map(),
        ...(existedAsText && { existedAsText }),
      });
    }
    markersAt.push(marker);

    const view: ValueView = {
      inlineText: (ref) => {
        if (inline(ref)) return shortRepr(heap.get(ref.ref));
        return visible.has(ref.ref) ? undefined : (marker.get(ref.ref) ?? '…');
      },
      inlineOf: (ref) => (inline(ref) ? ref.ref : undefined),
      scalarRepr: (ref) => shortRepr(heap.get(ref.ref)),
    };

    for (const id of visible) {
      const record = objects.get(id)!;
      const obj = heap.get(id)!;
      record.shown.push(s);
      record.dataByStep.set(s, obj);
    }
    for (const id of previousVisible) {
      if (!visible.has(id) && state.step.gone?.includes(id)) {
        const record = objects.get(id)!;
        record.freedAt = s;
        record.freedByCPython = state.step.freed?.includes(id) === true;
      }
    }
    objectsAt.push(visible);
    previousVisible = visible;

    stack.forEach((frame, depth) => {
      let record = frames.get(frame.id);
      if (!record) {
        record = {
          id: frame.id,
          name: frame.name,
          live: [],
          shown: [],
          below: new Set(),
          versions: [],
          rowsByStep: new Map(),
          raw: new Map(),
        };
        frames.set(frame.id, record);
      }
      record.live.push(s);
      for (let d = 0; d < depth; d++) record.below.add(stack[d]!.id);
      const rows = new Map<string, RowContent>();
      for (const [name, ref] of frame.locals) {
        if (hidden.has(name)) continue;
        const text = view.inlineText(ref);
        rows.set(
          `name:${name}`,
          text === undefined
            ? { role: 'name', label: name, labelIsCode: true, ref: ref.ref }
            : { role: 'name', label: name, labelIsCode: true, text, ...(inline(ref) ? { inlineOf: ref.ref } : {}) },
        );
      }
      if (frame === top && state.step.event === 'return' && returnValue?.ref) {
        const text = view.inlineText(returnValue);
        rows.set(
          'return',
          text === undefined
            ? { role: 'return', label: 'return', ref: returnValue.ref }
            : { role: 'return', label: 'return', text, ...(inline(returnValue) ? { inlineOf: returnValue.ref } : {}) },
        );
      }
      // A frame left by an exception shows it on its exception step and on the return step that unwinds it.
      const running = frame === top;
      const unwinding = running && state.unwinding;
      const exception = running ? state.exception : undefined;
      if (exception) {
        rows.set('exception', {
          role: 'exception',
          text: `raises ${exception.type ?? 'an exception'}${exception.message ? `: ${exception.message}` : ''}`,
          tone: 'alert',
        });
      }
      // The module frame returns nothing: at its return the program has finished.
      const returning = frame.name === '<module>' ? 'finished' : 'returning';
      const runningBadge = unwinding
        ? 'unwinding'
        : state.step.event === 'exception'
          ? 'raising'
          : state.step.event === 'return'
            ? returning
            : 'running';
      const badge = running ? { badge: runningBadge } : frame.generator === true ? { badge: 'generator' } : {};
      record.raw.set(s, { rows, running, exited: false, ...badge });
    });
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
      }
    }
  }

  for (const record of frames.values()) buildFrameVersions(record, record.raw, states);
  for (const record of objects.values())
    buildObjectVersions(
      record,
      states,
      objectsAt,
      markersAt,
      (s) => inlineAt(states[s - 1]!),
      options.scalars === 'auto' ? refsOf : undefined,
    );

  return {
    frames: [...frames.values()].map(({ raw: _raw, ...f }) => f),
    objects: [...objects.values()],
    objectsAt,
    markersAt,
    leftOut,
  };
}

/**
 * The objects drawn at one step, breadth first from its drawn frames (and objects just dropped out
 * of reach), at most MAX_OBJECTS (objects of different moments share room), none left out by
 * shortening, none refused by `admit`. Post: `capped` when MAX_OBJECTS or `admit` left one out.
 */
function visibleAt(
  state: StepState,
  stack: StepState['stack'],
  hidden: Set<string>,
  previousVisible: Set<string>,
  shortened: { hidden: Set<string>; tails: string[] },
  inline: (ref: Ref) => boolean,
  admit: (id: string) => boolean,
  refsOf: RefsOf,
): { visible: Set<string>; capped: boolean } {
  const heap = state.heap;
  const roots = rootsOf(state, stack, hidden);
  for (const [id, obj] of heap) if (obj.unreachable === true && previousVisible.has(id)) roots.push({ ref: id });
  const visible = new Set<string>();
  const queue: string[] = [];
  let capped = false;
  const reach = (ref: Ref) => {
    if (visible.has(ref.ref) || !heap.has(ref.ref) || inline(ref)) return;
    if (visible.size >= MAX_OBJECTS || !admit(ref.ref)) {
      capped = true;
      return;
    }
    visible.add(ref.ref);
    queue.push(ref.ref);
  };
  for (const ref of roots) if (!shortened.hidden.has(ref.ref)) reach(ref);
  for (const id of shortened.tails) reach({ ref: id });
  for (let i = 0; i < queue.length; i++) {
    for (const child of refsOf(heap.get(queue[i]!)!, heap)) if (!shortened.hidden.has(child.ref)) reach(child);
  }
  return { visible, capped };
}

/**
 * At most MAX_DISTINCT_OBJECTS over the run, so long runs stay quick to lay out. When more are
 * drawn, those drawn latest are kept: a structure built step by step is shown whole at its end,
 * and the transient objects of its building (loop counters, scalars replaced) give way.
 * Post: undefined when all fit, else the ids kept.
 */
function keptObjects(
  states: StepState[],
  drawnStack: (state: StepState) => StepState['stack'],
  hidden: Set<string>,
  shortened: { hidden: Set<string>; tails: string[] },
  inlineAt: (state: StepState) => (ref: Ref) => boolean,
  refsOf: RefsOf,
): Set<string> | undefined {
  const lastShown = new Map<string, number>();
  let previous = new Set<string>();
  for (const state of states) {
    previous = visibleAt(
      state,
      drawnStack(state),
      hidden,
      previous,
      shortened,
      inlineAt(state),
      () => true,
      refsOf,
    ).visible;
    for (const id of previous) lastShown.set(id, state.index);
  }
  if (lastShown.size <= MAX_DISTINCT_OBJECTS) return undefined;
  const latestFirst = [...lastShown].sort((a, b) => b[1] - a[1]);
  return new Set(latestFirst.slice(0, MAX_DISTINCT_OBJECTS).map(([id]) => id));
}

/** Every object reachable from `roots`, breadth first, inline scalars left out. */
function reachableOrder(
  roots: Ref[],
  heap: ReadonlyMap<string, HeapObject>,
  children: (id: string) => Ref[],
  inline: (ref: Ref) => boolean,
): string[] {
  const seen = new Set<string>();
  const order: string[] = [];
  const push = (ref: Ref) => {
    if (!seen.has(ref.ref) && heap.has(ref.ref) && !inline(ref)) {
      seen.add(ref.ref);
      order.push(ref.ref);
    }
  };
  roots.forEach(push);
  for (let i = 0; i < order.length; i++) children(order[i]!).forEach(push);
  return order;
}

/** What a step's drawn frames refer to: their names (but hidden ones) and a return value. */
function rootsOf(state: StepState, stack: StepState['stack'], hidden: Set<string>): Ref[] {
  const roots: Ref[] = [];
  for (const frame of stack) for (const [name, ref] of frame.locals) if (!hidden.has(name)) roots.push(ref);
  const returnValue = state.step.returnValue;
  if (stack.length === state.stack.length && stack.length && state.step.event === 'return' && returnValue?.ref)
    roots.push(returnValue);
  return roots;
}
