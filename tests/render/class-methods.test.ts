// A class box lists its methods, dunder or not, each as a row whose arrow leads to the function.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { traceToLayout } from '../../src/layout/trace-to-layout.ts';
import { layoutToSvg } from '../../src/render/layout-to-svg.ts';
import type { Trace } from '../../src/trace/types.ts';
import { loadTrace } from '../fixtures/traces/load.ts';
import { parseSvg, texts, withAttr } from './svg-tree.ts';

/** The recorded Ticket class with its __init__ in the class namespace too, as the tracer lists methods. */
function ticketWithInit(): Trace {
  const trace = loadTrace('r07_classes');
  const init = { type: 'function', kind: 'function', name: '__init__', qualname: 'Ticket.__init__', signature: '(self, seat)', attrs: [] };
  let added = false;
  for (const step of trace.steps) {
    const ticket = step.heap['o2'] as { attrs?: [string, { ref: string }][] } | undefined;
    if (!ticket?.attrs) continue;
    ticket.attrs = [['__init__', { ref: 'o900' }], ...ticket.attrs.filter(([name]) => name !== '__init__')];
    if (!added) step.heap['o900'] = init;
    added = true;
  }
  assert.ok(added, 'the trace defines the class');
  return trace;
}

describe('class methods', () => {
  const layout = traceToLayout(ticketWithInit());
  const step = layout.stepsTotal;
  const root = parseSvg(layoutToSvg(layout, { step, theme: 'light' }));

  it('draws one row per method, __init__ first, and no "no attributes"', () => {
    const [ticket] = withAttr(root, 'data-object-id', 'o2');
    assert.ok(ticket);
    const words = texts(ticket);
    assert.ok(words.includes('class Ticket'));
    assert.ok(words.indexOf('__init__') >= 0 && words.indexOf('__init__') < words.indexOf('label'), words.join(' | '));
    assert.ok(!words.includes('no attributes'));
  });

  it('leads an arrow from each method row to its function box', () => {
    const arrows = withAttr(root, 'data-arrow-from', 'o2').map((a) => `${a.attrs['data-slot']} ${a.attrs['data-arrow-to']}`).sort();
    assert.deepEqual(arrows, ['0 o900', '1 o3']);
    const [init] = withAttr(root, 'data-object-id', 'o900');
    assert.ok(texts(init!).includes('function __init__(self, seat)'));
    // The function boxes sit to the right of the class, so the arrows run forwards.
    const classBox = layout.objects.find((o) => o.id === 'o2')!;
    for (const id of ['o900', 'o3']) assert.ok(layout.objects.find((o) => o.id === id)!.x > classBox.x + classBox.width);
  });
});
