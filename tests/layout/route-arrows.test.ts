// The router as a whole: straight when free, round boxes in the way, blind to boxes of other steps, nested arrows from
// one box uncrossed, an early arrow routed again when it made a later one cross it.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  countCrossings,
  countTouches,
  routeArrows,
  type Obstacle,
  type RouteRequest,
} from '../../src/layout/route/index.ts';
import type { Point } from '../../src/layout/types.ts';

const box = (id: string, x: number, y: number, width: number, height: number): Obstacle => ({
  id,
  x,
  y,
  width,
  height,
  steps: [[1, 5]],
});
const bounds = { x: 0, y: 0, width: 600, height: 400 };

/** A request into a left edge over steps 1-5, its dot at `start` in a box whose right edge is `sourceRight`. */
const into = (from: string, to: string, start: Point, sourceRight: number, end: Point): RouteRequest => ({
  from,
  to,
  steps: [[1, 5]],
  start,
  sourceRight,
  end,
  endSide: 'left',
});

/** The routed paths as the crossing counter takes them. */
const routed = (requests: RouteRequest[], paths: Point[][]) =>
  requests.map((r, i) => ({ to: r.to, steps: r.steps, points: paths[i]! }));

function through(points: Point[], b: Obstacle): boolean {
  return points.slice(1).some((p, i) => {
    const q = points[i]!;
    return (
      Math.max(p.x, q.x) > b.x &&
      Math.min(p.x, q.x) < b.x + b.width &&
      Math.max(p.y, q.y) > b.y &&
      Math.min(p.y, q.y) < b.y + b.height
    );
  });
}

describe('routeArrows', () => {
  const source = box('a', 20, 100, 80, 40);
  const target = box('c', 400, 100, 80, 40);
  const request: RouteRequest = {
    from: 'a',
    to: 'c',
    steps: [[1, 5]],
    start: { x: 80, y: 120 },
    sourceRight: 100,
    end: { x: 400, y: 120 },
    endSide: 'left',
  };

  it('goes straight when nothing is in the way', () => {
    const [path] = routeArrows([request], [source, target], bounds);
    assert.deepEqual(path, [
      { x: 80, y: 120 },
      { x: 400, y: 120 },
    ]);
  });

  it('goes around a box in the way, with few bends', () => {
    const blocker = box('b', 200, 80, 80, 80);
    const [path] = routeArrows([request], [source, blocker, target], bounds);
    assert.ok(!through(path!, blocker));
    assert.ok(path!.length <= 6, `${path!.length - 2} bends`);
    assert.deepEqual(path!.at(-1), { x: 400, y: 120 });
  });

  it('ignores a box that is not shown at the same steps', () => {
    const later = { ...box('b', 200, 80, 80, 80), steps: [[6, 9]] as const };
    const [path] = routeArrows([request], [source, later, target], bounds);
    assert.equal(path!.length, 2);
  });

  it(
    'leaves the later turn to a nested arrow from a lower row, ' + 'so two arrows going up from one box do not cross',
    () => {
      // A tree node's key (upper row) goes up to an int; its left (lower row) up to a child below
      // that int. Routed key first, key must not take the lane nearest the targets.
      const node = box('n', 20, 100, 80, 68);
      const int = box('i', 220, 20, 60, 22);
      const child = box('t', 220, 60, 80, 30);
      const key = into('n', 'i', { x: 80, y: 135 }, 100, { x: 220, y: 31 });
      const left = into('n', 't', { x: 80, y: 157 }, 100, { x: 220, y: 71 });
      const paths = routeArrows([key, left], [node, int, child], bounds);
      for (const [i, path] of paths.entries())
        for (const b of [int, child]) assert.ok(!through(path, b), `arrow ${i} runs through ${b.id}`);
      assert.equal(countCrossings(routed([key, left], paths)).crossings, 0, JSON.stringify(paths));
    },
  );

  it('routes again an arrow that made a later one cross it in the last step, and keeps the way round', () => {
    // A, routed first, takes the lane beside both targets; B, from a box below, must then cross it to
    // reach its own target. Routed again among all the others, A goes down left of B's box instead.
    const source = box('s', 20, 100, 80, 60);
    const lower = box('q', 200, 240, 80, 40);
    const targetOfB = box('tb', 400, 180, 60, 30);
    const targetOfA = box('ta', 400, 320, 60, 30);
    const a = into('s', 'ta', { x: 80, y: 120 }, 100, { x: 400, y: 335 });
    const b = into('q', 'tb', { x: 260, y: 260 }, 280, { x: 400, y: 195 });
    const paths = routeArrows([a, b], [source, lower, targetOfB, targetOfA], bounds);
    const others = [
      [lower, targetOfB],
      [source, targetOfA],
    ];
    for (const [i, path] of paths.entries())
      for (const o of others[i]!) assert.ok(!through(path, o), `arrow ${i} runs through ${o.id}`);
    assert.equal(countCrossings(routed([a, b], paths)).crossings, 0, JSON.stringify(paths));
  });

  it("counts a line through another arrow's turn as a touch, not as a proper crossing", () => {
    const steps = [[1, 5]] as const;
    // One arrow turns down at (100, 50); the other runs level through that very point.
    const turning = {
      to: 'a',
      steps: [...steps],
      points: [
        { x: 0, y: 50 },
        { x: 100, y: 50 },
        { x: 100, y: 150 },
      ],
    };
    const through = {
      to: 'b',
      steps: [...steps],
      points: [
        { x: 50, y: 80 },
        { x: 50, y: 50 },
        { x: 200, y: 50 },
      ],
    };
    assert.equal(countCrossings([turning, through]).crossings, 0);
    assert.equal(countTouches([turning, through]), 2);
    // Into one object they merge: nothing to count.
    assert.equal(countTouches([turning, { ...through, to: 'a' }]), 0);
  });
});
