// The hand-drawn look for slides: roughjs outlines with a fixed seed, so every run draws the
// same wobble and the bytes stay identical.
import roughModule from 'roughjs';
import type { Point, Rect } from '../layout/types.ts';

// roughjs is CommonJS: Node's default import is its module.exports, the object with generator().
const rough = roughModule;
const generator = rough.generator();

/** Seeds come from the geometry, so equal shapes wobble alike and output never depends on order. */
function seedOf(values: number[]): number {
  let seed = 17;
  for (const v of values) seed = (Math.imul(seed, 31) + Math.round(v * 10)) >>> 0;
  return (seed % 2_000_000) + 1;
}

/** A seed from a box's id: the same box wobbles alike at every step, whatever its position or size. */
function seedOfId(id: string): number {
  let seed = 17;
  for (let i = 0; i < id.length; i++) seed = (Math.imul(seed, 31) + id.charCodeAt(i)) >>> 0;
  return (seed % 2_000_000) + 1;
}

/** Numbers in roughjs paths rounded to one decimal. */
const roundPath = (d: string) => d.replace(/-?\d+\.\d+/g, (n) => String(Math.round(Number(n) * 10) / 10));

/** A hand-drawn outline of the box `id`; with a radius, its corners are rounded (immutable objects). */
export function sketchRectPath(rect: Rect, strokeWidth: number, radius: number, id: string): string {
  const options = { seed: seedOfId(id), roughness: 1.1, bowing: 1.2, strokeWidth };
  const { x, y, width: w, height: h } = rect;
  const r = Math.min(radius, w / 2, h / 2);
  const drawable =
    r > 0
      ? generator.path(
          `M${x + r} ${y} H${x + w - r} Q${x + w} ${y} ${x + w} ${y + r} V${y + h - r} Q${x + w} ${y + h} ` +
            `${x + w - r} ${y + h} H${x + r} Q${x} ${y + h} ${x} ${y + h - r} V${y + r} Q${x} ${y} ${x + r} ${y} Z`,
          options,
        )
      : generator.rectangle(x, y, w, h, options);
  return generator
    .toPaths(drawable)
    .map((p: { d: string }) => roundPath(p.d))
    .join(' ');
}

export function sketchLinePath(points: Point[]): string {
  const drawable = generator.linearPath(
    points.map((p) => [p.x, p.y] as [number, number]),
    {
      seed: seedOf(points.flatMap((p) => [p.x, p.y])),
      roughness: 0.9,
      bowing: 0.8,
      disableMultiStroke: true,
    },
  );
  return generator
    .toPaths(drawable)
    .map((p: { d: string }) => roundPath(p.d))
    .join(' ');
}
