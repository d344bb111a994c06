// Heap objects named in words, for exercise answers, explanations and screen-reader choices.
import { attrsOf, entriesOf, itemsOf, reprOf } from '../trace/heap-fields.ts';
import type { HeapObject, Ref } from '../trace/types.ts';

type Heap = ReadonlyMap<string, HeapObject>;

/** "a", "a and b", "a, b and c". */
export const listWords = (items: string[]) =>
  items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
const LONGEST = 40;

/** "the list ['eggs', 'milk']", "the int 301", "the Node instance", "the function add". */
export function objectWords(heap: Heap, id: string): string {
  const obj = heap.get(id);
  if (!obj) return 'an object no longer shown';
  switch (obj.kind) {
    case 'instance':
      return `the ${obj.type} instance${firstScalarAttribute(heap, obj)}`;
    case 'class':
      return `the class ${obj.name || obj.type}`;
    case 'function':
      return `the function ${(obj.name ?? obj.qualname) || 'without a name'}`;
    case 'generator':
      return `the generator ${obj.name ?? ''}`.trimEnd();
    case 'cell':
      return 'the cell';
    case 'method':
      return 'the bound method';
  }
  if (obj.kind === 'scalar' && obj.repr.startsWith('<')) return addressFree(obj.type, obj.repr);
  return `the ${obj.type} ${valueWords(heap, id, 2)}`;
}

/** " (name 'root')": the first attribute holding a short scalar, which tells instances of one class apart. */
function firstScalarAttribute(heap: Heap, obj: HeapObject): string {
  for (const [name, ref] of attrsOf(obj)) {
    const repr = reprOf(heap.get(ref.ref));
    if (repr !== undefined && !repr.startsWith('<') && repr.length <= 20) return ` (${name} ${repr})`;
  }
  return '';
}

/** Weakref reprs (`<weakref; dead>`, `<weakref; to 'Node'>`: the tracer drops addresses) in words. */
function addressFree(type: string, repr: string): string {
  const weak = /^<weakref; (?:(dead)|to '([^']+)')>$/.exec(repr);
  if (weak) return weak[1] ? 'the weak reference, now dead' : `the weak reference to a ${weak[2]}`;
  return `the ${type} object`;
}

/** Where `id` is held inside another object, e.g. "the class Playlist's `songs`", or undefined. */
export function holderWords(heap: Heap, id: string): string | undefined {
  for (const [holderId, holder] of heap) {
    const slot = itemsOf(holder).findIndex((ref) => ref.ref === id);
    if (slot >= 0) return `slot ${slot} of ${objectWords(heap, holderId)}`;
    const attr = attrsOf(holder).find(([, ref]) => ref.ref === id);
    if (attr) return `${objectWords(heap, holderId)}'s \`${attr[0]}\``;
    if (entriesOf(holder).some(([, value]) => value.ref === id)) {
      return `an entry of ${objectWords(heap, holderId)}`;
    }
  }
  return undefined;
}

/** A short Python-like rendering of the object's value, nested containers to `depth`. */
function valueWords(heap: Heap, id: string, depth: number): string {
  const obj = heap.get(id);
  if (!obj) return '…';
  if (obj.kind === 'scalar') return cut(obj.repr);
  const inner = (ref: Ref) => (depth > 0 ? valueWords(heap, ref.ref, depth - 1) : '…');
  if (obj.kind === 'sequence' || (obj.kind === 'instance' && obj.items)) {
    const items = itemsOf(obj).map(inner);
    const [open, close] =
      obj.type === 'tuple'
        ? ['(', items.length === 1 ? ',)' : ')']
        : obj.type.endsWith('set')
          ? ['{', '}']
          : ['[', ']'];
    if (items.length === 0) return obj.type.endsWith('set') ? 'empty' : `${open}${close}`;
    return cut(`${open}${items.join(', ')}${close}`);
  }
  if (obj.kind === 'dict' || (obj.kind === 'instance' && obj.entries)) {
    return cut(
      `{${entriesOf(obj)
        .map(([k, v]) => `${inner(k)}: ${inner(v)}`)
        .join(', ')}}`,
    );
  }
  return obj.type;
}

function cut(text: string): string {
  return text.length > LONGEST ? `${text.slice(0, LONGEST - 1)}…` : text;
}
