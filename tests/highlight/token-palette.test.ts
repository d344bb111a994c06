// The colour table reads everywhere it is drawn: every kind's colour reaches the page's contrast on each
// code-pane background, and a slide's 4.5:1 on each panel background, so slides draw it unchanged.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { tokenKinds, tokenPalette } from '../../src/highlight/token-palette.ts';
import { codeBackgrounds, contrastRatio as contrast, ensureContrast } from '../../src/page/contrast.ts';
import { palettes } from '../../src/render/themes.ts';
import { panelBackgrounds } from '../../src/slides/highlight-code.ts';

/** Where a slide's code panel can sit: its own card, the light and sketch slides, the current line's band. */
const slideBackgrounds = {
  light: [panelBackgrounds.light, palettes.light.background, palettes.sketch.background, '#fff8c5'],
  dark: [panelBackgrounds.dark, '#3a3520'],
};

describe('the code colour table', () => {
  for (const theme of ['light', 'dark'] as const) {
    it(`reads on every code background, ${theme}`, () => {
      for (const kind of tokenKinds) {
        const { color } = tokenPalette[theme][kind];
        for (const background of codeBackgrounds[theme]) {
          const ratio = contrast(color, background);
          assert.ok(ratio >= 5, `${kind} ${color} on the page's ${background}: ${ratio}`);
        }
        for (const background of slideBackgrounds[theme]) {
          const drawn = ensureContrast(color, background);
          assert.equal(drawn, color.toLowerCase(), `${kind} ${color} on a slide's ${background}`);
        }
      }
    });
  }

  it('has a colour of its own for each kind but text-like ones, and italic comments', () => {
    for (const theme of ['light', 'dark'] as const) {
      const colours = tokenKinds.map((kind) => tokenPalette[theme][kind].color);
      assert.ok(new Set(colours).size >= tokenKinds.length - 1, `${theme}: ${colours.join(' ')}`);
      assert.equal(tokenPalette[theme].comment.italic, true);
      assert.equal(tokenPalette[theme].keyword.italic, false);
    }
  });
});
