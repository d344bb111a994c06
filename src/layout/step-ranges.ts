// Sets of steps as compact ranges: how every element says when it is shown.
import type { StepRanges } from './types.ts';

/** Ranges from step numbers given in any order (duplicates allowed). */
export function rangesOf(steps: Iterable<number>): StepRanges {
  const sorted = [...new Set(steps)].sort((a, b) => a - b);
  const ranges: [number, number][] = [];
  for (const step of sorted) {
    const last = ranges[ranges.length - 1];
    if (last && last[1] === step - 1) last[1] = step;
    else ranges.push([step, step]);
  }
  return ranges;
}

export function includesStep(ranges: StepRanges, step: number): boolean {
  return ranges.some(([a, b]) => step >= a && step <= b);
}

export function firstStep(ranges: StepRanges): number {
  return ranges[0]?.[0] ?? 0;
}

export function lastStep(ranges: StepRanges): number {
  return ranges[ranges.length - 1]?.[1] ?? 0;
}

/** True when the two sets share a step. */
export function rangesOverlap(a: StepRanges, b: StepRanges): boolean {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const [a0, a1] = a[i]!;
    const [b0, b1] = b[j]!;
    if (a0 <= b1 && b0 <= a1) return true;
    if (a1 < b1) i++;
    else j++;
  }
  return false;
}

/** The `data-steps` attribute value: "1-3 5". */
export function formatSteps(ranges: StepRanges): string {
  return ranges.map(([a, b]) => (a === b ? String(a) : `${a}-${b}`)).join(' ');
}
