// One step's memory as paths from names to objects (`grid`, `grid[0]`, `node.next`, `f.__defaults__[0]`),
// the words a reader uses to say that two names share an object. Scalars are left out: whether two
// names share an int or a str is CPython's business, not the program's.
import type { StepState } from '../trace/fold-trace.ts';
import { attrsOf, entriesOf, itemsOf, reprOf } from '../trace/heap-fields.ts';
import type { HeapObject } from '../trace/types.ts';

/** How deep a path goes from its name, and how many paths one step keeps. */
const MAX_DEPTH = 4;
const MAX_PATHS = 400;

export interface NamePath {
  /** The path in Python's words, prefixed by its frame when not the module's: `grid[0]`, `f: acc`. */
  words: string;
  /** The object it reaches. */
  id: string;
  /** The frame or object the path's last reference starts in. */
  from: string;
}

/** Children of an object as [accessor, object id]: items by index, dict values by key, attributes, defaults. */
function childrenOf(obj: HeapObject, heap: ReadonlyMap<string, HeapObject>): [string, string][] {
  if (obj.kind === 'function') {
    return (obj.defaults ?? []).map((ref, i) => [`.__defaults__[${i}]`, ref.ref]);
  }
  if (obj.kind === 'class' || obj.kind === 'method' || obj.kind === 'cell') return [];
  // A set's items have no place to name them by.
  const items = /set$/.test(obj.type) ? [] : itemsOf(obj).map((ref, i): [string, string] => [`[${i}]`, ref.ref]);
  const entries = entriesOf(obj).flatMap(([key, value]): [string, string][] => {
    const repr = reprOf(heap.get(key.ref));
    return repr === undefined ? [] : [[`[${repr}]`, value.ref]];
  });
  const attrs = attrsOf(obj).map(([name, ref]): [string, string] => [`.${name}`, ref.ref]);
  return [...items, ...entries, ...attrs];
}

/**
 * Pre: `state` is a folded step. Post: every path of at most MAX_DEPTH references from a frame's
 * name to a non-scalar object, breadth first (frames outermost first, names in binding order), no
 * path through the same object twice, at most MAX_PATHS; the same state gives the same list.
 */
export function namePaths(state: StepState): NamePath[] {
  const paths: NamePath[] = [];
  const seenFrames = new Map<string, number>();
  let level: { words: string; id: string; from: string; through: Set<string> }[] = [];
  for (const frame of state.stack) {
    if (frame.loop) continue;
    const count = (seenFrames.get(frame.name) ?? 0) + 1;
    seenFrames.set(frame.name, count);
    const prefix = frame.name === '<module>' ? '' : `${frame.name}${count > 1 ? `#${count}` : ''}: `;
    for (const [name, ref] of frame.locals) {
      level.push({ words: `${prefix}${name}`, id: ref.ref, from: frame.id, through: new Set() });
    }
  }
  for (let depth = 0; depth <= MAX_DEPTH && level.length; depth++) {
    const next: typeof level = [];
    for (const path of level) {
      const obj = state.heap.get(path.id);
      if (!obj || obj.kind === 'scalar' || path.through.has(path.id)) continue;
      if (paths.length >= MAX_PATHS) return paths;
      paths.push({ words: path.words, id: path.id, from: path.from });
      const through = new Set(path.through).add(path.id);
      for (const [accessor, child] of childrenOf(obj, state.heap)) {
        next.push({ words: `${path.words}${accessor}`, id: child, from: path.id, through });
      }
    }
    level = next;
  }
  return paths;
}
