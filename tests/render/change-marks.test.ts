// What changed at a step is marked in the SVG: new objects, changed rows, rebound names, freed
// objects; objects kept alive only by a cycle are faded and labelled.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { traceToLayout } from '../../src/layout/trace-to-layout.ts';
import { layoutToSvg } from '../../src/render/layout-to-svg.ts';
import { loadTrace } from '../fixtures/traces/load.ts';
import { findAll, parseSvg, texts, withAttr, type SvgNode } from './svg-tree.ts';
import { renderStep, stepWhere, BOXES } from './render-helpers.ts';

const marks = (root: SvgNode, change?: string) =>
  withAttr(root, 'data-change', change).map((m) => `${m.attrs['data-change']} ${m.attrs['data-target']}`);

describe('change marks', () => {
  it('marks new objects with a word and an outline', () => {
    const { root } = renderStep('c01_bind', 3);
    assert.deepEqual(marks(root, 'new').sort(), ['new o1', 'new o2', 'new o3']);
    const [mark] = withAttr(root, 'data-change', 'new');
    assert.deepEqual(texts(mark!), ['new']);
    const rect = findAll(mark!, (n) => n.name === 'rect')[0]!;
    assert.equal(rect.attrs['stroke-dasharray'], '2 3', 'the outline is dotted, not only coloured');
  });

  it('marks a rebound name in its frame, and nothing that did not change', () => {
    const { root } = renderStep('c01_bind', 4);
    assert.deepEqual(marks(root), ['rebound f1']);
  });

  it('marks the changed row of a mutated list', () => {
    const { root } = renderStep('c01_bind', 5);
    assert.deepEqual(marks(root).sort(), ['changed o1', 'new o4']);
    const changed = withAttr(root, 'data-change', 'changed')[0]!;
    const rect = findAll(changed, (n) => n.name === 'rect')[0]!;
    const list = withAttr(root, 'data-object-id', 'o1')[0]!;
    const listRect = findAll(list, (n) => n.name === 'rect')[0]!;
    // The third row (index 2) is outlined, not the whole list.
    assert.equal(Number(rect.attrs['y']), Number(listRect.attrs['y']) + 24 + 2 * 22 + 1);
  });

  it('marks a rebound int name when += makes a new object', () => {
    const step = stepWhere('c02_rebind_int', (s) => s.line === 4);
    const { root } = renderStep('c02_rebind_int', step);
    assert.deepEqual(marks(root).sort(), ['new o2', 'rebound f1']);
  });

  it('marks freed objects where they stood, at the step they are freed', () => {
    const step = stepWhere('c08_cycle', (s) => (s.gone?.length ?? 0) > 0);
    const { root } = renderStep('c08_cycle', step);
    // The two dicts and their values 'a' and 'b'; the keys are written in the dict rows, not drawn.
    assert.deepEqual(marks(root, 'freed').sort(), ['freed o1', 'freed o3', 'freed o4', 'freed o5']);
    assert.deepEqual(
      withAttr(root, 'data-change', 'freed')
        .map((m) => texts(m).at(-1))
        .sort(),
      ['freed dict', 'freed dict', 'no longer referenced', 'no longer referenced'],
    );
    // Each departed box is drawn, faded, as it was the step before: a freed dict with its keys, a string with its
    // value.
    for (const mark of withAttr(root, 'data-change', 'freed')) {
      const [departed] = withAttr(mark, 'data-departed', 'true');
      assert.ok(departed, `${mark.attrs['data-target']} is drawn as it was`);
      assert.ok(
        texts(departed).some((t) => /'a'|'b'|dict/.test(t)),
        `${mark.attrs['data-target']}: ${texts(departed).join(' ')}`,
      );
    }
    // The strings are constants of the code: CPython keeps them, so they are not said to be freed.
    assert.deepEqual(
      withAttr(root, 'data-change', 'freed')
        .map((m) => `${m.attrs['data-target']} ${m.attrs['data-freed']}`)
        .sort(),
      ['o1 true', 'o3 false', 'o4 true', 'o5 false'],
    );
    // The freed objects themselves are no longer drawn.
    for (const id of loadTrace('c08_cycle').steps[step - 1]!.gone!)
      assert.equal(withAttr(root, 'data-object-id', id).length, 0);
  });

  it('says an immortal or cached object is no longer referenced, never freed', () => {
    const trace = loadTrace('r07_classes');
    const layout = traceToLayout(trace, BOXES);
    const typeOf = new Map(layout.objects.map((o) => [o.id, o.type]));
    const leaving = layout.marks.filter((m) => m.change === 'freed');
    const said = leaving.map((m) => `${typeOf.get(m.target)}: ${m.label?.text}`).sort();
    // None (x = None, returned values) and the int 0 (count += 1) leave the diagram; x = 5 frees the list.
    assert.deepEqual([...new Set(said)].sort(), [
      'NoneType: no longer referenced',
      'int: no longer referenced',
      'list: freed list',
    ]);
    for (const mark of leaving) {
      const { root } = renderStep('r07_classes', mark.step);
      const [group] = withAttr(root, 'data-target', mark.target).filter((g) => g.attrs['data-change'] === 'freed');
      assert.equal(group!.attrs['data-freed'], String(typeOf.get(mark.target) === 'list'));
      assert.ok(!texts(group!).some((t) => t.startsWith('freed')) || typeOf.get(mark.target) === 'list');
      // The words for readers of the SVG source say the same.
      const desc = findAll(root, (n) => n.name === 'desc')[0]!;
      const words = desc.text;
      assert.ok(
        words.includes(
          typeOf.get(mark.target) === 'list' ? `freed ${mark.target}` : `no longer referenced ${mark.target}`,
        ),
        words,
      );
    }
  });

  it('fades objects kept alive only by a cycle and labels them unreachable', () => {
    const step = stepWhere('c08_cycle', (s) => Object.values(s.heap).some((o) => o.unreachable));
    const { root } = renderStep('c08_cycle', step);
    const faded = findAll(root, (n) => n.attrs['data-unreachable'] === 'true');
    // The two dicts of the cycle; their str values are constants of the code, not kept by the cycle.
    assert.deepEqual(faded.map((n) => n.attrs['data-object-id']).sort(), ['o1', 'o4']);
    for (const group of faded) {
      // The shapes fade; the words keep their full contrast.
      const shapes = findAll(group, (n) => n.attrs['opacity'] === '0.45');
      assert.equal(shapes.length, 1);
      assert.ok(findAll(shapes[0]!, (n) => n.name === 'rect').length >= 2);
      assert.equal(findAll(shapes[0]!, (n) => n.name === 'text').length, 0);
      assert.ok(findAll(group, (n) => n.name === 'text').every((t) => !('opacity' in t.attrs)));
      if (group.attrs['data-kind'] === 'dict') assert.ok(texts(group).includes('unreachable'));
    }
    const legend = findAll(root, (n) => n.attrs['class'] === 'ml-legend')[0]!;
    assert.ok(texts(legend).includes('unreachable: kept alive only by a cycle (faded)'));
    // Their references fade with them.
    const fromCycle = withAttr(root, 'data-arrow-from', 'o1');
    assert.equal(fromCycle.length, 2);
    for (const arrow of fromCycle) assert.equal(arrow.attrs['opacity'], '0.6');
    // Before the names are deleted they are drawn normally.
    assert.equal(
      findAll(renderStep('c08_cycle', step - 2).root, (n) => n.attrs['data-unreachable'] === 'true').length,
      0,
    );
  });

  it('gives every mark exactly one step in the all-steps SVG', () => {
    const layout = traceToLayout(loadTrace('c07_instances'), BOXES);
    const root = parseSvg(layoutToSvg(layout, { step: 'all', theme: 'site' }));
    const all = withAttr(root, 'data-change');
    assert.equal(all.length, layout.marks.length);
    for (const mark of all) {
      assert.match(mark.attrs['data-steps']!, /^\d+$/);
      assert.equal(mark.attrs['display'] === 'none', mark.attrs['data-steps'] !== String(layout.stepsTotal));
    }
    assert.deepEqual([...new Set(all.map((m) => m.attrs['data-change']))].sort(), [
      'changed',
      'freed',
      'new',
      'rebound',
    ]);
  });
});
