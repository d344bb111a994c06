// Runs align into moments: shared lines run together, unshared stretches side by side, a side with
// nothing left holds its last step, and the doc comment's postconditions hold for any key sequences.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { alignMoments } from '../../src/compare/align-moments.ts';

/** Keys from one letter each: 'abc' -> ['a', 'b', 'c']. */
const keys = (...sides: string[]) => sides.map((side) => [...side]);

/** A small deterministic generator (mulberry32), so a failure names its seed. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Length of a longest common subsequence, by the textbook table: the reference for the property test. */
function lcsLength(a: string[], b: string[]): number {
  let row = new Array<number>(b.length + 1).fill(0);
  for (const x of a) {
    const next = [0];
    for (const [j, y] of b.entries()) next.push(x === y ? row[j]! + 1 : Math.max(row[j + 1]!, next[j]!));
    row = next;
  }
  return row[b.length]!;
}

/** The postconditions of alignMoments' doc comment; `where` names the case in a failure. */
function assertPostconditions(sides: string[][], moments: number[][], where: string): void {
  assert.ok(moments.length >= 1, `${where}: at least one moment`);
  for (const moment of moments) assert.equal(moment.length, sides.length, `${where}: one step per side`);
  assert.deepEqual(
    moments[0],
    sides.map(() => 1),
    `${where}: the first moment shows every side's first step`,
  );
  assert.deepEqual(
    moments.at(-1),
    sides.map((side) => side.length),
    `${where}: the last moment shows every side's last step`,
  );
  for (const [s, side] of sides.entries()) {
    for (let m = 1; m < moments.length; m++) {
      const move = moments[m]![s]! - moments[m - 1]![s]!;
      assert.ok(move === 0 || move === 1, `${where}: side ${s} moves by ${move} at moment ${m + 1}`);
    }
    // Moves of 0 or 1 from 1 to the last step: every step appears, in order.
    const shown = new Set(moments.map((moment) => moment[s]!));
    assert.equal(shown.size, side.length, `${where}: side ${s} shows each of its steps`);
  }
  // Each moment moves some side, or holds them all only at the start.
  for (let m = 1; m < moments.length; m++) {
    assert.ok(
      moments[m]!.some((step, s) => step !== moments[m - 1]![s]),
      `${where}: moment ${m + 1} moves no side`,
    );
  }
}

describe('alignMoments', () => {
  it('runs the steps of identical programs together', () => {
    assert.deepEqual(alignMoments(keys('abc', 'abc')), [
      [1, 1],
      [2, 2],
      [3, 3],
    ]);
  });

  it('holds the shorter side at its last step while the longer one goes on', () => {
    assert.deepEqual(alignMoments(keys('abcd', 'ab')), [
      [1, 1],
      [2, 2],
      [3, 2],
      [4, 2],
    ]);
  });

  it('runs unshared stretches side by side, then meets again at the next shared line', () => {
    // Stretches of two and one unshared steps between the shared `a` and `z`.
    assert.deepEqual(alignMoments(keys('axyz', 'awz')), [
      [1, 1],
      [2, 2],
      [3, 2],
      [4, 3],
    ]);
  });

  it('holds a side within a stretch where it has nothing, and starts a side with no shared start at step 1', () => {
    assert.deepEqual(alignMoments(keys('ab', 'xyzb')), [
      [1, 1],
      [1, 2],
      [1, 3],
      [2, 4],
    ]);
    assert.deepEqual(alignMoments(keys('abc', 'q')), [
      [1, 1],
      [2, 1],
      [3, 1],
    ]);
  });

  it('aligns three sides on the lines all of them share', () => {
    assert.deepEqual(alignMoments(keys('abc', 'ac', 'axc')), [
      [1, 1, 1],
      [2, 1, 2],
      [3, 2, 3],
    ]);
  });

  it('aligns a repeated line (a loop) as often as both sides run it', () => {
    assert.deepEqual(alignMoments(keys('abbbc', 'abbc')), [
      [1, 1],
      [2, 2],
      [3, 3],
      [4, 3],
      [5, 4],
    ]);
  });

  it('pairs the steps one by one when the table would be too big, and keeps its postconditions', () => {
    const long = Array.from({ length: 2100 }, (_, i) => `line ${i % 7}`);
    const sides = [long, long.slice(0, 2050)];
    const moments = alignMoments(sides);
    assert.equal(moments.length, 2100);
    assert.deepEqual(moments[2049], [2050, 2050]);
    assertPostconditions(sides, moments, 'long runs');
  });

  it('keeps the postconditions of its doc comment, and runs at least as many shared lines together as an LCS', () => {
    const alphabet = 'abcdef';
    for (let seed = 1; seed <= 300; seed++) {
      const next = random(seed);
      const sideCount = next() < 0.7 ? 2 : 3;
      // Few distinct keys, so shared lines and repeats are common; one-step sides too.
      const letters = alphabet.slice(0, 2 + Math.floor(next() * 5));
      const sides = Array.from({ length: sideCount }, () =>
        Array.from({ length: 1 + Math.floor(next() * 25) }, () => letters[Math.floor(next() * letters.length)]!),
      );
      const where = `seed ${seed}: ${sides.map((side) => side.join('')).join(' | ')}`;
      const moments = alignMoments(sides);
      assertPostconditions(sides, moments, where);
      if (sideCount === 2) {
        const together = moments.filter(([a, b]) => sides[0]![a! - 1] === sides[1]![b! - 1]);
        const pairs = new Set(together.map((moment) => moment.join()));
        assert.ok(pairs.size >= lcsLength(sides[0]!, sides[1]!), `${where}: shared lines run together`);
      }
    }
  });
});
