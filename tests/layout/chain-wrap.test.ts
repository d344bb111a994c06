// A chain wrapped into rows reads as text does: each row left to right, rows top to bottom, one short
// arrow from a row's end down to the next row's start; and the wrap adds no crossing. Over the chain
// snippets (the whole set's crossings are checked in structure-layout.test.ts, outside the unit tier).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isChainWrap } from '../../src/layout/chain-wrap.ts';
import { COLUMN_GAP, MARGIN } from '../../src/layout/metrics.ts';
import { countCrossings } from '../../src/layout/route/index.ts';
import { includesStep } from '../../src/layout/step-ranges.ts';
import type { Layout, ObjectBox } from '../../src/layout/types.ts';
import { layoutOnce } from '../fixtures/layout-once.ts';

/** The structure snippets that are chains (a linked list built in a loop and nested, a doubly linked list, nested
 * dicts), small enough for the unit tier. */
const CHAINS = ['s01_list_loop', 's02_list_nested', 's05_config', 's08_doubly'];
const WIDTHS = [650, 358];
const MODES = ['auto', 'heap', 'inline'] as const;

/** The chain links of a layout: forward references between two objects of one type, and each one's arrows. */
function chainLinks(layout: Layout) {
  const byId = new Map(layout.objects.map((o) => [o.id, o]));
  return layout.arrows.flatMap((arrow) => {
    const [from, to] = [byId.get(arrow.from), byId.get(arrow.to)];
    return from && to && from.type === to.type && to.column > from.column ? [{ from, to, arrow }] : [];
  });
}

/**
 * Post: a message for the first link that breaks the reading order, or undefined: each link runs right
 * to a box further right, or returns to a box below every box of the chain before it (a later row),
 * its arrow kept between the two rows and no more than a column gap right of the row's end.
 */
function readingOrderBreak(layout: Layout): string | undefined {
  const links = chainLinks(layout);
  const before = new Map<string, ObjectBox[]>();
  for (const l of links) (before.get(l.to.id) ?? before.set(l.to.id, []).get(l.to.id)!).push(l.from);
  /** Every box of the chain that leads to `id`. */
  const leadingTo = (id: string) => {
    const seen = new Map<string, ObjectBox>();
    const queue = [...(before.get(id) ?? [])];
    while (queue.length) {
      const box = queue.shift()!;
      if (seen.has(box.id) || box.id === id) continue;
      seen.set(box.id, box);
      queue.push(...(before.get(box.id) ?? []));
    }
    return [...seen.values()];
  };
  for (const { from, to, arrow } of links) {
    if (to.x > from.x) continue;
    const above = leadingTo(to.id).find((b) => b.y + b.height >= to.y);
    if (above) return `${from.id} -> ${to.id} returns to a row not below ${above.id}: a zig-zag`;
    for (const p of arrow.points.slice(1)) {
      if (p.y < from.y || p.y > to.y + to.height || p.x < MARGIN / 2 || p.x > from.x + from.width + COLUMN_GAP)
        return `${from.id} -> ${to.id} leaves the gap between its rows at (${p.x}, ${p.y}): round the picture`;
    }
  }
  return undefined;
}

describe('chain wrap', () => {
  let wrapped = 0;
  for (const name of CHAINS)
    for (const scalars of MODES)
      for (const fitWidth of WIDTHS) {
        const recorded = `structures/${name}`;
        it(`${name} (${scalars}, fit ${fitWidth}): a wrapped chain reads left to right in every row`, () => {
          const layout = layoutOnce(recorded, { scalars, fitWidth });
          if (!isChainWrap(layout)) return;
          wrapped++;
          assert.equal(readingOrderBreak(layout), undefined);
        });
        it(`${name} (${scalars}, fit ${fitWidth}): the reflow adds no crossing, over the run and at the end`, () => {
          const [flat, fitted] = [
            layoutOnce(recorded, { scalars, fitWidth: false }),
            layoutOnce(recorded, { scalars, fitWidth }),
          ];
          for (const step of [undefined, fitted.stepsTotal]) {
            const at = (l: Layout) => l.arrows.filter((a) => step === undefined || includesStep(a.steps, step));
            const [a, b] = [countCrossings(at(flat)).crossings, countCrossings(at(fitted)).crossings];
            assert.ok(b <= a, `${b} crossings reflowed, ${a} not (step ${step ?? 'all'})`);
          }
        });
      }
  it('some chains are wrapped (the property above is not empty)', () => assert.ok(wrapped > 0));

  for (const name of ['s04_grid', 's15_grid_copies'])
    it(`${name} (heap, fit 358): a grid's outer list fanning out into rows is not wrapped as a chain`, () => {
      const layout = layoutOnce(`structures/${name}`, { scalars: 'heap', fitWidth: 358 });
      assert.equal(isChainWrap(layout), false);
      const framesRight = Math.max(...layout.frames.map((f) => f.x + f.width));
      assert.ok(
        layout.objects.every((o) => o.x >= framesRight),
        'no object is drawn under the frames',
      );
    });

  it('a zig-zag is told from a wrap: a row returning beside the row before it breaks the reading order', () => {
    const layout = layoutOnce('structures/s01_list_loop', { fitWidth: 650 });
    assert.ok(isChainWrap(layout), 's01 is wrapped at the default width');
    const [ret] = chainLinks(layout).filter((l) => l.to.x <= l.from.x);
    // The row's first box lifted level with the row before it: what a band reflow's zig-zag draws.
    const lifted = layout.objects.map((o) => (o.id === ret!.to.id ? { ...o, y: ret!.from.y } : o));
    assert.match(readingOrderBreak({ ...layout, objects: lifted }) ?? '', /zig-zag/);
  });
});
