import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DOT_ROOM, PAD } from '../../src/layout/metrics.ts';
import { rangesOverlap, includesStep } from '../../src/layout/step-ranges.ts';
import { traceToLayout } from '../../src/layout/trace-to-layout.ts';
import type { Arrow, FrameBox, Layout, ObjectBox, Point } from '../../src/layout/types.ts';
import { layoutOnce, traceOnce } from '../fixtures/layout-once.ts';
import { loadAnyTrace as loadTrace } from '../fixtures/load-any-trace.ts';
import { structureNames } from '../fixtures/structures/load.ts';
import { traceNames as recordedNames } from '../fixtures/traces/load.ts';

// The recorded corpus and the data-structure corpus.
const traceNames = [...recordedNames, ...structureNames.map((n) => `structures/${n}`)];

const boxesOf = (layout: Layout): (FrameBox | ObjectBox)[] => [...layout.frames, ...layout.objects];

/** Whether the segment a-b passes through the inside of the box (touching its edge is allowed). */
function crossesInside(a: Point, b: Point, box: { x: number; y: number; width: number; height: number }): boolean {
  const [x0, x1] = [Math.min(a.x, b.x), Math.max(a.x, b.x)];
  const [y0, y1] = [Math.min(a.y, b.y), Math.max(a.y, b.y)];
  return x1 > box.x + 0.5 && x0 < box.x + box.width - 0.5 && y1 > box.y + 0.5 && y0 < box.y + box.height - 0.5;
}

function arrowThroughBoxes(layout: Layout, arrow: Arrow): string[] {
  const problems: string[] = [];
  const segments = arrow.points.slice(1).map((b, i) => [arrow.points[i]!, b] as const);
  for (const box of boxesOf(layout)) {
    if (!rangesOverlap(box.steps, arrow.steps)) continue;
    segments.forEach(([a, b], i) => {
      // The first leg leaves the source row, the last one ends on the target's edge.
      if (box.id === arrow.from && i === 0) return;
      if (box.id === arrow.to && i === segments.length - 1) return;
      if (crossesInside(a, b, box)) problems.push(`${arrow.from}->${arrow.to} segment ${i} passes through ${box.id}`);
    });
  }
  return problems;
}

describe('traceToLayout on every recorded trace', () => {
  for (const name of traceNames)
    for (const scalars of ['auto', 'heap', 'inline'] as const) {
      it(`${name} (${scalars}): boxes shown at the same step never overlap`, () => {
        const layout = layoutOnce(name, { scalars });
        const boxes = boxesOf(layout);
        for (let i = 0; i < boxes.length; i++) {
          for (let j = i + 1; j < boxes.length; j++) {
            const [a, b] = [boxes[i]!, boxes[j]!];
            if (!rangesOverlap(a.steps, b.steps)) continue;
            const apart =
              a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y;
            assert.ok(apart, `${name}: ${a.id} and ${b.id} overlap`);
          }
        }
      });

      it(`${name} (${scalars}): arrows are orthogonal, start in their row and pass through no other box`, () => {
        const layout = layoutOnce(name, { scalars });
        // Every recorded trace binds a name: drawn as boxes, it always has an arrow.
        if (scalars === 'heap') assert.ok(layout.arrows.length > 0);
        for (const arrow of layout.arrows) {
          arrow.points.slice(1).forEach((p, i) => {
            const q = arrow.points[i]!;
            assert.ok(p.x === q.x || p.y === q.y, `${arrow.from}->${arrow.to} has a diagonal segment`);
          });
          const target = layout.objects.find((o) => o.id === arrow.to)!;
          const end = arrow.points[arrow.points.length - 1]!;
          assert.ok(
            end.x === target.x || end.x === target.x + target.width,
            'the arrow ends on the left or right edge of its target',
          );
          assert.ok(end.y > target.y && end.y < target.y + target.height);
          const source = boxesOf(layout).find((b) => b.id === arrow.from)!;
          const start = arrow.points[0]!;
          assert.ok(
            start.x > source.x &&
              start.x < source.x + source.width &&
              start.y > source.y &&
              start.y < source.y + source.height,
          );
          // A value's dot sits at the right end of its cell, so the arrow leaves its box at once.
          if (arrow.part === 'value')
            assert.equal(source.x + source.width - start.x, PAD + DOT_ROOM / 2, `${arrow.from}->${arrow.to}: dot`);
          assert.deepEqual(arrowThroughBoxes(layout, arrow), []);
        }
      });

      it(`${name} (${scalars}): frames sit below their callers at every step`, () => {
        const trace = traceOnce(name);
        const layout = layoutOnce(name, { scalars });
        trace.steps.forEach((step, i) => {
          const ys = step.stack.map((f) => layout.frames.find((b) => b.id === f.id)!.y);
          for (let k = 1; k < ys.length; k++)
            assert.ok(ys[k]! > ys[k - 1]!, `step ${i + 1}: frame ${k} is not below its caller`);
          for (const frame of step.stack)
            assert.ok(includesStep(layout.frames.find((b) => b.id === frame.id)!.steps, i + 1));
        });
      });
    }
});

describe('traceToLayout', () => {
  it('draws one box per object, whose position is the same at every step', () => {
    const layout = traceToLayout(loadTrace('c01_bind'), { scalars: 'heap' });
    assert.deepEqual(layout.objects.map((o) => o.id).sort(), ['o1', 'o2', 'o3', 'o4', 'o5']);
    assert.equal(new Set(layout.objects.map((o) => o.id)).size, layout.objects.length);
    assert.equal(layout.stepsTotal, 8);
    // The list grows at step 5: same box, a taller version.
    const list = layout.objects.find((o) => o.id === 'o1')!;
    assert.deepEqual(
      list.versions.map((v) => v.rows.length),
      [2, 3],
    );
  });

  it('gathers the arrows of names that share one object at the same point', () => {
    const layout = traceToLayout(loadTrace('c01_bind'));
    const toList = layout.arrows.filter((a) => a.to === 'o1' && a.from === 'f1');
    assert.equal(toList.length, 2);
    assert.deepEqual(toList[0]!.points.at(-1), toList[1]!.points.at(-1));
    const toInt = layout.arrows.filter((a) => a.to === 'o5');
    assert.equal(toInt.length, 2, 'count and total refer to one int object');
  });

  it('puts objects in columns by their distance from the frames', () => {
    const layout = traceToLayout(loadTrace('c04_shallow_deep'));
    const trace = loadTrace('c04_shallow_deep');
    const matrixRef = trace.steps.at(-1)!.stack[0]!.locals.find(([n]) => n === 'matrix')![1].ref;
    const matrix = layout.objects.find((o) => o.id === matrixRef)!;
    const inner = layout.arrows
      .filter((a) => a.from === matrixRef)
      .map((a) => layout.objects.find((o) => o.id === a.to)!);
    assert.equal(matrix.column, 0);
    assert.ok(inner.length >= 2 && inner.every((o) => o.column === 1 && o.x > matrix.x));
  });

  it('draws scalars inline when asked, and then draws no scalar boxes', () => {
    const layout = traceToLayout(loadTrace('c01_bind'), { scalars: 'inline' });
    assert.deepEqual(
      layout.objects.map((o) => o.kind),
      ['list'],
    );
    const frame = layout.frames[0]!;
    const last = frame.versions.find((v) => includesStep(v.steps, 8))!;
    const count = last.rows.find((r) => r.label?.text === 'count')!;
    assert.equal(count.value?.text, '3');
    assert.equal(count.dot, undefined);
    const list = layout.objects[0]!.versions.at(-1)!;
    assert.deepEqual(
      list.rows.map((r) => r.value?.text),
      ["'fig'", "'kiwi'", "'lime'"],
    );
  });

  it('never draws a shared mutable object inline', () => {
    const layout = traceToLayout(loadTrace('c14_dict_shared_values'), { scalars: 'inline' });
    const lists = layout.objects.filter((o) => o.type === 'list');
    assert.equal(lists.length, 1);
    assert.ok(layout.arrows.filter((a) => a.to === lists[0]!.id).length >= 3, 'three dicts refer to the one list');
  });

  it('leaves hidden names out, with the objects only they reach', () => {
    const layout = traceToLayout(loadTrace('c03_frames'), { hide: ['area', 'describe'] });
    const names = layout.frames[0]!.versions.flatMap((v) => v.rows.map((r) => r.label?.text));
    assert.ok(!names.includes('area') && !names.includes('describe') && names.includes('text'));
    assert.ok(layout.objects.every((o) => o.kind !== 'function'));
  });

  it(
    'leaves the legend and notes to the caller with legend: ' + 'false: the same drawing, no taller or wider than it',
    () => {
      const withLegend = traceToLayout(loadTrace('c03_frames'));
      const without = traceToLayout(loadTrace('c03_frames'), { legend: false });
      assert.ok(withLegend.legend.length > 0);
      assert.deepEqual([without.legend, without.notes], [[], []]);
      assert.deepEqual(without.key, withLegend.key);
      assert.deepEqual(
        withLegend.key.entries.map((e) => e.text),
        withLegend.legend.map((l) => l.text.text),
      );
      assert.deepEqual(
        [without.frames, without.objects, without.arrows],
        [withLegend.frames, withLegend.objects, withLegend.arrows],
      );
      const right = Math.max(
        ...boxesOf(without).map((b) => b.x + b.width),
        ...without.arrows.flatMap((a) => a.points.map((p) => p.x)),
      );
      const bottom = Math.max(
        ...boxesOf(without).map((b) => b.y + b.height),
        ...without.arrows.flatMap((a) => a.points.map((p) => p.y)),
      );
      assert.ok(without.height < withLegend.height && without.height >= bottom && without.width >= right);
      assert.ok(without.width <= withLegend.width);
    },
  );

  it('keeps returned frames, faded, with showExited', () => {
    const hidden = traceToLayout(loadTrace('c03_frames'));
    const shown = traceToLayout(loadTrace('c03_frames'), { showExited: true });
    const last = shown.stepsTotal;
    assert.equal(hidden.frames.filter((f) => includesStep(f.steps, last)).length, 1);
    const exited = shown.frames.filter((f) => includesStep(f.steps, last) && f.name !== '<module>');
    assert.deepEqual(exited.map((f) => f.name).sort(), ['area', 'describe']);
    for (const frame of exited) assert.ok(frame.versions.find((v) => includesStep(v.steps, last))!.exited);
  });

  it('shows the head, a count and the tail of long containers', () => {
    const layout = traceToLayout(loadTrace('r02_long'));
    const numbers = layout.objects.find(
      (o) => o.type === 'list' && o.versions.some((v) => v.rows.some((r) => r.role === 'elided')),
    )!;
    const rows = numbers.versions.at(-1)!.rows;
    // 100 items: the first 8, a count of the 85 between, the last 7 (the box stays at 16 rows).
    assert.equal(rows.length, 16);
    assert.equal(rows[7]!.label?.text, '7');
    assert.equal(rows[8]!.value?.text, '… 85 more …');
    assert.equal(rows[9]!.label?.text, '93');
    assert.equal(rows[15]!.label?.text, '99');
    const short = traceToLayout(loadTrace('c01_bind')).objects.find((o) => o.id === 'o1')!;
    assert.ok(short.versions.every((v) => v.rows.every((r) => r.role !== 'elided')));
  });

  it('rejects options and traces it cannot use, saying what it expects', () => {
    assert.throws(
      () => traceToLayout(loadTrace('c01_bind'), { scalars: 'boxed' as 'heap' }),
      /invalid option \/scalars.*\nhint: /s,
    );
    assert.throws(() => traceToLayout(loadTrace('c01_bind'), { colour: true } as never), /invalid option \/colour/);
    assert.throws(
      () => traceToLayout({ ...loadTrace('c01_bind'), version: 2 as 1 }),
      /not a trace v1: "version" is 2.*hint: pass the JSON printed by "memlane trace FILE.py"/s,
    );
    const broken = loadTrace('c03_frames');
    delete (broken.steps[2] as Partial<(typeof broken.steps)[number]>).stack;
    assert.throws(() => traceToLayout(broken), /not a trace v1: steps\[2\]\.stack is not an array/);
    const badLocal = loadTrace('c03_frames');
    (badLocal.steps[4]!.stack[0]!.locals as unknown[])[0] = ['area', 'o1'];
    assert.throws(() => traceToLayout(badLocal), /steps\[4\]\.stack\[0\]\.locals\[0\] is not \[name, \{"ref": id\}\]/);
  });

  it('describes every step in words', () => {
    const layout = traceToLayout(loadTrace('c01_bind'));
    const last = layout.steps.at(-1)!.description;
    assert.match(last, /^Step 8 of 8, line 6/);
    assert.match(
      last,
      /fruits refers to list o1; basket refers to list o1; count refers to int 3; total refers to int 3/,
    );
    assert.match(layout.steps[4]!.description, /At this step: .*changed o1/);
  });
});
