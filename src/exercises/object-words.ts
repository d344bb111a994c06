// Heap objects named in words, for exercise answers, explanations and screen-reader choices.
import type { HeapObject, Ref } from '../trace/types.ts';

type Heap = ReadonlyMap<string, HeapObject>;

/** "a", "a and b", "a, b and c". */
export const listWords = (items: string[]) => (items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`);
const LONGEST = 40;

/** "the list ['eggs', 'milk']", "the int 301", "the Node instance", "the function add". */
export function objectWords(heap: Heap, id: string): string {
  const obj = heap.get(id);
  if (!obj) return 'an object no longer shown';
  const kind = obj['kind'];
  const name = String(obj['name'] ?? obj['qualname'] ?? '');
  if (kind === 'instance') return `the ${obj.type} instance${firstScalarAttribute(heap, obj)}`;
  if (kind === 'class') return `the class ${name || obj.type}`;
  if (kind === 'function') return `the function ${name || 'without a name'}`;
  if (kind === 'generator') return `the generator ${name}`.trimEnd();
  if (kind === 'cell') return 'the cell';
  if (kind === 'method') return 'the bound method';
  if (typeof obj['repr'] === 'string' && obj['repr'].startsWith('<')) return addressFree(obj.type, obj['repr']);
  return `the ${obj.type} ${valueWords(heap, id, 2)}`;
}

/** " (name 'root')": the first attribute holding a short scalar, which tells instances of one class apart. */
function firstScalarAttribute(heap: Heap, obj: HeapObject): string {
  const attrs = Array.isArray(obj['attrs']) ? obj['attrs'] as [string, Ref][] : [];
  for (const [name, ref] of attrs) {
    const repr = heap.get(ref.ref)?.['repr'];
    if (typeof repr === 'string' && !repr.startsWith('<') && repr.length <= 20) return ` (${name} ${repr})`;
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
    const slot = Array.isArray(holder['items']) ? (holder['items'] as Ref[]).findIndex((ref) => ref.ref === id) : -1;
    if (slot >= 0) return `slot ${slot} of ${objectWords(heap, holderId)}`;
    const attr = Array.isArray(holder['attrs']) ? (holder['attrs'] as [string, Ref][]).find(([, ref]) => ref.ref === id) : undefined;
    if (attr) return `${objectWords(heap, holderId)}'s \`${attr[0]}\``;
    if (Array.isArray(holder['entries']) && (holder['entries'] as [Ref, Ref][]).some(([, value]) => value.ref === id)) {
      return `an entry of ${objectWords(heap, holderId)}`;
    }
  }
  return undefined;
}

/** A short Python-like rendering of the object's value, nested containers to `depth`. */
function valueWords(heap: Heap, id: string, depth: number): string {
  const obj = heap.get(id);
  if (!obj) return '…';
  if (typeof obj['repr'] === 'string') return cut(obj['repr']);
  const inner = (ref: Ref) => (depth > 0 ? valueWords(heap, ref.ref, depth - 1) : '…');
  if (Array.isArray(obj['items'])) {
    const items = (obj['items'] as Ref[]).map(inner);
    const [open, close] = obj.type === 'tuple' ? ['(', items.length === 1 ? ',)' : ')'] : obj.type.endsWith('set') ? ['{', '}'] : ['[', ']'];
    if (items.length === 0) return obj.type.endsWith('set') ? 'empty' : `${open}${close}`;
    return cut(`${open}${items.join(', ')}${close}`);
  }
  if (Array.isArray(obj['entries'])) {
    return cut(`{${(obj['entries'] as [Ref, Ref][]).map(([k, v]) => `${inner(k)}: ${inner(v)}`).join(', ')}}`);
  }
  return obj.type;
}

function cut(text: string): string {
  return text.length > LONGEST ? `${text.slice(0, LONGEST - 1)}…` : text;
}
