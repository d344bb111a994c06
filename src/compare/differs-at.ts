// What differs between the sides at one moment: names that reach one object on some sides and
// several on others (`clone[0] is grid[0]` on one side only), and objects a path reaches on some
// sides only. Each becomes marks on every picture and a sentence.
import type { NamePath } from './name-paths.ts';
import type { SideMarks } from './types.ts';

/** How many differences a sentence names before it says how many more there are. */
const NAMED = 2;

export interface DiffersAt {
  marks: SideMarks[];
  sentence: string;
}

/** Paths present on every side that share one object on some side: how many objects each side has for them. */
interface SharingGroup {
  paths: string[];
  counts: number[];
}

/**
 * Pre: `paths[s]` are side s's name paths at this moment (namePaths), `labels[s]` its label.
 * Post: marks list, per side, the objects and last arrows of every path in a group that shares
 * differently, or reaching an object some side has no such path to; sorted, without repeats.
 */
export function differsAt(paths: NamePath[][], labels: string[]): DiffersAt {
  const byWords = paths.map((side) => new Map(side.map((p) => [p.words, p])));
  const common = [...byWords[0]!.keys()].filter((words) => byWords.every((side) => side.has(words)));
  const groups = sharingGroups(byWords, common);
  const marked = paths.map(() => new Set<string>());
  for (const group of groups) for (const words of group.paths) for (const side of marked) side.add(words);

  // Paths to an object on some sides only; a path inside one already counted says nothing new.
  const only = new Map<string, boolean[]>();
  const allWords = [...new Set(byWords.flatMap((side) => [...side.keys()]))].sort((a, b) => depth(a) - depth(b));
  const inside = (words: string, shorter: string) =>
    words.startsWith(shorter) && /^[[.]/.test(words.slice(shorter.length));
  for (const words of allWords) {
    const has = byWords.map((side) => side.has(words));
    if (has.every(Boolean) || [...only.keys()].some((shorter) => inside(words, shorter))) continue;
    only.set(words, has);
    has.forEach((present, s) => present && marked[s]!.add(words));
  }
  const marks = marked.map((words, s): SideMarks => {
    const hits = [...words].map((w) => byWords[s]!.get(w)!);
    return {
      objects: [...new Set(hits.map((p) => p.id))].sort(),
      arrows: [...new Set(hits.map((p) => `${p.from}>${p.id}`))].sort(),
    };
  });
  return { marks, sentence: sentence(groups, only, labels) };
}

/** Groups of common paths one side keeps on one object and another does not, widest first, none inside another. */
function sharingGroups(byWords: Map<string, NamePath>[], common: string[]): SharingGroup[] {
  const found = new Map<string, SharingGroup>();
  for (const side of byWords) {
    const byObject = new Map<string, string[]>();
    for (const words of common)
      byObject.set(side.get(words)!.id, [...(byObject.get(side.get(words)!.id) ?? []), words]);
    for (const group of byObject.values()) {
      if (group.length < 2) continue;
      const counts = byWords.map((other) => new Set(group.map((words) => other.get(words)!.id)).size);
      if (counts.some((count) => count > 1)) found.set(group.join('\n'), { paths: group, counts });
    }
  }
  const groups = [...found.values()].sort(
    (a, b) => b.paths.length - a.paths.length || pathOrder(a.paths[0]!, b.paths[0]!),
  );
  return groups.filter(
    (group, i) => !groups.slice(0, i).some((wider) => group.paths.every((p) => wider.paths.includes(p))),
  );
}

function sentence(groups: SharingGroup[], only: Map<string, boolean[]>, labels: string[]): string {
  const sides = (indexes: number[]) =>
    `on the ${listWords(indexes.map((s) => labels[s]!))} side${indexes.length > 1 ? 's' : ''}`;
  const indexesWhere = <T>(values: T[], test: (value: T) => boolean) =>
    values.flatMap((value, s) => (test(value) ? [s] : []));
  const ordered = [...groups].sort((a, b) => depthOf(a) - depthOf(b) || pathOrder(a.paths[0]!, b.paths[0]!));
  // Pairs with the same verdict share one clause: "`a is b` and `c is d` on the X side, not on the Y side".
  const pairClauses = new Map<string, string[]>();
  const clauses: string[] = [];
  for (const { paths, counts } of ordered.slice(0, NAMED)) {
    const shared = indexesWhere(counts, (count) => count === 1);
    if (paths.length === 2) {
      const verdict = `${sides(shared)}, not ${sides(indexesWhere(counts, (count) => count > 1))}`;
      if (!pairClauses.has(verdict)) clauses.push(verdict);
      pairClauses.set(verdict, [...(pairClauses.get(verdict) ?? []), `${shown(paths[1]!)} is ${shown(paths[0]!)}`]);
      continue;
    }
    const byCount = [...new Set(counts)].filter((count) => count > 1).sort((a, b) => a - b);
    const others = byCount.map((count) => `${numberWord(count)} ${sides(indexesWhere(counts, (c) => c === count))}`);
    clauses.push(`${listWords(paths.map(shown))} are one object ${sides(shared)}, ${listWords(others)}`);
  }
  for (const [i, clause] of clauses.entries()) {
    const tests = pairClauses.get(clause);
    if (tests) clauses[i] = `${listWords(tests)} ${clause}`;
  }
  const onlyClauses = [...only.entries()]
    .sort(([a], [b]) => depth(a) - depth(b) || pathOrder(a, b))
    .slice(0, NAMED)
    .map(([words, has]) => `${shown(words)} only ${sides(indexesWhere(has, Boolean))}`);
  const more = groups.length - Math.min(groups.length, NAMED) + only.size - Math.min(only.size, NAMED);
  const all = [...clauses, ...onlyClauses, ...(more ? [`${more} more difference${more > 1 ? 's' : ''}`] : [])];
  if (!all.length) return '';
  const text = all.join('; ');
  return `${text.startsWith('`') ? text : text[0]!.toUpperCase() + text.slice(1)}.`;
}

/** A path as code, with its frame after it when it is not the module's: "`acc` in add()". */
const shown = (words: string) => {
  const [frame, expression] = words.includes(': ') ? words.split(': ') : [undefined, words];
  return frame ? `\`${expression}\` in ${frame}()` : `\`${expression}\``;
};
const depth = (words: string) => (words.match(/[[.]/g) ?? []).length;
const depthOf = (group: SharingGroup) => Math.min(...group.paths.map(depth));
const pathOrder = (a: string, b: string) => depth(a) - depth(b) || (a < b ? -1 : a > b ? 1 : 0);
const numbers = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];
const numberWord = (n: number) => numbers[n] ?? String(n);
const listWords = (names: string[]) =>
  names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
