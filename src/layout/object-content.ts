// What each kind of heap object shows: its header words and its rows, before any geometry.
import { parameterListText, parametersOf } from '../trace/function-parameters.ts';
import type { Elided, FunctionObject, GeneratorObject, HeapObject, Ref, SequenceObject } from '../trace/types.ts';
import { shownItems } from './shorten-container.ts';
import type { ObjectKind, RowRole } from './types.ts';

/** One row before measuring: a label and either an inline value or a reference. */
export interface RowContent {
  role: RowRole;
  label?: string;
  /** Label set in the value face (indices, keys, reprs) rather than the label face. */
  labelIsCode?: boolean;
  ref?: string;
  /** The scalar written as `text` in place of an arrow to it (its identity, for change marks). */
  inlineOf?: string;
  /** A dict key that is drawn as a reference rather than inline. */
  keyRef?: string;
  text?: string;
  tone?: 'normal' | 'muted' | 'alert';
}

export interface ObjectContent {
  kind: ObjectKind;
  mutable: boolean;
  /** Header words; empty for one-line scalar boxes. */
  title: string;
  detail?: string;
  rows: RowContent[];
}

/** How the trace's references are shown: inline text for scalars when asked, else a reference. */
export interface ValueView {
  /** The inline text of a reference, or undefined when it is drawn as an arrow. */
  inlineText(ref: Ref): string | undefined;
  /** The id of a scalar written inline in place of an arrow, else undefined. */
  inlineOf(ref: Ref): string | undefined;
  /** A short repr of a scalar, for dict keys; undefined for non-scalars. */
  scalarRepr(ref: Ref): string | undefined;
}

const IMMUTABLE_TYPES = new Set([
  'int',
  'float',
  'complex',
  'bool',
  'NoneType',
  'str',
  'bytes',
  'tuple',
  'frozenset',
  'range',
  'NotImplementedType',
  'ellipsis',
  'code',
]);

/** Scalar types that may be drawn inline in a slot (immutable, so sharing them can never mislead). */
export const INLINE_SCALAR_TYPES = new Set(['int', 'float', 'complex', 'bool', 'NoneType', 'str', 'bytes', 'range']);

/** Objects of the snippet's own making (and the cells and generators they run on) can all change. */
export function isMutableType(obj: HeapObject): boolean {
  const kind = obj.kind;
  if (kind === 'function' || kind === 'class' || kind === 'instance' || kind === 'cell' || kind === 'generator')
    return true;
  return !IMMUTABLE_TYPES.has(obj.type);
}

/** The kind of box an object is drawn as: sequences by their type, a namespace as an instance. */
export function objectKindOf(obj: HeapObject): ObjectKind {
  switch (obj.kind) {
    case 'sequence':
      if (obj.type === 'tuple') return 'tuple';
      if (obj.type === 'set' || obj.type === 'frozenset') return 'set';
      return 'list';
    case 'namespace':
      return 'instance';
    default:
      return obj.kind;
  }
}

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

function refRow(role: RowRole, label: string | undefined, ref: Ref, view: ValueView, labelIsCode = true): RowContent {
  const text = view.inlineText(ref);
  const of = view.inlineOf(ref);
  return text === undefined
    ? { role, label, labelIsCode, ref: ref.ref }
    : { role, label, labelIsCode, text, ...(of ? { inlineOf: of } : {}) };
}

function elidedRow(count: number): RowContent {
  return { role: 'elided', text: `… ${count} more …`, tone: 'muted' };
}

/** Rows for head, gap and tail of a long container. */
function shortenedRows<T>(
  items: readonly T[],
  elided: Elided | undefined,
  row: (item: T, index: number) => RowContent,
): RowContent[] {
  const shown = shownItems(items, elided);
  return [
    ...shown.head.map((e) => row(e.item, e.index)),
    ...(shown.gap > 0 ? [elidedRow(shown.gap)] : []),
    ...shown.tail.map((e) => row(e.item, e.index)),
  ];
}

function sequenceRows(obj: SequenceObject, indexed: boolean, view: ValueView): RowContent[] {
  return shortenedRows(obj.items, obj.elided, (item, index) =>
    refRow(indexed ? 'index' : 'item', indexed ? String(index) : undefined, item, view, true),
  );
}

/** Rows for an object's attributes, or one muted row that says there are none. */
function attributeRows(attrs: [string, Ref][], view: ValueView): RowContent[] {
  return attrs.length
    ? shortenedRows(attrs, undefined, ([name, ref]) => refRow('attr', name, ref, view))
    : [{ role: 'info', text: 'no attributes', tone: 'muted' }];
}

function functionContent(obj: FunctionObject, mutable: boolean, view: ValueView): ObjectContent {
  const name = obj.name ?? obj.qualname ?? 'function';
  const parameters = parametersOf(obj);
  const defaults = obj.defaults ?? [];
  const names = (parameters ?? []).filter((parameter) => parameter.default).map((parameter) => parameter.name);
  const rows: RowContent[] = defaults.map((ref, i) =>
    refRow('attr', names.length === defaults.length ? `default ${names[i]}` : `default ${i + 1}`, ref, view, false),
  );
  for (const [freeName, ref] of obj.closure ?? []) rows.push(refRow('attr', `closure ${freeName}`, ref, view, false));
  const shown = parameters ? parameterListText(parameters) : (obj.signature ?? '(…)');
  return { kind: 'function', mutable, title: `function ${name}${shown}`, rows };
}

function generatorContent(obj: GeneratorObject, mutable: boolean, view: ValueView): ObjectContent {
  const state = obj.state ?? '';
  const line = obj.line !== undefined ? ` at line ${obj.line}` : '';
  const words =
    state === 'suspended' ? `suspended${line}` : state === 'running' ? 'running: its frame is on the stack' : state;
  const rows: RowContent[] = [{ role: 'info', text: words, tone: 'muted' }];
  if (state !== 'running') for (const [n, ref] of obj.locals) rows.push(refRow('local', n, ref, view));
  // Coroutines and async generators are drawn as generators are: a frame that waits, with its names.
  const flavour =
    obj.type === 'coroutine' ? 'coroutine' : obj.type === 'async_generator' ? 'async generator' : 'generator';
  return { kind: 'generator', mutable, title: `${flavour} ${obj.name ?? 'generator'}`, rows };
}

/** The header and rows of any heap object, by its kind. */
export function objectContent(obj: HeapObject, view: ValueView): ObjectContent {
  const mutable = isMutableType(obj);
  switch (obj.kind) {
    case 'scalar': {
      const cut = obj.reprLength !== undefined ? `${obj.repr}…` : obj.repr;
      return { kind: 'scalar', mutable, title: '', rows: [{ role: 'item', label: obj.type, text: cut }] };
    }
    case 'sequence': {
      const kind = objectKindOf(obj);
      const n = obj.length ?? obj.items.length;
      const detail = n === 0 ? 'empty' : count(n, 'item', 'items');
      return { kind, mutable, title: obj.type, detail, rows: sequenceRows(obj, kind !== 'set', view) };
    }
    case 'dict': {
      const rows = shortenedRows(obj.entries, obj.elided, ([key, value]) => {
        const keyText = view.scalarRepr(key);
        const row = refRow('entry', keyText ?? '', value, view, true);
        return keyText === undefined ? { ...row, keyRef: key.ref } : row;
      });
      const n = obj.length ?? obj.entries.length;
      return { kind: 'dict', mutable, title: obj.type, detail: n === 0 ? 'empty' : count(n, 'key', 'keys'), rows };
    }
    case 'namespace':
    case 'instance':
      return { kind: 'instance', mutable, title: `${obj.type} instance`, rows: attributeRows(obj.attrs, view) };
    case 'class': {
      const name = obj.name ?? obj.type;
      const bases = (obj.bases ?? []).filter((b) => b !== 'object');
      const title = `class ${name}${bases.length ? `(${bases.join(', ')})` : ''}`;
      return { kind: 'class', mutable, title, rows: attributeRows(obj.attrs, view) };
    }
    case 'function':
      return functionContent(obj, mutable, view);
    case 'cell': {
      const rows: RowContent[] =
        obj.empty === true || obj.attrs.length === 0
          ? [{ role: 'info', text: 'empty', tone: 'muted' }]
          : obj.attrs.map(([n, ref]) => refRow('attr', n, ref, view));
      return { kind: 'cell', mutable, title: 'cell', rows };
    }
    case 'generator':
      return generatorContent(obj, mutable, view);
    case 'method':
      return {
        kind: 'method',
        mutable,
        title: 'bound method',
        rows: obj.attrs.map(([n, ref]) => refRow('attr', n, ref, view)),
      };
  }
}
