// What each kind of heap object shows: its header words and its rows, before any geometry.
import { parameterListText, parametersOf } from '../trace/function-parameters.ts';
import type { FunctionObject, HeapObject, Ref } from '../trace/types.ts';
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
  'int', 'float', 'complex', 'bool', 'NoneType', 'str', 'bytes', 'tuple', 'frozenset', 'range',
  'NotImplementedType', 'ellipsis', 'code',
]);

/** Scalar types that may be drawn inline in a slot (immutable, so sharing them can never mislead). */
export const INLINE_SCALAR_TYPES = new Set(['int', 'float', 'complex', 'bool', 'NoneType', 'str', 'bytes', 'range']);

export function isMutableType(obj: HeapObject): boolean {
  const kind = obj['kind'];
  if (kind === 'function' || kind === 'class' || kind === 'instance' || kind === 'cell' || kind === 'generator') return true;
  return !IMMUTABLE_TYPES.has(obj.type);
}

export function objectKindOf(obj: HeapObject): ObjectKind {
  const kind = obj['kind'];
  if (kind === 'instance' || kind === 'class' || kind === 'function' || kind === 'cell' || kind === 'generator' || kind === 'method') return kind;
  if ('entries' in obj && Array.isArray(obj.entries)) return 'dict';
  if ('items' in obj && Array.isArray(obj.items)) {
    if (obj.type === 'tuple') return 'tuple';
    if (obj.type === 'set' || obj.type === 'frozenset') return 'set';
    return 'list';
  }
  if ('attrs' in obj && Array.isArray(obj.attrs)) return 'instance';
  if (typeof obj['repr'] === 'string') return 'scalar';
  return 'other';
}

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

function refRow(role: RowRole, label: string | undefined, ref: Ref, view: ValueView, labelIsCode = true): RowContent {
  const text = view.inlineText(ref);
  const of = view.inlineOf(ref);
  return text === undefined ? { role, label, labelIsCode, ref: ref.ref } : { role, label, labelIsCode, text, ...(of ? { inlineOf: of } : {}) };
}

type Elision = { at: number; count: number } | undefined;

function elidedRow(count: number): RowContent {
  return { role: 'elided', text: `… ${count} more …`, tone: 'muted' };
}

/** Rows for head, gap and tail of a long container. */
function shortenedRows<T>(items: readonly T[], elided: Elision, row: (item: T, index: number) => RowContent): RowContent[] {
  const shown = shownItems(items, elided);
  return [
    ...shown.head.map((e) => row(e.item, e.index)),
    ...(shown.gap > 0 ? [elidedRow(shown.gap)] : []),
    ...shown.tail.map((e) => row(e.item, e.index)),
  ];
}

function sequenceRows(obj: HeapObject, indexed: boolean, view: ValueView): RowContent[] {
  const items = (obj['items'] as Ref[]) ?? [];
  return shortenedRows(items, obj['elided'] as Elision, (item, index) =>
    refRow(indexed ? 'index' : 'item', indexed ? String(index) : undefined, item, view, true));
}

export function objectContent(obj: HeapObject, view: ValueView): ObjectContent {
  const kind = objectKindOf(obj);
  const mutable = isMutableType(obj);
  const attrs = (obj['attrs'] as [string, Ref][] | undefined) ?? [];
  const length = (n: number) => (typeof obj['length'] === 'number' ? (obj['length'] as number) : n);
  switch (kind) {
    case 'scalar':
    case 'other': {
      const repr = typeof obj['repr'] === 'string' ? (obj['repr'] as string) : `<${obj.type}>`;
      const cut = typeof obj['reprLength'] === 'number' ? `${repr}…` : repr;
      return { kind, mutable, title: '', rows: [{ role: 'item', label: obj.type, text: cut }] };
    }
    case 'list':
    case 'tuple':
    case 'set': {
      const items = (obj['items'] as Ref[]) ?? [];
      const n = length(items.length);
      return { kind, mutable, title: obj.type, detail: n === 0 ? 'empty' : count(n, 'item', 'items'), rows: sequenceRows(obj, kind !== 'set', view) };
    }
    case 'dict': {
      const entries = (obj['entries'] as [Ref, Ref][]) ?? [];
      const rows = shortenedRows(entries, obj['elided'] as Elision, ([key, value]) => {
        const keyText = view.scalarRepr(key);
        const row = refRow('entry', keyText ?? '', value, view, true);
        return keyText === undefined ? { ...row, keyRef: key.ref } : row;
      });
      const n = length(entries.length);
      return { kind, mutable, title: obj.type, detail: n === 0 ? 'empty' : count(n, 'key', 'keys'), rows };
    }
    case 'instance':
      return {
        kind, mutable, title: `${obj.type} instance`,
        rows: attrs.length ? shortenedRows(attrs, undefined, ([name, ref]) => refRow('attr', name, ref, view)) : [{ role: 'info', text: 'no attributes', tone: 'muted' }],
      };
    case 'class': {
      const name = typeof obj['name'] === 'string' ? (obj['name'] as string) : obj.type;
      const bases = ((obj['bases'] as string[] | undefined) ?? []).filter((b) => b !== 'object');
      return {
        kind, mutable, title: `class ${name}${bases.length ? `(${bases.join(', ')})` : ''}`,
        rows: attrs.length ? shortenedRows(attrs, undefined, ([n, ref]) => refRow('attr', n, ref, view)) : [{ role: 'info', text: 'no attributes', tone: 'muted' }],
      };
    }
    case 'function': {
      const name = String(obj['name'] ?? obj['qualname'] ?? 'function');
      const parameters = parametersOf(obj as FunctionObject);
      const defaults = (obj['defaults'] as Ref[] | undefined) ?? [];
      const names = (parameters ?? []).filter((parameter) => parameter.default).map((parameter) => parameter.name);
      const rows: RowContent[] = defaults.map((ref, i) =>
        refRow('attr', names.length === defaults.length ? `default ${names[i]}` : `default ${i + 1}`, ref, view, false));
      for (const [freeName, ref] of (obj['closure'] as [string, Ref][] | undefined) ?? []) rows.push(refRow('attr', `closure ${freeName}`, ref, view, false));
      const shown = parameters ? parameterListText(parameters) : typeof obj['signature'] === 'string' ? (obj['signature'] as string) : '(…)';
      return { kind, mutable, title: `function ${name}${shown}`, rows };
    }
    case 'cell': {
      if (obj['empty'] === true || attrs.length === 0) return { kind, mutable, title: 'cell', rows: [{ role: 'info', text: 'empty', tone: 'muted' }] };
      return { kind, mutable, title: 'cell', rows: attrs.map(([n, ref]) => refRow('attr', n, ref, view)) };
    }
    case 'generator': {
      const name = String(obj['name'] ?? 'generator');
      const state = String(obj['state'] ?? '');
      const line = typeof obj['line'] === 'number' ? ` at line ${obj['line']}` : '';
      const locals = (obj['locals'] as [string, Ref][] | undefined) ?? [];
      const words = state === 'suspended' ? `suspended${line}` : state === 'running' ? 'running: its frame is on the stack' : state;
      const rows: RowContent[] = [{ role: 'info', text: words, tone: 'muted' }];
      if (state !== 'running') for (const [n, ref] of locals) rows.push(refRow('local', n, ref, view));
      // Coroutines and async generators are drawn as generators are: a frame that waits, with its names.
      const flavour =
        obj.type === 'coroutine' ? 'coroutine' : obj.type === 'async_generator' ? 'async generator' : 'generator';
      return { kind, mutable, title: `${flavour} ${name}`, rows };
    }
    case 'method':
      return { kind, mutable, title: 'bound method', rows: attrs.map(([n, ref]) => refRow('attr', n, ref, view)) };
  }
}
