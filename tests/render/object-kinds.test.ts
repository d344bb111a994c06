// Every kind of object and every part of a frame, checked in the SVG's structure and words.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findAll, one, texts, withAttr, type SvgNode } from './svg-tree.ts';
import { renderStep, stepWhere } from './render-helpers.ts';

const objectsOfKind = (root: SvgNode, kind: string) => withAttr(root, 'data-kind', kind);
const arrowsFrom = (root: SvgNode, id: string) => withAttr(root, 'data-arrow-from', id);
const outline = (group: SvgNode) => findAll(group, (n) => /ml-outline-/.test(n.attrs['class'] ?? ''))[0]!;

describe('objects by kind', () => {
  it('draws a list as indexed rows with an arrow from each item', () => {
    const { root } = renderStep('c01_bind');
    const list = one(root, 'data-object-id', 'o1');
    assert.equal(list.attrs['data-kind'], 'list');
    assert.equal(list.attrs['data-mutable'], 'true');
    assert.deepEqual(texts(list), ['list', '3 items', '0', '1', '2']);
    assert.deepEqual(
      arrowsFrom(root, 'o1').map((a) => a.attrs['data-arrow-to']),
      ['o2', 'o3', 'o4'],
    );
    assert.equal(outline(list).attrs['stroke-dasharray'], undefined, 'mutable objects have a solid outline');
  });

  it('draws a tuple as indexed rows with the immutable outline', () => {
    const { root } = renderStep('c05_tuple_list_inside');
    const [tuple] = objectsOfKind(root, 'tuple');
    assert.ok(tuple);
    assert.equal(tuple.attrs['data-mutable'], 'false');
    assert.deepEqual(texts(tuple).slice(0, 4), ['tuple', '2 items', '0', '1']);
    assert.equal(outline(tuple).attrs['stroke-dasharray'], '5 3');
    assert.equal(outline(tuple).attrs['rx'], '9');
  });

  it('draws a dict as key/value rows with the keys written out', () => {
    const { root } = renderStep('c14_dict_shared_values');
    const dicts = objectsOfKind(root, 'dict');
    assert.equal(dicts.length, 3);
    for (const dict of dicts) assert.deepEqual(texts(dict), ['dict', '1 key', "'tags'"]);
    const list = objectsOfKind(root, 'list')[0]!;
    const into = withAttr(root, 'data-arrow-to', list.attrs['data-object-id']!);
    assert.deepEqual(
      into.map((a) => a.attrs['data-arrow-from']).sort(),
      dicts.map((d) => d.attrs['data-object-id']!).sort(),
    );
  });

  it('draws sets and frozensets without indices, frozenset as immutable', () => {
    const { root } = renderStep('r01_kinds');
    const sets = objectsOfKind(root, 'set');
    assert.deepEqual(
      sets.map((s) => s.attrs['data-type']),
      ['set', 'frozenset'],
    );
    assert.deepEqual(texts(sets[0]!), ['set', '2 items']);
    assert.deepEqual(texts(sets[1]!), ['frozenset', '1 item']);
    assert.equal(sets[1]!.attrs['data-mutable'], 'false');
    assert.equal(arrowsFrom(root, sets[0]!.attrs['data-object-id']!).length, 2);
  });

  it('draws an instance with its class name and attributes', () => {
    const { root } = renderStep('c07_instances');
    const robots = objectsOfKind(root, 'instance');
    assert.equal(robots.length, 2);
    for (const robot of robots) assert.deepEqual(texts(robot), ['Robot instance', 'name', 'parts']);
  });

  it('draws a class with its attributes and bases', () => {
    const { root } = renderStep('r01_kinds');
    const classes = objectsOfKind(root, 'class');
    assert.deepEqual(
      classes.map((c) => texts(c)),
      [
        ['class Shape', 'sides'],
        ['class Square(Shape)', 'sides', 'area'],
      ],
    );
  });

  it('draws a function with its signature and an arrow to each default', () => {
    const step = stepWhere('c06_defaults', (s) => s.stack.length === 1 && s.stack[0]!.locals.some(([n]) => n === 'b'));
    const { root } = renderStep('c06_defaults', step);
    const functions = objectsOfKind(root, 'function');
    const remember = functions.find((f) => texts(f)[0] === 'function remember(word, seen=…)')!;
    assert.deepEqual(texts(remember), ['function remember(word, seen=…)', 'default seen']);
    const [toDefault] = arrowsFrom(root, remember.attrs['data-object-id']!);
    const defaultList = one(root, 'data-object-id', toDefault!.attrs['data-arrow-to']!);
    assert.deepEqual(
      texts(defaultList).slice(0, 2),
      ['list', '2 items'],
      'the one default list is shared by both calls',
    );
  });

  it('draws closure cells between a function and the value it closed over', () => {
    const { root } = renderStep('c10_closure_cells');
    const adders = objectsOfKind(root, 'function').filter((f) => texts(f)[0] === 'function add(value)');
    assert.equal(adders.length, 2);
    for (const add of adders) {
      assert.deepEqual(texts(add), ['function add(value)', 'closure step']);
      const [toCell] = arrowsFrom(root, add.attrs['data-object-id']!);
      const cell = one(root, 'data-object-id', toCell!.attrs['data-arrow-to']!);
      assert.equal(cell.attrs['data-kind'], 'cell');
      assert.deepEqual(texts(cell), ['cell', 'cell_contents']);
      const [toValue] = arrowsFrom(root, cell.attrs['data-object-id']!);
      assert.equal(one(root, 'data-object-id', toValue!.attrs['data-arrow-to']!).attrs['data-type'], 'int');
    }
  });

  it('draws a suspended generator with its line and the locals of its frame', () => {
    const step = stepWhere('c11_generator_frame', (s) => s.line === 8 && s.event === 'line');
    const { root } = renderStep('c11_generator_frame', step);
    const [generator] = objectsOfKind(root, 'generator');
    assert.deepEqual(texts(generator!), ['generator countdown', 'suspended at line 3', 'n']);
    assert.equal(arrowsFrom(root, generator!.attrs['data-object-id']!).length, 1);
    // While it runs, its frame is on the stack and carries its locals instead.
    const running = renderStep('c11_generator_frame', step + 2).root;
    assert.deepEqual(texts(objectsOfKind(running, 'generator')[0]!), [
      'generator countdown',
      'running: its frame is on the stack',
    ]);
    assert.equal(withAttr(running, 'data-frame-id').length, 2);
  });

  it('draws a bound method with __self__ and __func__', () => {
    const { root } = renderStep('r01_kinds');
    const [method] = objectsOfKind(root, 'method');
    assert.deepEqual(texts(method!), ['bound method', '__self__', '__func__']);
    const targets = arrowsFrom(root, method!.attrs['data-object-id']!).map(
      (a) => one(root, 'data-object-id', a.attrs['data-arrow-to']!).attrs['data-kind'],
    );
    assert.deepEqual(targets, ['instance', 'function']);
  });

  it('draws scalars as small labelled boxes: type and value', () => {
    const { root } = renderStep('r01_kinds');
    const scalars = objectsOfKind(root, 'scalar').map((s) => texts(s).join(' '));
    for (const expected of [
      "bytes b'\\x00ok'",
      'float 0.5',
      'complex (2+1j)',
      'bool True',
      'range range(0, 3)',
      "str 'x'",
      'int 7',
    ]) {
      assert.ok(scalars.includes(expected), `missing ${expected} in ${scalars.join(', ')}`);
    }
    const none = renderStep('c12_singletons').root;
    const [noneBox] = withAttr(none, 'data-type', 'NoneType');
    assert.deepEqual(texts(noneBox!), ['NoneType', 'None']);
    assert.equal(
      withAttr(none, 'data-arrow-to', noneBox!.attrs['data-object-id']!).length,
      2,
      'None is one object with two names',
    );
  });

  it('shortens long values with an ellipsis and keeps the full text as a tooltip', () => {
    const { root } = renderStep('r02_long');
    const strs = withAttr(root, 'data-type', 'str');
    const long = strs.find((s) => texts(s)[1]!.endsWith('…'))!;
    assert.ok(long, 'the long string is shortened');
    const text = findAll(long, (n) => n.name === 'text')[1]!;
    assert.ok(text.text.length < 40);
    const title = text.children.find((c) => c.name === 'title')!;
    assert.match(title.text, /^'memory memory memory/);
  });

  it('shows the head, the count of the gap and the tail of a long list', () => {
    const { root } = renderStep('r02_long');
    const list = objectsOfKind(root, 'list').find((l) => texts(l).includes('… 85 more …'))!;
    const words = texts(list);
    assert.deepEqual(words.slice(0, 3), ['list', '100 items', '0']);
    assert.deepEqual(words.slice(-3), ['97', '98', '99']);
    assert.equal(arrowsFrom(root, list.attrs['data-object-id']!).length, 15, 'one arrow per item drawn');
  });

  it('draws one box for a shared small int, with an arrow from each name', () => {
    const { root } = renderStep('c01_bind');
    const int = one(root, 'data-object-id', 'o5');
    assert.deepEqual(texts(int), ['int', '3']);
    assert.deepEqual(
      withAttr(root, 'data-arrow-to', 'o5').map((a) => a.attrs['data-arrow-from']),
      ['f1', 'f1'],
    );
  });

  it('draws scalars inside their slot with scalars: inline', () => {
    const { root } = renderStep('c01_bind', undefined, {}, { scalars: 'inline' });
    assert.equal(objectsOfKind(root, 'scalar').length, 0);
    assert.deepEqual(texts(one(root, 'data-frame-id', 'f1')).slice(-4), ['count', '3', 'total', '3']);
  });
});

describe('frames', () => {
  it('draws every frame with its name and variables, outermost first, the running one marked', () => {
    const step = stepWhere('c03_frames', (s) => s.stack.length === 3 && s.line === 3);
    const { root } = renderStep('c03_frames', step);
    const frames = withAttr(root, 'data-frame-id');
    assert.deepEqual(
      frames.map((f) => texts(f)[0]),
      ['<module>', 'describe', 'area'],
    );
    assert.deepEqual(texts(frames[2]!), ['area', 'running', 'width', 'height', 'result']);
    const running = findAll(root, (n) => n.attrs['data-running'] === 'true');
    assert.equal(running.length, 1);
    assert.equal(outline(frames[2]!).attrs['stroke-width'], '3');
    assert.equal(outline(frames[1]!).attrs['stroke-width'], '1.25');
  });

  it('shows the return value of a returning frame with an arrow', () => {
    const step = stepWhere('c03_frames', (s) => s.event === 'return' && s.stack.length === 3);
    const { root } = renderStep('c03_frames', step);
    const area = withAttr(root, 'data-frame-id').at(-1)!;
    assert.deepEqual(texts(area), ['area', 'returning', 'width', 'height', 'result', 'return']);
    const fromArea = arrowsFrom(root, area.attrs['data-frame-id']!);
    const returned = fromArea.at(-1)!;
    assert.deepEqual(texts(one(root, 'data-object-id', returned.attrs['data-arrow-to']!)), ['int', '12']);
  });

  it('says the module frame finished at its return, not returning', () => {
    const step = stepWhere('c01_bind', (s) => s.event === 'return' && s.stack.length === 1);
    const { root } = renderStep('c01_bind', step);
    const module = withAttr(root, 'data-frame-id')[0]!;
    assert.deepEqual(texts(module).slice(0, 2), ['<module>', 'finished']);
  });

  it('shows where an exception passes', () => {
    const step = stepWhere('r03_exception', (s) => s.event === 'exception');
    const { root } = renderStep('r03_exception', step);
    const top = withAttr(root, 'data-frame-id').at(-1)!;
    assert.deepEqual(texts(top), ['divide', 'raising', 'a', 'b', 'raises ZeroDivisionError: division by zero']);
    const alert = findAll(top, (n) => n.name === 'text' && n.attrs['class'] === 'ml-alert');
    assert.equal(alert.length, 1);
    const last = renderStep('r03_exception').root;
    assert.deepEqual(texts(withAttr(last, 'data-frame-id')[0]!).at(-1), 'raises ZeroDivisionError: division by zero');
  });

  it('draws a legend that explains the shapes in words', () => {
    const { root } = renderStep('c01_bind');
    const legend = findAll(root, (n) => n.attrs['class'] === 'ml-legend')[0]!;
    assert.deepEqual(texts(legend), [
      'mutable object (square corners, solid)',
      'immutable object (round corners, dashed)',
      'running frame (thick border)',
      'changed at this step (dotted outline)',
    ]);
  });

  it('leaves out of the legend what the diagram never draws', () => {
    const { root } = renderStep('c02_rebind_int');
    const legend = findAll(root, (n) => n.attrs['class'] === 'ml-legend')[0]!;
    assert.deepEqual(texts(legend), [
      'immutable object (round corners, dashed)',
      'running frame (thick border)',
      'changed at this step (dotted outline)',
    ]);
  });
});
