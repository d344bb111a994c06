// Aligns the steps of two or three runs into moments: steps whose lines the programs share run at
// the same moment (a longest common subsequence of the step keys), the unshared steps between two
// shared ones run side by side in order, and a side with nothing left in a stretch holds its last step.

/** Above this many cells the table would be too big: the runs are then paired step by step. */
const MAX_CELLS = 4_000_000;

/** One step of an aligned run: its keys (one per side merged so far) and each side's step, 0 for none yet. */
interface Column {
  keys: Set<string>;
  steps: number[];
}

/**
 * Pre: `keys[s][i]` is the key of step i+1 of side s (its event and line text); each side has >= 1 step.
 * Post: moments in order, each the 1-based step of every side; every step of every side appears, in
 * order, in some moment; consecutive moments move each side by 0 or 1 step; the first moment is
 * [1, 1, ...] and the last shows every side's last step.
 */
export function alignMoments(keys: string[][]): number[][] {
  let columns: Column[] = keys[0]!.map((key, i) => ({ keys: new Set([key]), steps: [i + 1] }));
  for (const side of keys.slice(1)) columns = mergeSide(columns, side);
  // Before its first step a side shows step 1; later it holds its last step.
  const held = keys.map(() => 1);
  return columns.map((column) =>
    column.steps.map((step, s) => {
      if (step > 0) held[s] = step;
      return held[s]!;
    }),
  );
}

/** Aligns one more side with the columns merged so far. */
function mergeSide(columns: Column[], side: string[]): Column[] {
  const width = columns[0]!.steps.length;
  const pairs = matchedPairs(
    columns.map((c) => c.keys),
    side,
  );
  const merged: Column[] = [];
  let [i, j] = [0, 0];
  const gap = (untilI: number, untilJ: number) => {
    while (i < untilI || j < untilJ) {
      const left = i < untilI ? columns[i++]! : undefined;
      const right = j < untilJ ? j++ : undefined;
      const keys = new Set([...(left?.keys ?? []), ...(right !== undefined ? [side[right]!] : [])]);
      merged.push({ keys, steps: [...(left?.steps ?? Array(width).fill(0)), right !== undefined ? right + 1 : 0] });
    }
  };
  for (const [a, b] of pairs) {
    gap(a, b);
    merged.push({ keys: new Set([...columns[a]!.keys, side[b]!]), steps: [...columns[a]!.steps, b + 1] });
    [i, j] = [a + 1, b + 1];
  }
  gap(columns.length, side.length);
  return merged;
}

/** Index pairs of a longest common subsequence, in order; [] when the table would be too big. */
export function matchedPairs(left: Set<string>[], right: string[]): [number, number][] {
  const [n, m] = [left.length, right.length];
  if (n * m > MAX_CELLS) return [];
  // lengths[i][j]: LCS of left[i..] and right[j..], rows of m + 1.
  const lengths = new Uint16Array((n + 1) * (m + 1));
  const at = (i: number, j: number) => i * (m + 1) + j;
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lengths[at(i, j)] = left[i]!.has(right[j]!)
        ? lengths[at(i + 1, j + 1)]! + 1
        : Math.max(lengths[at(i + 1, j)]!, lengths[at(i, j + 1)]!);
    }
  }
  const pairs: [number, number][] = [];
  let [i, j] = [0, 0];
  while (i < n && j < m) {
    if (left[i]!.has(right[j]!) && lengths[at(i, j)] === lengths[at(i + 1, j + 1)]! + 1) pairs.push([i++, j++]);
    else if (lengths[at(i + 1, j)]! >= lengths[at(i, j + 1)]!) i++;
    else j++;
  }
  return pairs;
}
