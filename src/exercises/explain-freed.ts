// Why a line frees an object or does not, one sentence per object, from CPython's own verdict (`freed`).
import type { StepState } from '../trace/fold-trace.ts';
import { refsOf } from '../trace/heap-refs.ts';
import type { HeapObject } from '../trace/types.ts';
import { listWords as list, objectWords } from './object-words.ts';

/** What refers to `id` in a state, in words: names (`x`, `x` in f) and the objects holding it. */
export function referrersOf(state: StepState, id: string): string[] {
  const names = state.stack.flatMap((f) =>
    f.locals
      .filter(([, ref]) => ref.ref === id)
      .map(([n]) => (f.name === '<module>' ? `\`${n}\`` : `\`${n}\` in ${f.name}`)),
  );
  const holders = [...state.heap]
    .filter(([holderId, holder]) => holderId !== id && holds(holder, id))
    .map(([holderId]) => objectWords(state.heap, holderId));
  return [...names, ...holders];
}

const holds = (holder: HeapObject, id: string) => refsOf(holder).some((ref) => ref.ref === id);

/** Objects reachable from some frame's names at a state. */
function reachable(state: StepState): Set<string> {
  const seen = new Set<string>();
  const todo = state.stack.flatMap((f) => f.locals.map(([, ref]) => ref.ref));
  while (todo.length) {
    const id = todo.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    const obj = state.heap.get(id);
    if (obj) todo.push(...refsOf(obj).map((ref) => ref.ref));
  }
  return seen;
}

/** Why CPython never frees an immortal object, by what it is. */
function immortalWhy(obj: HeapObject): string {
  if (obj.type === 'int') return 'is a cached small int (-5 to 256): CPython made it at start-up and never frees it';
  if (obj.type === 'str') return 'is an interned string: CPython keeps it for the whole run';
  return 'is immortal: CPython never frees it';
}

/**
 * Pre: `freed` are the ids CPython deallocated while the line ran; `choices` were drawn at `before`.
 * Post: a sentence for each choice that the line frees, or that loses a reference and lives on; a
 * choice the line leaves alone gets a sentence saying what still refers to it.
 */
export function explainFreed(
  choices: string[],
  freed: ReadonlySet<string>,
  before: StepState,
  after: StepState,
): Record<string, string> {
  const reasons: Record<string, string> = {};
  const named = reachable(after);
  for (const id of choices) {
    const words = objectWords(before.heap, id);
    const had = referrersOf(before, id);
    const has = after.heap.has(id) ? referrersOf(after, id) : [];
    const obj = before.heap.get(id)!;
    if (freed.has(id)) {
      reasons[id] =
        `${capital(words)} lost its last reference` +
        `${had.length === 1 ? `, ${had[0]}` : had.length ? `s, ${list(had)}` : ''}: its count fell to zero.`;
    } else if (obj.immortal === true) {
      reasons[id] = `${capital(words)} ${immortalWhy(obj)}.`;
    } else if (!after.heap.has(id)) {
      reasons[id] =
        `${capital(words)} is not freed: nothing drawn refers to it now, but CPython still holds it (a ` +
        `constant of the code, or a reference the diagram does not show).`;
    } else if (has.length && !named.has(id)) {
      reasons[id] =
        `${capital(words)} is not freed: no name reaches it, but ${list(has)} still refer` +
        `${has.length === 1 ? 's' : ''} to it: a cycle keeps these counts above zero until the cycle collector runs.`;
    } else if (has.length) {
      reasons[id] = `${capital(words)} is not freed: ${list(has)} still refer${has.length === 1 ? 's' : ''} to it.`;
    } else {
      reasons[id] = `${capital(words)} is not freed: something still holds it (a cycle waits for the collector).`;
    }
  }
  return reasons;
}

const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
