import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { routeArrows, type Obstacle, type RouteRequest } from '../../src/layout/route/index.ts';
import type { Point } from '../../src/layout/types.ts';

const box = (id: string, x: number, y: number, width: number, height: number): Obstacle => ({ id, x, y, width, height, steps: [[1, 5]] });
const bounds = { x: 0, y: 0, width: 600, height: 400 };

function through(points: Point[], b: Obstacle): boolean {
  return points.slice(1).some((p, i) => {
    const q = points[i]!;
    return Math.max(p.x, q.x) > b.x && Math.min(p.x, q.x) < b.x + b.width && Math.max(p.y, q.y) > b.y && Math.min(p.y, q.y) < b.y + b.height;
  });
}

describe('routeArrows', () => {
  const source = box('a', 20, 100, 80, 40);
  const target = box('c', 400, 100, 80, 40);
  const request: RouteRequest = { from: 'a', to: 'c', steps: [[1, 5]], start: { x: 80, y: 120 }, sourceRight: 100, end: { x: 400, y: 120 }, endSide: 'left' };

  it('goes straight when nothing is in the way', () => {
    const [path] = routeArrows([request], [source, target], bounds);
    assert.deepEqual(path, [{ x: 80, y: 120 }, { x: 400, y: 120 }]);
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
});
