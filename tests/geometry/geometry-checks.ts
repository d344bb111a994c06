// What the geometry test asserts, as pure functions over geometry read from Chromium.
import type { Box, StepGeometry } from './read-geometry.ts';

export interface Crossing {
  step: number;
  from: string;
  to: string;
  through: string;
}

export interface Move {
  id: string;
  kind: Box['kind'];
  firstStep: number;
  step: number;
  from: { x: number; y: number };
  to: { x: number; y: number };
}

/** Touching an edge is fine; only points this far inside a box count as passing through it. */
const inset = 2;
const tolerance = 0.5;

function contains(outer: Box, inner: Box): boolean {
  return (
    outer.x <= inner.x + tolerance &&
    outer.y <= inner.y + tolerance &&
    outer.x + outer.width >= inner.x + inner.width - tolerance &&
    outer.y + outer.height >= inner.y + inner.height - tolerance
  );
}

/** Arrows that pass through a box other than the ones they start in or point at (or boxes enclosing those). */
export function findCrossings(steps: StepGeometry[]): Crossing[] {
  const crossings: Crossing[] = [];
  for (const { step, boxes, arrows } of steps) {
    for (const arrow of arrows) {
      const ends = boxes.filter((b) => b.id === arrow.from || b.id === arrow.to);
      for (const box of boxes) {
        if (box.id === arrow.from || box.id === arrow.to) continue;
        if (ends.some((end) => contains(box, end))) continue;
        const inside = arrow.points.some(
          (p) =>
            p.x > box.x + inset &&
            p.x < box.x + box.width - inset &&
            p.y > box.y + inset &&
            p.y < box.y + box.height - inset,
        );
        if (inside) crossings.push({ step, from: arrow.from, to: arrow.to, through: box.id });
      }
    }
  }
  return crossings;
}

/** Boxes whose top-left corner is not where it was at the first step they were drawn. */
export function findMoves(steps: StepGeometry[]): Move[] {
  const first = new Map<string, { step: number; box: Box }>();
  const moves: Move[] = [];
  for (const { step, boxes } of steps) {
    for (const box of boxes) {
      const key = `${box.kind}:${box.id}`;
      const seen = first.get(key);
      if (!seen) {
        first.set(key, { step, box });
        continue;
      }
      if (Math.abs(seen.box.x - box.x) > tolerance || Math.abs(seen.box.y - box.y) > tolerance) {
        moves.push({
          id: box.id,
          kind: box.kind,
          firstStep: seen.step,
          step,
          from: { x: seen.box.x, y: seen.box.y },
          to: { x: box.x, y: box.y },
        });
      }
    }
  }
  return moves;
}
