// textByFace: each drawn character filed under the face CSS font matching picks from the attributes
// its element inherits; titles, descriptions and styles draw nothing.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { slideFaces } from '../../src/slides/font-files.ts';
import { matchFace, textByFace } from '../../src/slides/text-by-face.ts';

const svg = (body: string) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" font-family="Inter, ` +
  `system-ui, sans-serif" font-size="12"><title>Title</title><desc>Zz</desc><style>.q { fill: red ` +
  `}</style>${body}</svg>\n`;

/** The characters of each face that draws any, as strings of sorted characters. */
function drawn(body: string): Record<string, string> {
  const { byFace } = textByFace(svg(body), slideFaces);
  return Object.fromEntries(
    [...byFace]
      .filter(([, set]) => set.size)
      .map(([face, set]) => [
        `${face.family} ${face.weight} ${face.style}`,
        [...set]
          .map((c) => String.fromCodePoint(c))
          .sort()
          .join(''),
      ]),
  );
}

describe('textByFace', () => {
  it('files text under the face its inherited family, weight and style match', () => {
    assert.deepEqual(
      drawn(
        [
          '<text>ab</text>',
          '<text font-weight="600">H</text>',
          '<g font-family="\'JetBrains Mono\', monospace"><text>x<tspan font-weight="700">1</tspan><tspan ' +
            'font-style="italic">i</tspan></text></g>',
          '<text font-family="JetBrains Mono">&lt;&amp;&#x41;&#66;</text>',
        ].join(''),
      ),
      {
        'Inter 400 normal': 'ab',
        'Inter 600 normal': 'H',
        'JetBrains Mono 400 normal': '&<ABx',
        'JetBrains Mono 700 normal': '1',
        'JetBrains Mono 400 italic': 'i',
      },
    );
  });

  it('draws nothing from titles, descriptions, styles or text outside <text>, and a tab or newline as a space', () => {
    assert.deepEqual(drawn('<g>loose</g><text>a<title>Tooltip</title>\tb\n</text>'), { 'Inter 400 normal': ' ab' });
  });

  it('keeps characters of a family it does not ship among all those drawn, under no face', () => {
    const { byFace, all } = textByFace(svg('<text font-family="Comic Sans MS, cursive">q</text>'), slideFaces);
    assert.ok([...byFace.values()].every((set) => set.size === 0));
    assert.deepEqual([...all], ['q'.codePointAt(0)]);
  });

  it('picks the nearest weight the way CSS does', () => {
    const weightOf = (weight: number, family = 'Inter') =>
      matchFace(slideFaces, { families: [family], weight, style: 'normal' })?.weight;
    assert.deepEqual(
      [300, 450, 500, 550, 800].map((w) => weightOf(w)),
      [400, 400, 400, 600, 600],
    );
    assert.deepEqual(
      [500, 600, 900].map((w) => weightOf(w, 'JetBrains Mono')),
      [400, 700, 700],
    );
    // Bold italic: the italic face (its weight then synthesized), as a browser and resvg pick it.
    assert.equal(
      matchFace(slideFaces, { families: ['JetBrains Mono'], weight: 700, style: 'italic' })?.style,
      'italic',
    );
  });

  it('refuses markup that is not well-formed, with a hint', () => {
    assert.throws(() => textByFace(svg('<g><text>a</g></text>'), slideFaces), /<\/g> closes <text>\nhint: /);
  });
});
