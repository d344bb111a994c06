import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { codeToSvgPanel } from '../../src/slides/code-to-svg-panel.ts';
import { composeSlide, fitToWidth } from '../../src/slides/compose-slide.ts';
import { highlightPython } from '../../src/slides/highlight-code.ts';
import { parseSvgRoot } from '../../src/slides/svg-root.ts';
import { findAll, parseXml, textOf } from './xml-tree.ts';

const diagram = `<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" class="memlane-diagram" width="400" height="300" viewBox="0 0 400 300">\
<title>d &amp; e</title><desc>one list</desc><g data-object-id="o1"><rect x="10" y="10" width="50" height="20"/></g>\
</svg>
`;

async function panel() {
  return codeToSvgPanel({ tokens: highlightPython('a = [1]\nb = a\n', 'light'), currentLine: 2 });
}

describe('composeSlide', () => {
  it('puts the code panel left of the diagram in one well-formed standalone SVG', async () => {
    const code = await panel();
    const svg = composeSlide({
      diagram,
      code,
      background: '#ffffff',
      title: 'a.py, step 2 of 2',
      description: 'Line 2 <b> & more',
    });
    assert.ok(svg.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg"'));
    const root = parseXml(svg);
    assert.equal(root.name, 'svg');
    assert.equal(textOf(root.children.find((e) => e.name === 'title')!), 'a.py, step 2 of 2');
    assert.equal(textOf(root.children.find((e) => e.name === 'desc')!), 'Line 2 <b> & more');
    const nested = root.children.find((e) => e.name === 'svg')!;
    assert.equal(nested.attributes.class, 'memlane-diagram', 'the diagram keeps its root attributes');
    assert.ok(Number(nested.attributes.x) >= code.width, 'the diagram starts right of the code panel');
    assert.equal(nested.attributes.width, '400');
    assert.equal(findAll(nested, (e) => e.attributes['data-object-id'] === 'o1').length, 1);
    assert.equal(
      findAll(root, (e) => e.name === 'script' || Object.keys(e.attributes).some((a) => a.startsWith('on'))).length,
      0,
    );
    const [, , width, height] = parseSvgRoot(svg).viewBox;
    assert.ok(width >= code.width + 400 && height >= Math.max(code.height, 300));
  });

  it('fits the whole slide to a width, keeping its proportions', async () => {
    const code = await panel();
    const natural = parseSvgRoot(composeSlide({ diagram, code, background: '#fff', title: 't', description: 'd' }));
    const fitted = parseXml(
      composeSlide({ diagram, code, width: 1000, background: '#fff', title: 't', description: 'd' }),
    );
    assert.equal(fitted.attributes.width, '1000');
    const [, , w, h] = natural.viewBox;
    assert.ok(Math.abs(Number(fitted.attributes.height) - (1000 * h) / w) < 0.01);
    assert.equal(fitted.attributes.viewBox, natural.viewBox.join(' '));
  });

  it('returns the diagram untouched without code and width, and only resized with a width', () => {
    assert.equal(composeSlide({ diagram, background: '#fff', title: 't', description: 'd' }), diagram);
    const fitted = composeSlide({ diagram, width: 800, background: '#fff', title: 't', description: 'd' });
    const root = parseXml(fitted);
    assert.equal(root.attributes.width, '800');
    assert.equal(root.attributes.height, '600');
    assert.equal(root.attributes.class, 'memlane-diagram');
    assert.equal(fitted, fitToWidth(diagram, 800));
  });

  it('gives identical bytes for identical input', async () => {
    const make = async () =>
      composeSlide({ diagram, code: await panel(), width: 1280, background: '#fff', title: 't', description: 'd' });
    assert.equal(await make(), await make());
  });

  it('refuses input that is not an SVG', () => {
    assert.throws(
      () => composeSlide({ diagram: '<html></html>', width: 100, background: '#fff', title: 't', description: 'd' }),
      /not an SVG document/,
    );
  });
});
