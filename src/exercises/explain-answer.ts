// One sentence of why for each answer, made from the states before and after the line.
import type { StepState } from '../trace/fold-trace.ts';
import { attrsOf, entriesOf, itemsOf, reprOf } from '../trace/heap-fields.ts';
import { holderWords, listWords as list, objectWords } from './object-words.ts';
import { withoutStrings } from '../core/python-line.ts';

type Heap = StepState['heap'];

/** Names in every frame that refer to `id` in a state, as `name` (module) or `name` in f. */
function namesOf(state: StepState, id: string, except: string, frame: string): string[] {
  return state.stack.flatMap((f) =>
    f.locals
      .filter(([n, ref]) => ref.ref === id && !(n === except && f.id === frame))
      .map(([n]) => (f.id === frame || f.name === '<module>' ? `\`${n}\`` : `\`${n}\` in ${f.name}`)),
  );
}

export function explainPointer(
  code: string,
  name: string,
  answer: string,
  before: StepState,
  after: StepState,
  frame: string,
): string {
  const previous = before.stack.find((f) => f.id === frame)?.locals.find(([n]) => n === name)?.[1].ref;
  const words = objectWords(after.heap, answer);
  const alsoNow = namesOf(after, answer, name, frame);
  const holder = holderWords(after.heap, answer);
  const heldBy = holder ? `, the object in ${holder}` : '';
  if (previous === answer) {
    return (
      `\`${code}\` works on the object \`${name}\` already named, so \`${name}\` still names ${words}` +
      `${alsoNow.length ? `, as ${list(alsoNow)} do${alsoNow.length === 1 ? 'es' : ''}` : heldBy}.`
    );
  }
  const existed = before.heap.has(answer);
  const oldNames = previous ? namesOf(after, previous, name, frame) : [];
  const made = existed
    ? `\`${code}\` binds \`${name}\` to ${words}` +
      (alsoNow.length
        ? `, which ${list(alsoNow)} already name${alsoNow.length === 1 ? 's' : ''}`
        : heldBy || ', an object already there')
    : `\`${code}\` makes a new ${after.heap.get(answer)?.type ?? 'object'} and binds \`${name}\` to it`;
  const left =
    previous && oldNames.length
      ? `; ${list(oldNames)} still name${oldNames.length === 1 ? 's' : ''} the old ` +
        `${before.heap.get(previous)?.type ?? 'object'}`
      : '';
  return `${made}${left}.`;
}

/** Functions and classes say nothing about a printed value; the call's own steps do. */
const isCallable = (heap: Heap, id: string) => ['function', 'class', 'method'].includes(heap.get(id)?.kind ?? '');

/** Pre: `freed` are the ids CPython deallocated while the line ran (the trace's `freed`). */
export function explainOutput(
  code: string,
  printed: string,
  before: StepState,
  frame: string,
  freed: string[] = [],
): string {
  const locals = before.stack.find((f) => f.id === frame)?.locals ?? [];
  const read = readsOf(code, new Map(locals.map(([n, ref]) => [n, ref.ref])), before.heap);
  const called = read.filter(([, id]) => isCallable(before.heap, id)).map(([text]) => text);
  const byObject = new Map<string, string[]>();
  for (const [text, id] of read)
    if (!isCallable(before.heap, id)) byObject.set(id, [...(byObject.get(id) ?? []), `\`${text}\``]);
  const facts = [...byObject].map(([id, texts]) =>
    texts.length > 1
      ? `${list(texts)} name the same object, ${objectWords(before.heap, id)}`
      : `${texts[0]} ${texts[0]!.includes('.') || texts[0]!.includes('[') ? 'is' : 'names'} ` +
        `${objectWords(before.heap, id)}`,
  );
  const shown = printed.includes('\n') ? 'those lines' : `\`${printed}\``;
  const drawnFreed = freed.filter((id) => before.heap.has(id)).map((id) => objectWords(before.heap, id));
  const frees = drawnFreed.length ? `; the line frees ${list(drawnFreed)}` : '';
  if (facts.length) return `When \`${code}\` runs, ${list(facts)}${frees}, so it prints ${shown}.`;
  if (called.length)
    return `Step back through the call of ${list(called.map((c) => `\`${c}\``))} to see where ${shown} came from.`;
  return `\`${code}\` prints ${shown}.`;
}

/**
 * The names a line reads, each followed as far as the heap allows through `.attr`, `["key"]` and
 * `[0]` (`leaf.parent`, `defaults["plugins"]`), with the object reached, in order of first use.
 */
function readsOf(code: string, names: Map<string, string>, heap: Heap): [string, string][] {
  const blank = withoutStrings(code);
  const found = new Map<string, string>();
  for (const match of blank.matchAll(/(?<![\w.])[A-Za-z_]\w*/g)) {
    let id = names.get(match[0]);
    if (!id) continue;
    let text = match[0];
    const rest = code.slice(match.index + text.length);
    for (const step of rest.matchAll(/(?:\.([A-Za-z_]\w*)|\[\s*(?:(\d+)|"([^"\\]*)"|'([^'\\]*)')\s*\])/gy)) {
      const next = follow(heap, id, step[1], step[2], step[3] ?? step[4]);
      if (!next) break;
      id = next;
      text += step[0];
    }
    if (!found.has(text)) found.set(text, id);
  }
  return [...found];
}

/** The object one `.attr`, `[index]` or `["key"]` step reaches from `id`, if the heap holds it. */
function follow(heap: Heap, id: string, attr?: string, index?: string, key?: string): string | undefined {
  const obj = heap.get(id);
  if (!obj) return undefined;
  if (attr !== undefined) return attrsOf(obj).find(([n]) => n === attr)?.[1].ref;
  if (index !== undefined) return itemsOf(obj)[Number(index)]?.ref;
  const entry = entriesOf(obj).find(([k]) => {
    const repr = reprOf(heap.get(k.ref));
    return repr !== undefined && heap.get(k.ref)?.type === 'str' && repr.slice(1, -1) === key;
  });
  return entry?.[1].ref;
}
