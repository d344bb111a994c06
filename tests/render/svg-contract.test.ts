// The SVG contract of design.md: data attributes, the all-steps format, <title>/<desc>,
// standalone files, ids, determinism and clear errors.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { includesStep } from '../../src/layout/step-ranges.ts';
import { traceToLayout } from '../../src/layout/trace-to-layout.ts';
import { layoutToSvg } from '../../src/render/layout-to-svg.ts';
import { corpusTraceNames, loadTrace } from '../fixtures/traces/load.ts';
import { descendants, isDisplayed, parseSvg, withAttr, type SvgNode } from './svg-tree.ts';
import { BOXES } from './render-helpers.ts';

function parseSteps(value: string): [number, number][] {
  return value.split(' ').map((part) => {
    const [a, b] = part.split('-').map(Number);
    return [a!, b ?? a!];
  });
}

/** The frame, object or mark a node belongs to. */
function ownerOf(node: SvgNode): string {
  for (let n: SvgNode | undefined = node; n; n = n.parent) {
    const id = n.attrs['data-frame-id'] ?? n.attrs['data-object-id'] ?? n.attrs['data-target'];
    if (id) return id;
  }
  return '-';
}

/** Frames, objects, arrows, marks and words visible in an SVG, as comparable strings. */
function visibleParts(root: SvgNode): string[] {
  return descendants(root)
    .filter(isDisplayed)
    .flatMap((n) => {
      if (n.attrs['data-frame-id']) return [`frame ${n.attrs['data-frame-id']}`];
      if (n.attrs['data-object-id']) return [`object ${n.attrs['data-object-id']}`];
      if (n.attrs['data-arrow-to'])
        return [`arrow ${n.attrs['data-arrow-from']} ${n.attrs['data-slot']} ${n.attrs['data-arrow-to']}`];
      if (n.attrs['data-change']) return [`mark ${n.attrs['data-change']} ${n.attrs['data-target']}`];
      if (n.name === 'text') return [`text ${ownerOf(n)} ${n.text}`];
      return [];
    })
    .sort();
}

describe('single-step SVG', () => {
  it('is well-formed, has a viewBox, a title and a desc in words, and no data-steps', () => {
    const layout = traceToLayout(loadTrace('c03_frames'), BOXES);
    const svg = layoutToSvg(layout, { step: 9, title: 'Two frames & a call' });
    const root = parseSvg(svg);
    assert.equal(root.attrs['viewBox'], `0 0 ${layout.width} ${layout.height}`);
    assert.equal(root.attrs['class'], 'memlane-diagram');
    assert.equal(root.attrs['data-steps-total'], '14');
    assert.equal(root.children[0]!.name, 'title');
    assert.equal(root.children[0]!.text, 'Two frames & a call, step 9 of 14');
    assert.equal(root.children[1]!.name, 'desc');
    assert.match(
      root.children[1]!.text,
      new RegExp(
        String.raw`^Step 9 of 14, line 3: about to run the line\. Frames, outermost first: frame <module>.*frame ` +
          String.raw`area \(running\): width refers to int 3; height refers to int 4; result refers to int 12`,
      ),
    );
    assert.equal(withAttr(root, 'data-steps').length, 0);
    assert.ok(!svg.startsWith('<?xml'));
  });

  it('is byte-identical for identical input', () => {
    for (const name of corpusTraceNames) {
      const a = layoutToSvg(traceToLayout(loadTrace(name), BOXES), { step: 'all', theme: 'site' });
      const b = layoutToSvg(traceToLayout(loadTrace(name), BOXES), { step: 'all', theme: 'site' });
      assert.equal(a, b, name);
    }
  });

  it('as a standalone file has the XML prolog, the namespace and its own style', () => {
    const svg = layoutToSvg(traceToLayout(loadTrace('c01_bind'), BOXES), { step: 1, standalone: true, theme: 'dark' });
    assert.ok(svg.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg"'));
    const root = parseSvg(svg.replace(/^<\?xml[^>]*>\n/, ''));
    const style = root.children.find((c) => c.name === 'style')!;
    assert.match(style.text, /\.ml-frame \{ fill: #1f2329; stroke: #9aa4b0 \}/);
    assert.equal(root.attrs['data-theme'], 'dark');
  });

  it('has ids only when given a prefix, and then labels itself with them', () => {
    const layout = traceToLayout(loadTrace('c01_bind'), BOXES);
    assert.equal(withAttr(parseSvg(layoutToSvg(layout, { step: 2 })), 'id').length, 0);
    const root = parseSvg(layoutToSvg(layout, { step: 2, idPrefix: 'aliasing' }));
    assert.deepEqual(
      withAttr(root, 'id').map((n) => n.attrs['id']),
      ['aliasing-title', 'aliasing-desc'],
    );
    assert.equal(root.attrs['aria-labelledby'], 'aliasing-title aliasing-desc');
  });

  it('rejects a step out of range and bad options, naming them with a hint', () => {
    const layout = traceToLayout(loadTrace('c01_bind'), BOXES);
    assert.throws(
      () => layoutToSvg(layout, { step: 9 }),
      /step 9 is out of range: the trace has 8 steps\nhint: use a step from 1 to 8/,
    );
    assert.throws(() => layoutToSvg(layout, { step: 'all', shownStep: 20 }), /shownStep 20 is out of range/);
    assert.throws(() => layoutToSvg(layout, { step: 0 }), /invalid option \/step.*\nhint: /s);
    assert.throws(() => layoutToSvg(layout, { step: 1, theme: 'neon' as 'light' }), /invalid option \/theme/);
    assert.throws(() => layoutToSvg(layout, { step: 1, idPrefix: '1 bad' }), /invalid option \/idPrefix/);
  });
});

describe('all-steps SVG', () => {
  for (const name of corpusTraceNames) {
    it(`${name}: at every step shows exactly the boxes, arrows, marks and words of the single-step SVG`, () => {
      const layout = traceToLayout(loadTrace(name), BOXES);
      const svg = layoutToSvg(layout, { step: 'all', theme: 'site', shownStep: 1 });
      const root = parseSvg(svg);
      assert.equal(root.attrs['data-steps-total'], String(layout.stepsTotal));
      const stepped = withAttr(root, 'data-steps');
      for (let step = 1; step <= layout.stepsTotal; step++) {
        // What the island does: display="none" exactly on elements whose data-steps leave the step out.
        for (const node of stepped) {
          const shown = parseSteps(node.attrs['data-steps']!).some(([a, b]) => step >= a && step <= b);
          if (shown) delete node.attrs['display'];
          else node.attrs['display'] = 'none';
        }
        const single = parseSvg(layoutToSvg(layout, { step }));
        assert.deepEqual(visibleParts(root), visibleParts(single), `${name} step ${step}`);
      }
    });
  }

  it('hides what the shown step does not show, and only with display="none"', () => {
    const layout = traceToLayout(loadTrace('c03_frames'), BOXES);
    const root = parseSvg(layoutToSvg(layout, { step: 'all', theme: 'site', shownStep: 9 }));
    assert.equal(root.attrs['data-shown-step'], '9');
    for (const node of withAttr(root, 'data-steps')) {
      const ranges = parseSteps(node.attrs['data-steps']!);
      assert.equal(node.attrs['display'] === 'none', !includesStep(ranges, 9));
    }
    for (const node of withAttr(root, 'display')) assert.ok('data-steps' in node.attrs);
    assert.match(root.children[1]!.text, /^Step 9 of 14/);
  });

  it('gives one group per object and per frame, and arrows their ends', () => {
    const layout = traceToLayout(loadTrace('c07_instances'), BOXES);
    const root = parseSvg(layoutToSvg(layout, { step: 'all', theme: 'site' }));
    assert.deepEqual(
      withAttr(root, 'data-object-id').map((n) => n.attrs['data-object-id']),
      layout.objects.map((o) => o.id),
    );
    assert.deepEqual(
      withAttr(root, 'data-frame-id').map((n) => n.attrs['data-frame-id']),
      layout.frames.map((f) => f.id),
    );
    for (const arrow of withAttr(root, 'data-arrow-to')) {
      assert.ok(arrow.attrs['data-arrow-from'] && arrow.attrs['data-steps']);
    }
  });
});
