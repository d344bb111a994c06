// A comparison's slide from its parts, without an interpreter: columns side by side that never overlap,
// each labelled and nested whole; the sentence wrapped under them with code in the mono face.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fontFamilyOf } from '../../src/fonts/faces.ts';
import { measureText } from '../../src/layout/measure-text.ts';
import { composePair, NOTHING_DIFFERS, type PairInput } from '../../src/slides/compose-pair.ts';
import { differsCss } from '../../src/render/differs-css.ts';
import { sentenceToSvg } from '../../src/slides/sentence-to-svg.ts';
import { findAll, parseXml, textOf } from './xml-tree.ts';

const diagram = (width: number, height: number, id: string) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" class="memlane-diagram" ` +
  `viewBox="0 0 ${width} ${height}" width="${width}" height="${height}"><title>${id}</title>` +
  `<g data-object-id="${id}" data-differs="true"><rect width="10" height="10"/></g></svg>\n`;

const input = (sentence: string, widths = [300, 420]): PairInput => ({
  sides: widths.map((width, i) => ({ label: `side ${i + 1}`, diagram: diagram(width, 200 + i * 50, `o${i + 1}`) })),
  sentence,
  background: '#ffffff',
  colors: { text: '#111111', muted: '#555555', rule: '#cccccc', differs: '#c2410c' },
  differsStyle: differsCss('light'),
  title: 'Compare side 1 and side 2, moment 3 of 5',
  description: 'What differs.',
});

describe('composePair', () => {
  it('nests each side whole, in order, left to right without overlap, under its label', () => {
    const root = parseXml(composePair(input('`b is a` in side 1, not in side 2.')));
    const sides = root.children.filter((e) => e.name === 'svg');
    assert.deepEqual(
      sides.map((s) => [s.attributes['data-side'], textOf(s.children.find((e) => e.name === 'title')!)]),
      [
        ['0', 'o1'],
        ['1', 'o2'],
      ],
    );
    const [first, second] = sides.map((s) => ({ x: Number(s.attributes.x), width: Number(s.attributes.width) }));
    assert.ok(first!.x + first!.width < second!.x, 'the second side starts right of the first');
    const labels = root.children.filter((e) => e.name === 'text');
    assert.deepEqual(labels.map(textOf), ['side 1', 'side 2']);
    assert.deepEqual(
      labels.map((l) => l.attributes.x),
      sides.map((s) => s.attributes.x),
    );
    assert.equal(findAll(root, (e) => e.attributes['data-differs'] === 'true').length, 2);
    assert.equal(root.attributes['data-compare'], '');
  });

  it('says the sentence under the sides, or that nothing differs, muted, without the mark sample', () => {
    const said = parseXml(composePair(input('`b is a` in side 1, not in side 2.')));
    const group = findAll(said, (e) => e.attributes.class === 'memlane-differs')[0]!;
    assert.equal(textOf(group).replace(/\s+/g, ' ').trim(), 'b is a in side 1, not in side 2.');
    const code = findAll(group, (e) => e.name === 'tspan')[0]!;
    assert.deepEqual([textOf(code), code.attributes['font-family']], ['b is a ', fontFamilyOf('value')]);
    assert.equal(findAll(said, (e) => e.attributes['stroke-dasharray'] === '7 3').length, 1);
    const quiet = parseXml(composePair(input('')));
    const text = findAll(quiet, (e) => e.attributes.class === 'memlane-differs')[0]!;
    assert.equal(textOf(text).trim(), NOTHING_DIFFERS);
    assert.equal(findAll(text, (e) => e.name === 'text')[0]!.attributes.fill, '#555555');
    assert.equal(findAll(quiet, (e) => e.attributes['stroke-dasharray'] === '7 3').length, 0);
  });

  it('fits a width keeping proportions, and gives the same bytes for the same input', () => {
    const natural = parseXml(composePair(input('')));
    const fitted = parseXml(composePair({ ...input(''), width: 1600 }));
    assert.equal(fitted.attributes.width, '1600');
    assert.equal(fitted.attributes.viewBox, natural.attributes.viewBox);
    const [, , w, h] = natural.attributes.viewBox!.split(' ').map(Number);
    assert.ok(Math.abs(Number(fitted.attributes.height) - (1600 * h!) / w!) < 0.01);
    assert.equal(composePair(input('`x`')), composePair(input('`x`')));
  });
});

describe('sentenceToSvg', () => {
  it('wraps to the width, each line within it, code runs in the mono face', () => {
    const text =
      'Paths `clone[0] is grid[0]` and `clone[1] is grid[1]` in copy.copy, not in copy.deepcopy; ' +
      '`f.__defaults__[0]` only in copy.copy.';
    const drawn = sentenceToSvg({ text, maxWidth: 260, size: 16, color: '#000' });
    const lines = parseXml(`<g>${drawn.markup}</g>`).children;
    assert.ok(lines.length >= 3, `${lines.length} lines`);
    assert.equal(drawn.height, lines.length * Math.round(16 * 1.45));
    for (const line of lines) {
      const runs = line.children;
      const last = runs.at(-1)!;
      const face = last.attributes['font-family'] === fontFamilyOf('value') ? 'value' : 'label';
      assert.equal(textOf(last), textOf(last).trimEnd(), 'a line ends in no space');
      const right = Number(last.attributes.x) + measureText(textOf(last), face, 16);
      assert.ok(right <= 260 + 0.01, `"${textOf(line)}" ends at ${right}`);
    }
    const words = lines.map((line) => line.children.map(textOf).join('')).join(' ');
    assert.equal(words, text.replace(/`/g, ''));
  });
});
