// Trace format v1: the contract between simulate and every later stage (see content/reference/trace-format.md).

/** A reference to a heap object by its trace id, e.g. {"ref": "o3"}. */
export interface Ref {
  ref: string;
}

/**
 * A heap object. Instances, classes, functions, methods, cells and generators say so in `kind`;
 * containers and scalars have no kind and are told apart by their fields (items, entries, repr).
 */
export type HeapObject =
  | ScalarObject | SequenceObject | DictObject
  | InstanceObject | ClassObject | FunctionObject | MethodObject | CellObject | GeneratorObject;

export type HeapObjectKind = NonNullable<HeapObject['kind']>;

interface HeapObjectBase {
  /** type(obj).__name__ */
  type: string;
  /** Kept alive only by a reference cycle: CPython has not freed it yet. */
  unreachable?: boolean;
  /** Extra facts the simulator may add. */
  [extra: string]: unknown;
}

/** A long container keeps its head and tail; `count` items from index `at` are left out. */
export interface Elided {
  at: number;
  count: number;
}

export interface ScalarObject extends HeapObjectBase {
  kind?: undefined;
  repr: string;
  /** CPython reports it immortal (None, True, small ints, interned strings): it is never freed. */
  immortal?: true;
}
export interface SequenceObject extends HeapObjectBase {
  kind?: undefined;
  /** list, tuple, set, frozenset */
  items: Ref[];
  elided?: Elided;
}
export interface DictObject extends HeapObjectBase {
  kind?: undefined;
  entries: [Ref, Ref][];
  elided?: Elided;
}
interface AttrsBase extends HeapObjectBase {
  attrs: [string, Ref][];
}
export interface InstanceObject extends AttrsBase {
  kind: 'instance';
}
export interface ClassObject extends AttrsBase {
  kind: 'class';
}
export interface FunctionObject extends AttrsBase {
  kind: 'function';
  qualname?: string;
  /** "(a, b=[], *args)", with the defaults' current reprs. */
  signature?: string;
  /** The same parameters as data (traces of older tracers may lack it: see parametersOf). */
  parameters?: Parameter[];
  defaults?: Ref[];
  /** Free variables and the cells they read. */
  closure?: [string, Ref][];
}
export type ParameterKind = 'positional-only' | 'positional-or-keyword' | 'var-positional' | 'keyword-only' | 'var-keyword';

/** One parameter of a function: `default` is true when it has one (its value is in `defaults`). */
export interface Parameter {
  name: string;
  kind: ParameterKind;
  default?: true;
}

export interface MethodObject extends AttrsBase {
  kind: 'method';
}
export interface CellObject extends AttrsBase {
  kind: 'cell';
}
export interface GeneratorObject extends HeapObjectBase {
  kind: 'generator';
  /** The frame id of its body while it runs or is suspended. */
  frame?: string;
  /** inspect.getgeneratorstate in words: created, running, suspended, closed. */
  state?: string;
  locals?: [string, Ref][];
}

/** The objects that list attributes. */
export type AttrsObject = InstanceObject | ClassObject | FunctionObject | MethodObject | CellObject;

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
  /** Of those, the ones CPython deallocated at this step. */
  freed?: string[];
  /** The exception raised at an `exception` step. */
  exception?: RaisedException;
  /** The value an ordinary `return` step returns. */
  returnValue?: Ref;
  [extra: string]: unknown;
}

export interface RaisedException {
  type?: string;
  message?: string;
  [extra: string]: unknown;
}

export interface TraceError {
  type: string;
  message: string;
  line: number | null;
  /** 1-based column in `line` where Python points (a syntax error's offset, an exception's instruction); optional. */
  column?: number;
  /** 1-based column just past what Python points at, in the same line; optional, only with `column`. */
  endColumn?: number;
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
