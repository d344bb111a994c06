// Trace format v1: the contract between simulate and every later stage (see content/reference/trace-format.md).

/** A reference to a heap object by its trace id, e.g. {"ref": "o3"}. */
export interface Ref {
  ref: string;
}

export type HeapObject = ScalarObject | SequenceObject | DictObject | AttrsObject;

interface HeapObjectBase {
  /** type(obj).__name__ */
  type: string;
  /** Kept alive only by a reference cycle: CPython has not freed it yet. */
  unreachable?: boolean;
  /** Extra facts the simulator may add (kind, qualname, signature, frame of a generator, ...). */
  [extra: string]: unknown;
}

export interface ScalarObject extends HeapObjectBase {
  repr: string;
}
export interface SequenceObject extends HeapObjectBase {
  /** list, tuple, set, frozenset */
  items: Ref[];
}
export interface DictObject extends HeapObjectBase {
  entries: [Ref, Ref][];
}
export interface AttrsObject extends HeapObjectBase {
  /** instances, classes, functions, cells, ... */
  attrs: [string, Ref][];
}

export interface Frame {
  id: string;
  name: string;
  line: number;
  /** Local names in binding order. */
  locals: [string, Ref][];
  [extra: string]: unknown;
}

export type StepEvent = 'call' | 'line' | 'return' | 'exception';

export interface Step {
  event: StepEvent;
  line: number;
  /** Characters of stdout printed so far. */
  stdout: number;
  /** Outermost (module) frame first. */
  stack: Frame[];
  /** Objects new or changed at this step. */
  heap: Record<string, HeapObject>;
  /** Objects no longer shown from this step on. */
  gone?: string[];
  /** Of the ids in `gone`, the objects CPython deallocated at this step (the rest live on unseen). */
  freed?: string[];
  [extra: string]: unknown;
}

export interface TraceError {
  type: string;
  message: string;
  line: number | null;
  [extra: string]: unknown;
}

export interface Trace {
  format: 'memlane-trace';
  version: 1;
  python: string;
  source: string;
  stdout: string;
  error: TraceError | null;
  steps: Step[];
  [extra: string]: unknown;
}
