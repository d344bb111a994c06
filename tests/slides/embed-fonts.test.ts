// embedFonts: a standalone slide SVG carries, for each face it draws with, a WOFF2 of just the
// glyphs it draws there (no ligatures), inside well-formed XML with no script, the same bytes every time.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { traceToLayout } from '../../src/layout/trace-to-layout.ts';
import { layoutToSvg } from '../../src/render/layout-to-svg.ts';
import { codeToSvgPanel } from '../../src/slides/code-to-svg-panel.ts';
import { composeSlide } from '../../src/slides/compose-slide.ts';
import { embedFonts } from '../../src/slides/embed-fonts.ts';
import { slideFaces } from '../../src/slides/font-files.ts';
import { highlightPython } from '../../src/slides/highlight-code.ts';
import { textByFace } from '../../src/slides/text-by-face.ts';
import { glyphCount, substitutionFeatures } from '../fonts/font-tables.ts';
import { loadTrace } from '../fixtures/traces/load.ts';
import { findAll, parseXml } from './xml-tree.ts';

const diagram = (name: string) => {
  const layout = traceToLayout(loadTrace(name), {});
  return layoutToSvg(layout, { step: layout.stepsTotal, theme: 'light', standalone: true, title: `${name}.py` });
};

async function slide(code: string): Promise<string> {
  const tokens = highlightPython(code, 'light');
  return composeSlide({
    diagram: diagram('r07_classes'),
    code: codeToSvgPanel({ tokens, currentLine: 2 }),
    background: '#ffffff',
    title: 'slide',
    description: 'a slide',
  });
}

/** Each @font-face rule: its face and its font file. */
function embeddedFaces(svg: string): { face: string; font: Buffer }[] {
  return [
    ...svg.matchAll(
      new RegExp(
        String.raw`font-family: '([^']+)';\s*font-style: (\w+);\s*font-weight: ` +
          String.raw`(\d+);[^}]*url\('data:font\/woff2;base64,([A-Za-z0-9+/=]+)'\)`,
        'g',
      ),
    ),
  ].map(([, family, style, weight, data]) => ({
    face: `${family} ${weight} ${style}`,
    font: Buffer.from(data!, 'base64'),
  }));
}

describe('embedFonts', () => {
  it('embeds the faces a slide draws with, each cut to its own characters and without ligatures', async () => {
    const plain = await slide('class Ticket:\n    def __init__(self, seat):\n        ok = 1 <= 2 != 3\n');
    const svg = embedFonts(plain);
    const faces = embeddedFaces(svg);
    // Labels, headings, values and code; the marked line's number is bold. No italic token in this code.
    assert.deepEqual(
      faces.map((f) => f.face),
      ['Inter 400 normal', 'Inter 600 normal', 'JetBrains Mono 400 normal', 'JetBrains Mono 700 normal'],
    );
    const drawn = textByFace(plain, slideFaces).byFace;
    for (const [i, { face, font }] of faces.entries()) {
      assert.equal(font.toString('latin1', 0, 4), 'wOF2', `${face} is a WOFF2 file`);
      const characters = [...drawn.values()].filter((set) => set.size)[i]!.size;
      // Its characters and .notdef, and a few glyphs they are made of (accents, composites): never the whole font.
      assert.ok(
        glyphCount(font) > characters && glyphCount(font) <= characters + 8,
        `${face}: ${glyphCount(font)} glyphs for ${characters} characters`,
      );
      assert.ok(
        !substitutionFeatures(font).has('calt') && !substitutionFeatures(font).has('liga'),
        `${face} has no ligatures`,
      );
    }
    const bold = drawn.get(slideFaces.find((f) => f.family === 'JetBrains Mono' && f.weight === 700)!)!;
    assert.deepEqual(
      [...bold].map((c) => String.fromCodePoint(c)).sort(),
      ['2'],
      'only the number of the marked line is bold',
    );
  });

  it('keeps the file well-formed standalone XML: title and desc first, then the fonts, no script', async () => {
    const svg = embedFonts(await slide('x = [1]\n'));
    const root = parseXml(svg);
    assert.deepEqual(
      root.children.slice(0, 3).map((e) => e.name),
      ['title', 'desc', 'style'],
    );
    assert.equal(
      findAll(root, (e) => e.name === 'script' || Object.keys(e.attributes).some((a) => /^on/i.test(a))).length,
      0,
    );
    assert.match(svg, /text \{ font-variant-ligatures: none; font-feature-settings: "liga" 0, "calt" 0; \}/);
    const alone = embedFonts(diagram('r04_markup'));
    assert.deepEqual(
      parseXml(alone)
        .children.slice(0, 3)
        .map((e) => e.name),
      ['title', 'desc', 'style'],
    );
    assert.ok(alone.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg '));
  });

  it('gives the same bytes for the same drawing', async () => {
    const plain = await slide('a = "café"\nb = a\n');
    assert.equal(embedFonts(plain), embedFonts(plain));
    assert.equal(embedFonts(diagram('r04_markup')), embedFonts(diagram('r04_markup')));
  });

  it('leaves a drawing without text as it is, and diagrams for pages never carry fonts', () => {
    const empty =
      '<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 ' +
      '10"><title>t</title><rect width="5" height="5"/></svg>\n';
    assert.equal(embedFonts(empty), empty);
    const layout = traceToLayout(loadTrace('r07_classes'), {});
    for (const standalone of [false, true])
      assert.ok(!layoutToSvg(layout, { step: 'all', theme: 'site', standalone }).includes('@font-face'));
  });
});
