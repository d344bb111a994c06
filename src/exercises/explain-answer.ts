// One sentence of why for each answer, made from the states before and after the line.
import type { StepState } from '../trace/fold-trace.ts';
import { objectWords } from './object-words.ts';
import { namesUsed } from './python-line.ts';

/** Names in every frame that refer to `id` in a state, as `name` (module) or `name` in f. */
function namesOf(state: StepState, id: string, except: string, frame: string): string[] {
  return state.stack.flatMap((f) => f.locals
    .filter(([n, ref]) => ref.ref === id && !(n === except && f.id === frame))
    .map(([n]) => (f.id === frame || f.name === '<module>' ? `\`${n}\`` : `\`${n}\` in ${f.name}`)));
}

const list = (items: string[]) => (items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`);

export function explainPointer(code: string, name: string, answer: string, before: StepState, after: StepState, frame: string): string {
  const previous = before.stack.find((f) => f.id === frame)?.locals.find(([n]) => n === name)?.[1].ref;
  const words = objectWords(after.heap, answer);
  const alsoNow = namesOf(after, answer, name, frame);
  if (previous === answer) {
    return `\`${code}\` works on the object \`${name}\` already named, so \`${name}\` still names ${words}${alsoNow.length ? `, as ${list(alsoNow)} do${alsoNow.length === 1 ? 'es' : ''}` : ''}.`;
  }
  const existed = before.heap.has(answer);
  const oldNames = previous ? namesOf(after, previous, name, frame) : [];
  const made = existed ? `\`${code}\` binds \`${name}\` to ${words}${alsoNow.length ? `, which ${list(alsoNow)} already name${alsoNow.length === 1 ? 's' : ''}` : ', an object already there'}`
    : `\`${code}\` makes a new ${after.heap.get(answer)?.type ?? 'object'} and binds \`${name}\` to it`;
  const left = previous && oldNames.length ? `; ${list(oldNames)} still name${oldNames.length === 1 ? 's' : ''} the old ${before.heap.get(previous)?.type ?? 'object'}` : '';
  return `${made}${left}.`;
}

export function explainOutput(code: string, printed: string, before: StepState, frame: string): string {
  const locals = before.stack.find((f) => f.id === frame)?.locals ?? [];
  const used = namesUsed(code).flatMap((n) => locals.filter(([local]) => local === n));
  const byObject = new Map<string, string[]>();
  for (const [n, ref] of used) byObject.set(ref.ref, [...(byObject.get(ref.ref) ?? []), `\`${n}\``]);
  const facts = [...byObject].map(([id, names]) => (names.length > 1
    ? `${list(names)} name the same object, ${objectWords(before.heap, id)}`
    : `${names[0]} names ${objectWords(before.heap, id)}`));
  const shown = printed.includes('\n') ? 'those lines' : `\`${printed}\``;
  return facts.length ? `When \`${code}\` runs, ${list(facts)}, so it prints ${shown}.` : `\`${code}\` prints ${shown}.`;
}
