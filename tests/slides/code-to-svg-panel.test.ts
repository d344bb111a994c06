import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { codeToSvgPanel } from '../../src/slides/code-to-svg-panel.ts';
import { contrastRatio } from '../../src/page/contrast.ts';
import { highlightPython } from '../../src/slides/highlight-code.ts';
import { findAll, parseXml, textOf, type XmlElement } from './xml-tree.ts';

const source = 'def f(a, b=[]):\n\tb.append(a)  # keeps "state" <across> calls & more\n    return b\n\nx = f(1)\n';

async function panel(
  options: {
    currentLine?: number;
    lineLabel?: { text: string; alert?: boolean };
    dark?: boolean;
    maxColumns?: number;
    code?: string;
    background?: string;
    minWidth?: number;
  } = {},
) {
  const tokens = highlightPython(options.code ?? source, options.dark ? 'dark' : 'light');
  const result = codeToSvgPanel({ tokens, ...options });
  const tree = parseXml(`<svg xmlns="http://www.w3.org/2000/svg">${result.markup}</svg>`);
  return { result, tree };
}

/** Text of each code line (the <text> elements with xml:space), in order. */
function codeLines(tree: XmlElement): string[] {
  return findAll(tree, (e) => e.name === 'text' && e.attributes['xml:space'] === 'preserve').map(textOf);
}

describe('codeToSvgPanel', () => {
  it('writes every token of every line as escaped, well-formed text', async () => {
    const { tree } = await panel();
    const lines = codeLines(tree);
    assert.equal(lines.length, 4, 'the empty line 4 has no code text; the trailing newline adds no line');
    assert.match(lines[1]!, /b\.append\(a\)\s*# keeps "state" <across> calls & more/);
    const numbers = findAll(tree, (e) => e.name === 'text' && e.attributes['text-anchor'] === 'end').map(textOf);
    assert.deepEqual(numbers, ['1', '2', '3', '4', '5']);
  });

  it('expands tabs to four columns, so a tab-indented line lines up with a space-indented one', async () => {
    const { tree } = await panel();
    const lines = findAll(tree, (e) => e.name === 'text' && e.attributes['xml:space'] === 'preserve');
    assert.ok(textOf(lines[1]!).startsWith('    b.append(a)'));
    assert.ok(textOf(lines[2]!).startsWith('    return b'));
    assert.ok(!textOf(tree).includes('\t'));
    const xOf = (line: number, start: string) =>
      Number(lines[line - 1]!.children.find((e) => textOf(e).startsWith(start))!.attributes.x);
    const charWidth = (xOf(1, 'f') - xOf(1, 'def')) / 4;
    // "\tb.append(a)  " is 4 + 13 columns wide, so the comment starts at column 17.
    assert.equal(xOf(2, '# keeps'), xOf(2, '    b.') + 17 * charWidth);
  });

  it('marks the current line with a band, a bar, a triangle and a bold line number', async () => {
    const { tree } = await panel({ currentLine: 3 });
    const marked = findAll(tree, (e) => e.attributes['data-current-line'] !== undefined);
    assert.equal(marked.length, 1);
    assert.equal(marked[0]!.attributes['data-current-line'], '3');
    assert.equal(findAll(marked[0]!, (e) => e.name === 'rect').length, 2);
    assert.equal(findAll(marked[0]!, (e) => e.name === 'path').length, 1);
    const number = findAll(marked[0]!, (e) => e.name === 'text' && textOf(e) === '3')[0]!;
    assert.equal(number.attributes['font-weight'], '700');
    assert.match(textOf(marked[0]!), /return/);
  });

  it('has no mark without a current line', async () => {
    const { tree } = await panel();
    assert.equal(findAll(tree, (e) => e.attributes['data-current-line'] !== undefined).length, 0);
  });

  it('writes the label of the current line after its code, escaped, in the alert colour for an exception', async () => {
    const { tree, result } = await panel({ currentLine: 3, lineLabel: { text: 'f returns <list>' } });
    const label = findAll(tree, (e) => e.name === 'text' && textOf(e).startsWith('←'))[0]!;
    assert.equal(textOf(label), '← f returns <list>');
    const code = codeLines(tree)[2]!;
    assert.ok(Number(label.attributes.x) > 14 * 0 + code.length, 'the label sits right of the code');
    assert.ok(result.width > Number(label.attributes.x), 'the panel is wide enough for the label');
    const raised = findAll(
      (await panel({ currentLine: 5, lineLabel: { text: 'raises TypeError', alert: true } })).tree,
      (e) => e.name === 'text' && textOf(e).startsWith('←'),
    )[0]!;
    assert.notEqual(raised.attributes.fill, label.attributes.fill);
    assert.doesNotMatch(textOf((await panel({ currentLine: 5 })).tree), /←/);
  });

  it('takes another background when asked, and keeps contrast on it', async () => {
    const { result, tree } = await panel({ background: '#fffdf6' });
    assert.equal(result.background, '#fffdf6');
    assert.equal(findAll(tree, (e) => e.name === 'rect')[0]!.attributes.fill, '#fffdf6');
  });

  it('cuts lines longer than maxColumns and ends them with an ellipsis', async () => {
    const long = `word = "${'y'.repeat(200)}"\n`;
    const { tree, result } = await panel({ code: long, maxColumns: 40 });
    const line = codeLines(tree)[0]!;
    assert.ok(line.endsWith('…'));
    assert.equal([...line.replace(/\s/g, '')].length <= 40, true);
    const { result: wide } = await panel({ code: long, maxColumns: 120 });
    assert.ok(wide.width > result.width);
  });

  it('lifts every colour to at least 4.5:1 contrast against the row it sits on', async () => {
    for (const dark of [false, true]) {
      const { tree, result } = await panel({ currentLine: 2, dark });
      const marked = findAll(tree, (e) => e.attributes['data-current-line'] !== undefined)[0]!;
      const band = findAll(marked, (e) => e.name === 'rect')[0]!.attributes.fill!;
      for (const element of findAll(
        tree,
        (e) => (e.name === 'text' || e.name === 'tspan') && e.attributes.fill !== undefined,
      )) {
        let inBand = false;
        for (let p = element.parent; p; p = p.parent) if (p === marked) inBand = true;
        const ratio = contrastRatio(element.attributes.fill!, inBand ? band : result.background);
        assert.ok(
          ratio >= 4.5,
          `${textOf(element)} in ${element.attributes.fill} has contrast ${ratio.toFixed(2)} (dark=${dark})`,
        );
      }
    }
  });

  it('gives the same bytes for the same input', async () => {
    const a = (await panel({ currentLine: 2 })).result.markup;
    const b = (await panel({ currentLine: 2 })).result.markup;
    assert.equal(a, b);
  });

  it('is at least minWidth wide, its card and the running line band with it (frames of one animation)', async () => {
    const natural = (await panel({ currentLine: 2 })).result.width;
    const { result, tree } = await panel({ currentLine: 2, minWidth: natural + 40 });
    assert.equal(result.width, natural + 40);
    const widths = findAll(tree, (e) => e.name === 'rect').map((e) => Number(e.attributes.width));
    assert.ok(widths.includes(natural + 40), 'the card is as wide as the panel');
    assert.equal((await panel({ currentLine: 2, minWidth: natural - 40 })).result.width, natural, 'never narrower');
  });
});
