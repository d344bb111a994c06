// Trace format v1: the contract between simulate and every later stage (see content/reference/trace-format.md).

/** A reference to a heap object by its trace id, e.g. {"ref": "o3"}. */
export interface Ref {
  ref: string;
}

/**
 * A heap object as the trace's JSON writes it: `type`, and the fields of what it is (see
 * content/reference/trace-format.md). Only instances, classes, functions, methods, cells and
 * generators say what they are in `kind`; `readHeapObject` turns one into the typed HeapObject.
 */
export interface HeapObjectJson {
  type: string;
  kind?: string;
  /** Extra facts the simulator may add. */
  [field: string]: unknown;
}

/**
 * A heap object as every stage after the trace reads it (`foldTrace`'s heaps): a union by `kind`.
 * The JSON's kindless objects get the kind their fields say: `repr` a scalar, `items` a sequence,
 * `entries` a dict, `attrs` a namespace (a SimpleNamespace).
 */
export type HeapObject =
  | ScalarObject
  | SequenceObject
  | DictObject
  | NamespaceObject
  | InstanceObject
  | ClassObject
  | FunctionObject
  | MethodObject
  | CellObject
  | GeneratorObject;

export type HeapObjectKind = HeapObject['kind'];

interface HeapObjectBase {
  /** type(obj).__name__ */
  type: string;
  /** Kept alive only by a reference cycle: CPython has not freed it yet. */
  unreachable?: true;
  /** CPython reports it immortal (None, True, small ints, interned strings): it is never freed. */
  immortal?: true;
}

/** A long container keeps its head and tail; `count` items from index `at` are left out. */
export interface Elided {
  at: number;
  count: number;
}

/** A container's items or entries: a long one keeps its head and tail, and says its real `length`. */
interface Shortened {
  elided?: Elided;
  length?: number;
}

export interface ScalarObject extends HeapObjectBase {
  kind: 'scalar';
  repr: string;
  /** The full length of a repr cut to 120 characters. */
  reprLength?: number;
}
export interface SequenceObject extends HeapObjectBase, Shortened {
  kind: 'sequence';
  /** list, tuple, set, frozenset, deque and their subclasses */
  items: Ref[];
}
export interface DictObject extends HeapObjectBase, Shortened {
  kind: 'dict';
  entries: [Ref, Ref][];
}
interface AttrsBase extends HeapObjectBase {
  attrs: [string, Ref][];
}
/** Attributes without a `kind` in the JSON: a SimpleNamespace, drawn as an instance. */
export interface NamespaceObject extends AttrsBase {
  kind: 'namespace';
}
export interface InstanceObject extends AttrsBase {
  kind: 'instance';
  /** An instance of a list or tuple subclass. */
  items?: Ref[];
  /** An instance of a dict subclass. */
  entries?: [Ref, Ref][];
}
export interface ClassObject extends AttrsBase {
  kind: 'class';
  name?: string;
  /** The names of its bases. */
  bases?: string[];
}
export interface FunctionObject extends AttrsBase {
  kind: 'function';
  name?: string;
  qualname?: string;
  /** "(a, b=[], *args)", with the defaults' current reprs. */
  signature?: string;
  /** The same parameters as data (traces of older tracers may lack it: see parametersOf). */
  parameters?: Parameter[];
  defaults?: Ref[];
  /** Free variables and the cells they read. */
  closure?: [string, Ref][];
  /** The id of the frame that ran the `def`. */
  madeIn?: string;
}
export type ParameterKind =
  | 'positional-only'
  | 'positional-or-keyword'
  | 'var-positional'
  | 'keyword-only'
  | 'var-keyword';

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
  /** Before the variable is bound. */
  empty?: true;
}
export interface GeneratorObject extends HeapObjectBase {
  kind: 'generator';
  name?: string;
  /** The frame id of its body while it runs or is suspended. */
  frame?: string;
  /** inspect.getgeneratorstate in words: created, running, suspended, finished. */
  state?: string;
  /** The line its frame is at. */
  line?: number;
  locals: [string, Ref][];
}

/** The objects that list attributes. */
export type AttrsObject = NamespaceObject | InstanceObject | ClassObject | FunctionObject | MethodObject | CellObject;

export interface Frame {
  id: string;
  name: string;
  line: number;
  /** Local names in binding order. */
  locals: [string, Ref][];
  /** The frame runs a generator's body. */
  generator?: true;
  /** The event loop's own frame (asyncio.run): it holds the loop's tasks. */
  loop?: true;
  /** The loop's virtual clock, in seconds. */
  clock?: number;
  /** The loop's tasks: which runs, which are ready, which wait and where. */
  tasks?: LoopTask[];
  [extra: string]: unknown;
}

/** One task as the tracer describes it in the event loop's frame. */
export interface LoopTask {
  name: string;
  state: 'running' | 'ready' | 'waiting';
  line?: number;
  waitsAt?: string;
}

export type StepEvent = 'call' | 'line' | 'return' | 'exception';

export interface Step {
  event: StepEvent;
  line: number;
  /** Characters of stdout printed so far. */
  stdout: number;
  /** Outermost (module) frame first. */
  stack: Frame[];
  /** Objects new or changed at this step, as the JSON writes them. */
  heap: Record<string, HeapObjectJson>;
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
