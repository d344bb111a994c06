// Random traces, including hostile text: the SVG is always well-formed XML, every text is
// escaped, there is nothing executable, and its size stays bounded.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { traceToLayout } from '../../src/layout/trace-to-layout.ts';
import { layoutToSvg } from '../../src/render/layout-to-svg.ts';
import type { HeapObjectJson, Ref, Step, Trace } from '../../src/trace/types.ts';
import { descendants, parseSvg } from './svg-tree.ts';
import {
  BOX_GAP,
  COLUMN_GAP,
  HEADER_HEIGHT,
  MAX_COLUMNS,
  MAX_LABEL_WIDTH,
  MAX_OBJECTS,
  MAX_ROWS,
  MAX_STACK_DRAWN,
  MAX_TITLE_WIDTH,
  MAX_VALUE_WIDTH,
  ROW_HEIGHT,
} from '../../src/layout/metrics.ts';
import { BOXES } from './render-helpers.ts';

// The largest diagram the caps allow: every box at its widest and tallest, stacked in one column.
const widestBox = Math.max(MAX_TITLE_WIDTH + 200, MAX_LABEL_WIDTH + MAX_VALUE_WIDTH + 60);
const widthBound = (MAX_COLUMNS + 1) * (widestBox + COLUMN_GAP) + 200;
const heightBound = (MAX_OBJECTS + MAX_STACK_DRAWN) * (HEADER_HEIGHT + (MAX_ROWS + 2) * ROW_HEIGHT + BOX_GAP) + 400;

const hostile = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.constantFrom(
    '<script>alert(1)</script>',
    '"quoted" & \'single\'',
    ']]>',
    'javascript:alert(1)',
    '\u0000\u001b\ud800',
    'onload="x()"',
    '&amp;&lt;',
    'x'.repeat(300),
  ),
);
const ids = Array.from({ length: 10 }, (_, i) => `o${i + 1}`);
const ref = fc.constantFrom(...ids).map((id): Ref => ({ ref: id }));

const heapObject: fc.Arbitrary<HeapObjectJson> = fc
  .oneof<fc.Arbitrary<Record<string, unknown>>[]>(
    fc.record({ type: fc.constantFrom('int', 'str', 'float', 'bytes', 'NoneType', 'weird<type>'), repr: hostile }),
    fc.record({ type: fc.constantFrom('list', 'tuple', 'set', 'frozenset'), items: fc.array(ref, { maxLength: 6 }) }),
    fc.record({ type: fc.constant('dict'), entries: fc.array(fc.tuple(ref, ref), { maxLength: 4 }) }),
    fc.record({
      type: hostile,
      kind: fc.constant('instance'),
      attrs: fc.array(fc.tuple(hostile, ref), { maxLength: 4 }),
    }),
    fc.record({
      type: fc.constant('type'),
      kind: fc.constant('class'),
      name: hostile,
      bases: fc.array(hostile, { maxLength: 2 }),
      attrs: fc.array(fc.tuple(hostile, ref), { maxLength: 3 }),
    }),
    fc.record({
      type: fc.constant('function'),
      kind: fc.constant('function'),
      name: hostile,
      signature: hostile,
      defaults: fc.array(ref, { maxLength: 2 }),
      closure: fc.array(fc.tuple(hostile, ref), { maxLength: 2 }),
      attrs: fc.constant([]),
    }),
    fc.record({
      type: fc.constant('generator'),
      kind: fc.constant('generator'),
      name: hostile,
      state: fc.constantFrom('created', 'suspended', 'running'),
      line: fc.nat(50),
      locals: fc.array(fc.tuple(hostile, ref), { maxLength: 3 }),
    }),
    fc.record({
      type: fc.constant('cell'),
      kind: fc.constant('cell'),
      attrs: fc.array(fc.tuple(fc.constant('cell_contents'), ref), { maxLength: 1 }),
    }),
  )
  .chain((obj) =>
    fc.boolean().map((unreachable) => (unreachable ? { ...obj, unreachable: true } : obj) as HeapObjectJson),
  );

const frame = (id: string) =>
  fc.record({
    id: fc.constant(id),
    name: hostile,
    line: fc.nat(40),
    locals: fc.array(fc.tuple(hostile, ref), { maxLength: 4 }),
  });

const step: fc.Arbitrary<Step> = fc
  .record({
    event: fc.constantFrom('call', 'line', 'return', 'exception'),
    line: fc.integer({ min: 1, max: 40 }),
    stdout: fc.nat(10),
    stack: fc
      .integer({ min: 1, max: 3 })
      .chain((depth) => fc.tuple(...Array.from({ length: depth }, (_, i) => frame(`f${i + 1}`)))),
    heap: fc.dictionary(fc.constantFrom(...ids), heapObject, { maxKeys: 4 }),
    gone: fc.array(fc.constantFrom(...ids), { maxLength: 2 }),
    returnValue: fc.option(ref, { nil: undefined }),
    exception: fc.option(fc.record({ type: hostile, message: hostile }), { nil: undefined }),
  })
  .map((s) => Object.fromEntries(Object.entries(s).filter(([, v]) => v !== undefined)) as Step);

const trace: fc.Arbitrary<Trace> = fc
  .tuple(
    fc.dictionary(fc.constantFrom(...ids), heapObject, { minKeys: 3 }),
    fc.array(step, { minLength: 1, maxLength: 6 }),
  )
  .map(([initial, steps]) => ({
    format: 'memlane-trace',
    version: 1,
    python: '3.14.2',
    source: '',
    stdout: '',
    error: null,
    steps: steps.map((s, i) => (i === 0 ? { ...s, heap: { ...initial, ...s.heap } } : s)),
  }));

describe('any trace gives a safe, well-formed SVG', () => {
  it('parses as XML, escapes every text, has nothing executable, and stays bounded', () => {
    fc.assert(
      fc.property(
        trace,
        fc.constantFrom('site', 'light', 'dark', 'sketch'),
        fc.boolean(),
        fc.constantFrom('auto', 'heap', 'inline' as const),
        (t, theme, all, scalars) => {
          const layout = traceToLayout(t, { scalars });
          const svg = layoutToSvg(
            layout,
            all ? { step: 'all', theme } : { step: t.steps.length, theme, standalone: true },
          );
          const root = parseSvg(svg.replace(/^<\?xml[^>]*>\n/, ''));
          for (const node of [root, ...descendants(root)]) {
            assert.notEqual(node.name.toLowerCase(), 'script');
            assert.notEqual(node.name.toLowerCase(), 'foreignobject');
            for (const [name, value] of Object.entries(node.attrs)) {
              assert.ok(!/^on/i.test(name), `event attribute ${name}`);
              assert.ok(!/href$/i.test(name), `link attribute ${name}`);
              assert.ok(!/javascript:/i.test(value) || name.startsWith('data-'), `javascript: in ${name}`);
            }
          }
          assert.ok(!/<script/i.test(svg));
          assert.ok(!/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/.test(svg), 'no control characters');
          // Bounded: boxes are capped in width, rows and number, so the picture and the file stay finite.
          assert.ok(
            layout.width <= widthBound && layout.height <= heightBound,
            `size ${layout.width}x${layout.height}`,
          );
          assert.ok(svg.length < 400_000, `${svg.length} bytes`);
        },
      ),
      { numRuns: 100, seed: 20261121 },
    );
  });

  it('keeps a huge trace to a diagram of bounded size', () => {
    // 40 lists of 40 ints (the simulator's longest form), 2000 objects reachable at once and 60
    // nested frames: the drawing is capped, not the run.
    const heap: Record<string, HeapObjectJson> = {};
    const items: Ref[] = [];
    for (let i = 0; i < 40; i++) {
      const inner: Ref[] = [];
      for (let j = 0; j < 40; j++) {
        heap[`s${i}-${j}`] = { type: 'int', repr: String(i * 1000 + j) };
        inner.push({ ref: `s${i}-${j}` });
      }
      heap[`l${i}`] = { type: 'list', items: inner, length: 1000, elided: { at: 20, count: 960 } };
      items.push({ ref: `l${i}` });
    }
    heap['root'] = { type: 'list', items, length: 50, elided: { at: 20, count: 10 } };
    const stack = Array.from({ length: 60 }, (_, i) => ({
      id: `f${i}`,
      name: `deep${i}`,
      line: 1,
      locals: [['all', { ref: 'root' }]] as [string, Ref][],
    }));
    const huge: Trace = {
      format: 'memlane-trace',
      version: 1,
      python: '3.14.2',
      source: '',
      stdout: '',
      error: null,
      steps: [{ event: 'line', line: 1, stdout: 0, stack, heap }],
    };
    const layout = traceToLayout(huge, BOXES);
    assert.ok(layout.objects.length <= MAX_OBJECTS);
    assert.ok(layout.frames.length <= MAX_STACK_DRAWN);
    assert.ok(layout.objects.every((o) => o.versions.every((v) => v.rows.length <= MAX_ROWS)));
    assert.ok(layout.height <= heightBound && layout.width <= widthBound, `${layout.width}x${layout.height}`);
    const svg = layoutToSvg(layout, { step: 1 });
    assert.match(svg, /Deeper frames of this run are not drawn\./);
    assert.match(svg, /Some objects are not drawn: more than fit in one diagram are alive at once/);
  });
});
