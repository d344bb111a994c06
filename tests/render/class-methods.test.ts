// A class box lists its methods, dunder or not (the tracer records __init__ with the others), each
// as a row whose arrow leads to the function.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { traceToLayout } from '../../src/layout/trace-to-layout.ts';
import { layoutToSvg } from '../../src/render/layout-to-svg.ts';
import { loadTrace } from '../fixtures/traces/load.ts';
import { parseSvg, texts, withAttr } from './svg-tree.ts';
import { BOXES } from './render-helpers.ts';

describe('class methods', () => {
  const layout = traceToLayout(loadTrace('r07_classes'), BOXES);
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
    const methods = new Map(
      layout.objects.filter((o) => o.kind === 'function').map((o) => [o.versions[0]!.header[0]!.text, o.id]),
    );
    const init = methods.get('function __init__(self, seat)');
    const label = methods.get('function label(self)');
    assert.ok(init && label, [...methods.keys()].join(' | '));
    const arrows = withAttr(root, 'data-arrow-from', 'o2')
      .map((a) => `${a.attrs['data-slot']} ${a.attrs['data-arrow-to']}`)
      .sort();
    assert.deepEqual(arrows, [`0 ${init}`, `1 ${label}`]);
    // The function boxes sit to the right of the class, so the arrows run forwards.
    const classBox = layout.objects.find((o) => o.id === 'o2')!;
    for (const id of [init, label]) assert.ok(layout.objects.find((o) => o.id === id)!.x > classBox.x + classBox.width);
  });
});
