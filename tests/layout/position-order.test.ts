// The position phase follows the order phase: boxes of one layer stand in the order chosen for few
// crossings, as level with the rows that refer to them as the others allow; transient values of
// one name share room instead of stepping down the page.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { countCrossings } from '../../src/layout/route/index.ts';
import { includesStep } from '../../src/layout/step-ranges.ts';
import { traceToLayout } from '../../src/layout/trace-to-layout.ts';
import type { Trace } from '../../src/trace/types.ts';
import { layoutOnce } from '../fixtures/layout-once.ts';

/** `level = 300; saved = level; level += 1`, as the tracer records it in CPython 3.14. */
const level: Trace = JSON.parse(`{"format":"memlane-trace","version":1,"python":"3.14.2",\
"source":"level = 300\\nsaved = level\\nlevel += 1\\n","stdout":"","error":null,"steps":[
{"event":"call","line":1,"stdout":0,"stack":[{"id":"f1","name":"<module>","line":1,"locals":[]}],"heap":{}},
{"event":"line","line":1,"stdout":0,"stack":[{"id":"f1","name":"<module>","line":1,"locals":[]}],"heap":{}},
{"event":"line","line":2,"stdout":0,\
"stack":[{"id":"f1","name":"<module>","line":2,"locals":[["level",{"ref":"o1"}]]}],\
"heap":{"o1":{"type":"int","repr":"300"}}},
{"event":"line","line":3,"stdout":0,\
"stack":[{"id":"f1","name":"<module>","line":3,"locals":[["level",{"ref":"o1"}],["saved",{"ref":"o1"}]]}],\
"heap":{}},
{"event":"return","line":3,"stdout":0,\
"stack":[{"id":"f1","name":"<module>","line":3,"locals":[["level",{"ref":"o2"}],["saved",{"ref":"o1"}]]}],\
"heap":{"o2":{"type":"int","repr":"301"}}}]}`) as Trace;

describe('position follows the order phase', () => {
  it('level = 300; saved = level; level += 1: 301 stands above 300 and no arrow crosses', () => {
    const layout = traceToLayout(level, { scalars: 'heap' });
    const [i300, i301] = ['o1', 'o2'].map((id) => layout.objects.find((o) => o.id === id)!);
    assert.ok(i301!.y + i301!.height <= i300!.y, `301 (y ${i301!.y}) is not above 300 (y ${i300!.y})`);
    for (let step = 1; step <= layout.stepsTotal; step++) {
      assert.equal(
        countCrossings(layout.arrows.filter((a) => includesStep(a.steps, step))).crossings,
        0,
        `arrows cross at step ${step}`,
      );
    }
  });

  it('the 255-node tree fits a page: its loop values share room rather than stepping down', () => {
    const layout = layoutOnce('structures/s13_big_tree');
    // 600 objects made over the run; the drawn tree is shortened, and nothing below it is left over.
    assert.ok(layout.height <= 3000, `the diagram is ${layout.height} px tall`);
    const last = layout.objects.filter((o) => includesStep(o.steps, layout.stepsTotal));
    const bottom = Math.max(...layout.frames.map((f) => f.y + f.height), ...last.map((o) => o.y + o.height));
    assert.ok(layout.height - bottom < 400, `${layout.height - bottom} px of the diagram are empty at its last step`);
  });

  it(
    "the 255-node tree reads in row order: each node's key, left and right stand top to bottom, not after " +
      'the list that built it',
    () => {
      const layout = layoutOnce('structures/s13_big_tree', { fitWidth: false, scalars: 'heap' });
      const byId = new Map(layout.objects.map((o) => [o.id, o]));
      const last = layout.stepsTotal;
      const nodes = layout.objects.filter((o) => o.type === 'Tree' && includesStep(o.steps, last));
      let checked = 0;
      for (const node of nodes) {
        const rows = layout.arrows
          .filter((a) => a.from === node.id && includesStep(a.steps, last))
          .sort((a, b) => a.slot - b.slot)
          .map((a) => byId.get(a.to)!);
        if (rows.length < 3 || rows.some((r) => r.column !== rows[0]!.column)) continue;
        checked++;
        for (let i = 1; i < rows.length; i++)
          assert.ok(
            rows[i]!.y > rows[i - 1]!.y,
            `row ${i} of ${node.id} (${rows[i]!.id}) stands above row ${i - 1} (${rows[i - 1]!.id})`,
          );
      }
      assert.ok(checked >= 10, `only ${checked} nodes with key and children in one layer`);
    },
  );

  it('a doubly linked list reads straight: each node level with the next row of the node before', () => {
    const layout = layoutOnce('structures/s08_doubly', { fitWidth: false, scalars: 'heap' });
    const byId = new Map(layout.objects.map((o) => [o.id, o]));
    const last = layout.stepsTotal;
    const next = layout.arrows.filter(
      (a) =>
        includesStep(a.steps, last) &&
        byId.get(a.from)?.type === 'Node' &&
        byId.get(a.to)?.type === 'Node' &&
        byId.get(a.to)!.column > byId.get(a.from)!.column,
    );
    assert.equal(next.length, 3);
    for (const a of next) {
      const [start, end] = [a.points[0]!, a.points[a.points.length - 1]!];
      assert.equal(end.y, start.y, `${a.from} -> ${a.to} runs ${end.y - start.y} px up or down`);
    }
  });

  it("a grid's outer list stands between its rows, level with the middle one", () => {
    const layout = layoutOnce('structures/s04_grid', { scalars: 'heap' });
    const outer = layout.objects.find(
      (o) =>
        o.type === 'list' &&
        layout.arrows.some((a) => a.from === o.id && layout.objects.find((t) => t.id === a.to)?.type === 'list'),
    )!;
    const rows = layout.arrows.filter((a) => a.from === outer.id).sort((a, b) => a.slot - b.slot);
    const middle = rows[1]!;
    assert.equal(
      middle.points[middle.points.length - 1]!.y,
      middle.points[0]!.y,
      'the middle row is not level with its list',
    );
    const [first, third] = [rows[0]!, rows[2]!].map((a) => layout.objects.find((o) => o.id === a.to)!);
    assert.ok(first!.y < outer.y && third!.y > outer.y, 'the outer list is not between its first and last rows');
  });

  it("a grid's rows stand in the order of the outer list", () => {
    const layout = layoutOnce('structures/s04_grid', { scalars: 'heap' });
    const outer = layout.objects.find(
      (o) =>
        o.type === 'list' &&
        layout.arrows.some((a) => a.from === o.id && layout.objects.find((t) => t.id === a.to)?.type === 'list'),
    )!;
    const rows = layout.arrows
      .filter((a) => a.from === outer.id)
      .sort((a, b) => a.slot - b.slot)
      .map((a) => layout.objects.find((o) => o.id === a.to)!);
    for (let i = 1; i < rows.length; i++) assert.ok(rows[i]!.y > rows[i - 1]!.y, `row ${i} is not below row ${i - 1}`);
  });
});
