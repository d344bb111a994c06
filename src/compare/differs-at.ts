// What differs between the sides at one moment: pairs of paths that reach one object on some sides
// and two on others (`clone[0] is grid[0]` on one side only), and objects a path reaches on some
// sides only. Each becomes marks on both pictures and a sentence.
import type { NamePath } from './name-paths.ts';
import type { SideMarks } from './types.ts';

/** How many differing pairs a sentence names before it says how many more there are. */
const NAMED_PAIRS = 2;

export interface DiffersAt {
  marks: SideMarks[];
  sentence: string;
}

/** Code for a sentence: the path as Python would write the test. */
const code = (words: string) => `\`${words}\``;

/**
 * Pre: `paths[s]` are side s's name paths at this moment (namePaths), `labels[s]` its label.
 * Post: marks list, per side, the objects and last arrows of every path in a differing pair or
 * reaching an object the other sides lack a path to; sorted, without repeats.
 */
export function differsAt(paths: NamePath[][], labels: string[]): DiffersAt {
  const byWords = paths.map((side) => new Map(side.map((p) => [p.words, p])));
  const common = [...byWords[0]!.keys()].filter((words) => byWords.every((side) => side.has(words)));
  const marked = paths.map(() => new Set<string>());
  const mark = (side: number, words: string) => marked[side]!.add(words);

  // Pairs of common paths that share an object on some side, with their verdict on every side.
  const pairs = new Map<string, { left: string; right: string; same: boolean[] }>();
  byWords.forEach((side) => {
    const groups = new Map<string, string[]>();
    for (const words of common) groups.set(side.get(words)!.id, [...(groups.get(side.get(words)!.id) ?? []), words]);
    for (const group of groups.values()) {
      for (let i = 0; i < group.length; i++) {
        for (let j = i + 1; j < group.length; j++) {
          const [left, right] = [group[i]!, group[j]!];
          const same = byWords.map((other) => other.get(left)!.id === other.get(right)!.id);
          if (same.some((s) => !s)) pairs.set(`${left}\n${right}`, { left, right, same });
        }
      }
    }
  });
  const differing = [...pairs.values()].sort(
    (a, b) => depth(a.left) + depth(a.right) - depth(b.left) - depth(b.right) || compare(a.left, b.left),
  );
  for (const { left, right } of differing) {
    paths.forEach((_, s) => {
      mark(s, left);
      mark(s, right);
    });
  }
  // Paths to an object on some sides only; a path inside one already marked says nothing new.
  const only = new Map<string, boolean[]>();
  const allWords = [...new Set(byWords.flatMap((side) => [...side.keys()]))].sort((a, b) => depth(a) - depth(b));
  const inside = (words: string, shorter: string) =>
    words.startsWith(shorter) && /^[[.]/.test(words.slice(shorter.length));
  for (const words of allWords) {
    const has = byWords.map((side) => side.has(words));
    if (has.every(Boolean) || [...only.keys()].some((shorter) => inside(words, shorter))) continue;
    only.set(words, has);
    has.forEach((present, s) => present && mark(s, words));
  }
  const marks = marked.map((words, s): SideMarks => {
    const side = byWords[s]!;
    const hits = [...words].map((w) => side.get(w)!);
    return {
      objects: [...new Set(hits.map((p) => p.id))].sort(),
      arrows: [...new Set(hits.map((p) => `${p.from}>${p.id}`))].sort(),
    };
  });
  return { marks, sentence: sentence(differing, only, labels) };
}

function sentence(
  differing: { left: string; right: string; same: boolean[] }[],
  only: Map<string, boolean[]>,
  labels: string[],
): string {
  const where = (flags: boolean[], yes: boolean) => labelList(labels.filter((_, s) => flags[s] === yes));
  // Pairs with the same verdict on every side share one clause.
  const clauses = new Map<string, string[]>();
  for (const { left, right, same } of differing.slice(0, NAMED_PAIRS)) {
    const verdict = `in ${where(same, true)}, not in ${where(same, false)}`;
    clauses.set(verdict, [...(clauses.get(verdict) ?? []), code(`${right} is ${left}`)]);
  }
  const parts = [...clauses].map(([verdict, tests]) => `${labelList(tests)} ${verdict}`);
  if (differing.length > NAMED_PAIRS) parts.push(`${differing.length - NAMED_PAIRS} more such pairs`);
  const onlyParts = [...only.entries()]
    .sort(([a], [b]) => depth(a) - depth(b) || compare(a, b))
    .slice(0, NAMED_PAIRS)
    .map(([words, has]) => `${code(words)} only in ${where(has, true)}`);
  const all = [...parts, ...onlyParts];
  return all.length ? `${capital(all.join('; '))}.` : '';
}

const depth = (words: string) => (words.match(/[[.]/g) ?? []).length;
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const capital = (text: string) => (text.startsWith('`') ? text : text[0]!.toUpperCase() + text.slice(1));
const labelList = (names: string[]) =>
  names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
