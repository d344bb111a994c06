// Back-references (a prev, a parent, a cycle's closing edge): the forward chain each one closes, and where they enter
// their target: on its right edge, below the rows that go back and above those that lead on to their sources.
import { countCrossings, type RouteRequest } from './route/index.ts';
import { pairConflicts } from './route/scoring.ts';
import { chainKey } from './route/types.ts';
import type { FrameBox, ObjectBox, Point } from './types.ts';

/** A reference as arrange-boxes collects it: source box, target object. */
interface Reference {
  from: FrameBox | ObjectBox;
  to: string;
}

export interface BackReferences {
  /**
   * Ways for back-references (source column >= target column) to enter their targets, to be routed and measured: per
   * target, the box-relative y on its right edge where they all end (none: the header's anchor). Each differs from
   * the others; the first enters below the rows that go back.
   */
  entryChoices: Map<string, number>[];
  /** The forward chain a back-reference closes, as route chainKeys; undefined when it closes none. */
  chainOf(from: string, to: string): Set<string> | undefined;
}

/**
 * Pre: `references` are the references drawn at some step; `objectById` holds every object box. Post: a reference is
 * forward when it goes into a later column; a back-reference's chain holds the forward references from an object its
 * target reaches forward to one that reaches its source; its entry is at the header's anchor, the bottom of the
 * target's last row that refers back above its first chain row (a row whose reference reaches a source of a
 * back-reference into it), or the top of that chain row.
 * Why: entering between them, from above, a back-reference has the rows that go back (left, over the box) above it
 * and the chain below it, so it need cross neither the chain it closes nor the back-reference leaving beside it.
 */
export function backReferences(references: Reference[], objectById: Map<string, ObjectBox>): BackReferences {
  const column = (id: string) => objectById.get(id)?.column;
  const forward = new Map<string, Set<string>>();
  const backInto = new Map<string, Set<string>>();
  for (const { from, to } of references) {
    const [a, b] = [column(from.id), column(to)];
    if (a === undefined || b === undefined) continue;
    const map = a < b ? forward : backInto;
    const key = a < b ? from.id : to;
    (map.get(key) ?? map.set(key, new Set()).get(key)!).add(a < b ? to : from.id);
  }
  const reachOf = new Map<string, Set<string>>();
  const reach = (start: string) => {
    let seen = reachOf.get(start);
    if (seen) return seen;
    seen = new Set([start]);
    const queue = [start];
    while (queue.length)
      for (const next of forward.get(queue.shift()!) ?? [])
        if (!seen.has(next)) {
          seen.add(next);
          queue.push(next);
        }
    reachOf.set(start, seen);
    return seen;
  };
  // Ways to enter: as high as the rows that go back allow (the header's anchor when none does), at the header's anchor
  // (as arrows into left edges do), and as low as the chain allows (the top of its first row). Which one crosses least
  // depends on the rest of the picture, so each is routed.
  const high = new Map<string, number>();
  const low = new Map<string, number>();
  for (const [target, sources] of backInto) {
    const box = objectById.get(target)!;
    const rows = box.versions.flatMap((v) => v.rows);
    const refsOf = (row: (typeof rows)[number]) => [row.to, row.keyTo].filter((to) => to !== undefined);
    const leadsOn = (to: string) => (column(to) ?? -1) > box.column && [...sources].some((s) => reach(to).has(s));
    const chainTop = Math.min(...rows.filter((r) => refsOf(r).some(leadsOn)).map((r) => r.y));
    if (chainTop === Infinity) continue;
    // Rows above the chain's that refer back leave upwards and to the left: the entry stays below them.
    const goesBack = (to: string) => column(to) !== undefined && column(to)! <= box.column;
    const backBottom = Math.max(
      ...rows.filter((r) => r.y < chainTop && refsOf(r).some(goesBack)).map((r) => r.y + r.height),
    );
    if (backBottom > -Infinity) high.set(target, backBottom);
    low.set(target, chainTop);
  }
  const same = (a: Map<string, number>, b: Map<string, number>) =>
    a.size === b.size && [...a].every(([id, y]) => b.get(id) === y);
  const entryChoices: Map<string, number>[] = [];
  for (const choice of [high, new Map<string, number>(), low])
    if (!entryChoices.some((c) => same(c, choice))) entryChoices.push(choice);
  const chainOf = (from: string, to: string) => {
    if (!backInto.get(to)?.has(from) || !reach(to).has(from)) return undefined;
    const chain = new Set<string>();
    for (const [a, targets] of forward)
      if (reach(to).has(a)) for (const b of targets) if (reach(b).has(from)) chain.add(chainKey(a, b));
    return chain;
  };
  return { entryChoices, chainOf };
}

/**
 * What a way of entering is judged by, least first: crossings of back-references with the chains they close, all
 * crossings, then the arrows' whole length.
 */
export function entryScore(requests: RouteRequest[], paths: Point[][]): [number, number, number] {
  const arrows = requests.map((r, i) => ({ to: r.to, steps: r.steps, points: paths[i]! }));
  let chainCrossings = 0;
  requests.forEach((r, i) => {
    if (!r.chain) return;
    requests.forEach((q, j) => {
      if (r.chain!.has(chainKey(q.from, q.to))) chainCrossings += pairConflicts(arrows[i]!, arrows[j]!).crossings;
    });
  });
  const length = paths.reduce(
    (sum, p) => sum + p.slice(1).reduce((n, q, k) => n + Math.abs(q.x - p[k]!.x) + Math.abs(q.y - p[k]!.y), 0),
    0,
  );
  return [chainCrossings, countCrossings(arrows).crossings, length];
}
