// The rules of placement by structure, as properties over both corpora: a child one layer beyond
// its furthest parent unless a cycle forbids it, frames' objects anchored at layer >= 1, no box
// moves, columns closed up under wide boxes, long chains and big trees shortened with
// one marker (and not when the option is off).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isChainWrap } from '../../src/layout/chain-wrap.ts';
import { COLUMN_GAP } from '../../src/layout/metrics.ts';
import { layerColumns } from '../../src/layout/position/bands.ts';
import { countCrossings } from '../../src/layout/route/index.ts';
import { BESIDE } from '../../src/layout/position/compact-columns.ts';
import { firstStep, includesStep, lastStep } from '../../src/layout/step-ranges.ts';
import type { Layout } from '../../src/layout/types.ts';
import { layoutOnce } from '../fixtures/layout-once.ts';
import { structureNames } from '../fixtures/structures/load.ts';
import { corpusTraceNames } from '../fixtures/traces/load.ts';

/** Whether `to` reaches `from` along the layout's arrows between objects (the edge closes a cycle). */
function closesCycle(layout: Layout, from: string, to: string): boolean {
  const next = new Map<string, string[]>();
  for (const a of layout.arrows) (next.get(a.from) ?? next.set(a.from, []).get(a.from)!).push(a.to);
  const seen = new Set([to]);
  const queue = [to];
  while (queue.length) {
    const id = queue.shift()!;
    if (id === from) return true;
    for (const n of next.get(id) ?? [])
      if (!seen.has(n)) {
        seen.add(n);
        queue.push(n);
      }
  }
  return false;
}

/** Each trace by its test name and the name its layout is made once under (tests/fixtures/layout-once.ts). */
const cases = [
  ...structureNames.map((name) => ({ name, recorded: `structures/${name}` })),
  ...corpusTraceNames.map((name) => ({ name, recorded: name })),
];

describe('placement by structure', () => {
  for (const { name, recorded } of cases) {
    it(`${name}: every object sits one layer beyond its furthest parent, unless a cycle forbids it`, () => {
      // Unreflowed: with bands, a leaf may stay in its parent's layer (next test).
      const layout = layoutOnce(recorded, { fitWidth: false });
      const column = new Map(layout.objects.map((o) => [o.id, o.column]));
      for (const o of layout.objects) {
        const fromObjects = layout.arrows.filter((a) => a.to === o.id && column.has(a.from) && a.from !== o.id);
        const parents = fromObjects.filter((a) => !closesCycle(layout, a.from, o.id));
        // In a cycle, the walk decides which reference is drawn back: only the forward rule holds.
        if (parents.length < fromObjects.length) {
          for (const p of parents)
            assert.ok(
              o.column >= column.get(p.from)! + 1 || closesCycle(layout, o.id, p.from),
              `${o.id} is not beyond its parent ${p.from}`,
            );
          continue;
        }
        const frameRefs = layout.arrows.some((a) => a.to === o.id && !column.has(a.from));
        for (const p of parents)
          assert.ok(
            o.column >= column.get(p.from)! + 1,
            `${o.id} (layer ${o.column}) is not beyond its parent ${p.from} (layer ${column.get(p.from)})`,
          );
        if (parents.length)
          assert.equal(
            o.column,
            Math.max(...parents.map((p) => column.get(p.from)!)) + 1,
            `${o.id} is not right after its furthest parent`,
          );
        else if (frameRefs) assert.equal(o.column, 0, `${o.id}, referred to by frames only, is not in the first layer`);
      }
    });
    it(
      `${name}: reflowed: a leaf never goes to a later band than what holds it, and other objects keep ` +
        `their layers`,
      () => {
        const [flat, reflowed] = [layoutOnce(recorded, { fitWidth: false }), layoutOnce(recorded)];
        const flatColumn = new Map(flat.objects.map((o) => [o.id, o.column]));
        const byId = new Map(reflowed.objects.map((o) => [o.id, o]));
        // A leaf refers to no other drawn object; found once, not per object (the tree has hundreds).
        const holding = new Set(reflowed.arrows.filter((a) => byId.has(a.to) && a.to !== a.from).map((a) => a.from));
        const leaf = (id: string) => !holding.has(id);
        // Layers keep their order: a leaf moved back one layer shifts nothing else but emptied layers.
        const ranks = (layout: Layout) => {
          const layers = [...new Set(layout.objects.filter((o) => !leaf(o.id)).map((o) => o.column))].sort(
            (a, b) => a - b,
          );
          const column = new Map(layout.objects.map((o) => [o.id, o.column]));
          return (id: string) => layers.indexOf(column.get(id)!);
        };
        const [reflowedRank, flatRank] = [ranks(reflowed), ranks(flat)];
        for (const o of reflowed.objects) {
          if (!leaf(o.id)) {
            assert.equal(reflowedRank(o.id), flatRank(o.id), `${o.id} changed layer when reflowed`);
            continue;
          }
          assert.ok(o.column <= flatColumn.get(o.id)!, `${o.id} went to a later layer when reflowed`);
          const holders = reflowed.arrows
            .filter((a) => a.to === o.id && byId.has(a.from) && a.from !== o.id)
            .map((a) => byId.get(a.from)!);
          const furthest = holders.sort((a, b) => b.column - a.column)[0];
          if (furthest)
            assert.ok(
              o.x >= furthest.x,
              `${o.id} is drawn left of ${furthest.id}, which holds it: carried into a later band`,
            );
        }
      },
    );
    it(
      `${name}: columns closed up: an object keeps a column gap from the earlier layers' boxes beside it, ` +
        `and is no further right than they, its parents or its layer's alignment make it`,
      () => {
        const layout = layoutOnce(recorded);
        const start = Math.min(...layout.objects.map((o) => o.x));
        const boxes = [...layout.frames.map((f) => ({ ...f, column: -1 })), ...layout.objects];
        // A freed object's box stands one step more, with its 'freed' mark.
        const freedAt = new Map(layout.marks.filter((m) => m.change === 'freed').map((m) => [m.target, m.step]));
        const span = (b: (typeof boxes)[number]) =>
          [firstStep(b.steps), Math.max(lastStep(b.steps), freedAt.get(b.id) ?? 0)] as const;
        const beside = (a: (typeof boxes)[number], b: (typeof boxes)[number]) =>
          span(a)[0] <= span(b)[1] &&
          span(b)[0] <= span(a)[1] &&
          a.y < b.y + b.height + BESIDE &&
          b.y < a.y + a.height + BESIDE;
        const right = (b: (typeof boxes)[number]) => b.x + b.width;
        const held = new Set<string>();
        for (const o of layout.objects) {
          const besideIt = boxes.filter((a) => a.column < o.column && beside(a, o));
          for (const a of besideIt)
            assert.ok(o.x >= right(a) + COLUMN_GAP, `${o.id} is closer than a column gap to ${a.id}, beside it`);
          // What holds it where it is: the first object column, a box beside it or a parent one gap
          // to its left, or a box of its own layer that refers to it, straight above or below.
          const parents = layout.arrows.filter((a) => a.to === o.id).map((a) => boxes.find((b) => b.id === a.from)!);
          if (
            o.x === start ||
            [...besideIt, ...parents.filter((p) => p.column < o.column)].some((a) => right(a) + COLUMN_GAP === o.x) ||
            parents.some((p) => p.column === o.column && p.x === o.x)
          )
            held.add(o.id);
        }
        // Boxes of one layer start together or a third of a column gap apart at least: no ragged column.
        for (const o of layout.objects)
          for (const b of layout.objects) {
            if (b.column === o.column && b.x !== o.x)
              assert.ok(
                Math.abs(b.x - o.x) >= COLUMN_GAP / 3,
                `${o.id} and ${b.id} of one layer start ${Math.abs(b.x - o.x)} px apart`,
              );
          }
        // Boxes of one layer starting together are held by any one of them.
        for (const o of layout.objects) {
          const together = layout.objects.filter((b) => b.column === o.column && b.x === o.x);
          assert.ok(
            together.some((b) => held.has(b.id)),
            `${o.id} at x ${o.x} could move left: nothing holds it or the boxes of its layer starting with it`,
          );
        }
      },
    );
    it(`${name}: no arrow runs round the outside of the frames' column`, () => {
      const layout = layoutOnce(recorded);
      const framesRight = Math.max(...layout.frames.map((f) => f.x + f.width));
      const framesBottom = Math.max(...layout.frames.map((f) => f.y + f.height));
      for (const a of layout.arrows) {
        // The first point is the dot inside the source row; the rest must keep right of the frames
        // beside them (a chain wrap's rows below the frames start at the left margin).
        for (const p of a.points.slice(1))
          assert.ok(
            p.x >= framesRight || p.y > framesBottom,
            `${a.from} -> ${a.to} runs left of the frames' column, at x ${p.x}, y ${p.y}`,
          );
      }
    });
    it(`${name}: one box per object, and x grows along every forward reference of one band`, () => {
      const layout = layoutOnce(recorded);
      assert.equal(new Set(layout.objects.map((o) => o.id)).size, layout.objects.length);
      const byId = new Map(layout.objects.map((o) => [o.id, o]));
      for (const a of layout.arrows) {
        const [from, to] = [byId.get(a.from), byId.get(a.to)!];
        if (from && to.column > from.column && to.y < from.y + from.height)
          assert.ok(to.x > from.x, `${a.from} -> ${a.to} runs right to left in one band`);
      }
    });
  }

  it('draws a linked list as a chain, left to right', () => {
    const layout = layoutOnce('structures/s02_list_nested');
    const nodes = layout.objects.filter((o) => o.type === 'Node').sort((a, b) => a.column - b.column);
    assert.equal(nodes.length, 4);
    assert.deepEqual(
      nodes.map((n) => n.column),
      [0, 1, 2, 3].map((k) => nodes[0]!.column + k),
    );
    for (let i = 1; i < nodes.length; i++)
      assert.ok(
        nodes[i]!.x > nodes[i - 1]!.x || nodes[i]!.y > nodes[i - 1]!.y + nodes[i - 1]!.height,
        'each node follows the one before',
      );
  });

  it(
    'closes up the columns under wide boxes: the BST starts one gap right of the frames, left of the wide ' +
      'function box above it',
    () => {
      const layout = layoutOnce('structures/s03_bst', { fitWidth: false });
      const box = (title: string) =>
        layout.objects.find((o) => o.versions.some((v) => v.header.some((h) => h.text === title)))!;
      const module = layout.frames.find((f) => f.versions.some((v) => v.header.some((h) => h.text === '<module>')))!;
      const trees = layout.objects.filter((o) => o.type === 'Tree').sort((a, b) => a.column - b.column);
      const [root, child] = [trees[0]!, trees.find((t) => t.column === trees[0]!.column + 1)!];
      const insert = box('function insert(root, key)');
      assert.equal(root.column, insert.column);
      assert.equal(root.x, module.x + module.width + COLUMN_GAP);
      // Its children would otherwise start a column gap right of the wide function box.
      assert.ok(insert.width > root.width);
      assert.equal(child.x, root.x + root.width + COLUMN_GAP);
    },
  );

  it('draws a binary search tree with its levels as layers and the left child above the right one', () => {
    const layout = layoutOnce('structures/s03_bst');
    const trees = layout.objects.filter((o) => o.type === 'Tree');
    const levels = new Map<number, number>();
    for (const t of trees) levels.set(t.column, (levels.get(t.column) ?? 0) + 1);
    assert.deepEqual([...levels.values()], [1, 2, 4]);
    const root = trees.find((t) => levels.get(t.column) === 1)!;
    const [left, right] = layout.arrows
      .filter((a) => a.from === root.id && trees.some((t) => t.id === a.to))
      .sort((a, b) => a.slot - b.slot)
      .map((a) => trees.find((t) => t.id === a.to)!);
    assert.ok(left!.y < right!.y);
  });

  const trees = [
    ['s03_bst', 'auto'],
    ['s03_bst', 'inline'],
    ['s13_big_tree', 'auto'],
    ['s13_big_tree', 'inline'],
  ] as const;
  for (const [name, scalars] of trees)
    it(`draws the last step of ${name}, the picture shown first, without a crossing (${scalars})`, () => {
      // In auto the BST's loop variable `key` shares the last key's int: its arrow goes round the tree, not across
      // it. In inline the big tree's class box stands above the tall list of nodes, as the last step wants.
      const layout = layoutOnce(`structures/${name}`, { scalars });
      const last = layout.arrows.filter((a) => includesStep(a.steps, layout.stepsTotal));
      assert.equal(countCrossings(last).crossings, 0);
    });

  it('shortens a 200-node linked list to its first and last parts and one marker, and not when asked', () => {
    const layout = layoutOnce('structures/s12_long_chain');
    const last = layout.stepsTotal;
    const shown = layout.objects.filter((o) => o.type === 'Node' && o.steps.some(([a, b]) => last >= a && last <= b));
    assert.ok(shown.length <= 30 && shown.length >= 20, `${shown.length} nodes drawn at the last step`);
    const markers = layout.objects
      .flatMap((o) => o.versions.filter((v) => v.steps.some(([a, b]) => last >= a && last <= b)).flatMap((v) => v.rows))
      .filter((r) => r.value?.text.match(/^… \d+ more Node objects$/));
    assert.equal(markers.length, 1);
    assert.equal(markers[0]!.value!.text, `… ${200 - shown.length} more Node objects`);
    const full = layoutOnce('structures/s12_long_chain', { shortenAbove: false });
    assert.ok(
      full.objects.filter((o) => o.type === 'Node').length >= 160,
      'shortenAbove: false draws the list up to the object cap',
    );
  });

  it('draws the 255-node tree, shortened, at its last step although the run made more than 600 objects', () => {
    const layout = layoutOnce('structures/s13_big_tree');
    const last = layout.stepsTotal;
    const drawn = layout.objects.filter((o) => includesStep(o.steps, last));
    const rootArrow = layout.arrows.find(
      (a) =>
        includesStep(a.steps, last) &&
        layout.frames.some((f) => f.id === a.from) &&
        drawn.find((o) => o.id === a.to)?.type === 'Tree',
    );
    assert.ok(rootArrow, 'root points at a drawn Tree at the last step');
    const trees = drawn.filter((o) => o.type === 'Tree').length;
    assert.ok(trees >= 15 && trees < 255, `${trees} Tree objects drawn: the tree's first levels, not all of it`);
  });

  it('writes in its row a scalar only a name and a left-out object share (no box with one arrow)', () => {
    const layout = layoutOnce('structures/s13_big_tree');
    const last = layout.stepsTotal;
    for (const box of layout.objects.filter((o) => o.kind === 'scalar' && includesStep(o.steps, last))) {
      const into = layout.arrows.filter((a) => a.to === box.id && includesStep(a.steps, last));
      assert.ok(into.length >= 2, `${box.id} is a box with ${into.length} arrow at the last step`);
    }
  });
});

/** Crossings and total |dx| + |dy| of the arrows drawn at `step`, or over the run. */
function figures(layout: Layout, step?: number) {
  const arrows = step === undefined ? layout.arrows : layout.arrows.filter((a) => includesStep(a.steps, step));
  const length = arrows.reduce(
    (sum, a) =>
      sum +
      a.points.slice(1).reduce((n, p, i) => n + Math.abs(p.x - a.points[i]!.x) + Math.abs(p.y - a.points[i]!.y), 0),
    0,
  );
  return { crossings: countCrossings(arrows).crossings, length };
}

describe('reflow', () => {
  let reflowed = 0;
  for (const name of structureNames)
    for (const scalars of ['auto', 'heap', 'inline'] as const)
      for (const fitWidth of [650, 358]) {
        it(
          `${name} (${scalars}, fit ${fitWidth}): a reflow adds no crossing, is narrower, and a band reflow ` +
            `adds at most 15% arrow length`,
          () => {
            const recorded = `structures/${name}`;
            const [flat, fitted] = [
              layoutOnce(recorded, { scalars, fitWidth: false }),
              layoutOnce(recorded, { scalars, fitWidth }),
            ];
            if (fitted.objects.every((o, i) => o.x === flat.objects[i]!.x && o.y === flat.objects[i]!.y)) return;
            reflowed++;
            assert.ok(fitted.width < flat.width, `${fitted.width} px reflowed, ${flat.width} px not`);
            // A chain wrap's return arrows (about a row long each) are the price of not scrolling: the
            // bench prints its length ratio on a line of its own.
            const wrapped = isChainWrap(fitted);
            for (const step of [undefined, fitted.stepsTotal]) {
              const [a, b] = [figures(flat, step), figures(fitted, step)];
              assert.ok(
                b.crossings <= a.crossings,
                `${b.crossings} crossings reflowed, ${a.crossings} not (step ${step ?? 'all'})`,
              );
              if (!wrapped)
                assert.ok(
                  b.length <= 1.15 * a.length,
                  `arrows ${b.length} px reflowed, ${a.length} px not (step ${step ?? 'all'})`,
                );
            }
          },
        );
      }
  it('some structures are reflowed (the property above is not empty)', () => assert.ok(reflowed > 0));

  it('bands start under the first layer and their layers stand left to right', () => {
    const widths = [100, 120, 120, 120, 120, 120, 120];
    const { x, band } = layerColumns(
      widths,
      widths.map(() => 1),
      500,
    );
    assert.ok(Math.max(...band) >= 1, 'the layers are reflowed');
    for (let k = 2; k < widths.length; k++) {
      if (band[k] === band[k - 1]) assert.equal(x[k], x[k - 1]! + widths[k - 1]! + COLUMN_GAP);
      else assert.equal(x[k], x[1]);
    }
    assert.ok(
      x.every((at, k) => at + widths[k]! <= 500),
      'every layer ends inside the fit width',
    );
  });
});
