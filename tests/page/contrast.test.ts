// The one contrast module: WCAG ratios, the code pane's readable colours, a slide panel's lifted colours.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { codeBackgrounds, contrastRatio, ensureContrast, readableColor } from '../../src/page/contrast.ts';

describe('contrast', () => {
  it('matches the WCAG ratios of known pairs', () => {
    assert.equal(contrastRatio('#000000', '#ffffff').toFixed(2), '21.00');
    assert.equal(Math.round(contrastRatio('#000000', '#FFFFFF')), 21);
    assert.equal(contrastRatio('#fff', '#fff').toFixed(2), '1.00');
    assert.equal(contrastRatio('#777777', '#777777'), 1);
    assert.equal(contrastRatio('#777777', '#ffffff').toFixed(2), '4.48');
  });

  it('rejects what is not a hex colour', () => {
    assert.throws(() => contrastRatio('red', '#fff'), /not a hex colour: red/);
  });
});

describe('readable syntax colours (pages and the live editor)', () => {
  it('make any colour readable on every code background of its mode, and keep readable colours', () => {
    const modes = fc.constantFrom('light' as const, 'dark' as const);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffffff }), modes, (n, mode) => {
        const color = `#${n.toString(16).padStart(6, '0')}`;
        const fixed = readableColor(color, mode);
        for (const bg of codeBackgrounds[mode]) {
          assert.ok(contrastRatio(fixed, bg) >= 4.5, `${color} -> ${fixed} on ${bg}`);
        }
      }),
    );
    assert.equal(readableColor('#111111', 'light'), '#111111');
  });

  it('spell colours in upper case, as the page CSS always had them', () => {
    assert.equal(readableColor('#c792ea', 'dark'), '#C792EA');
    assert.equal(readableColor('#989fb1', 'light'), '#5B5F6A');
  });
});

describe('lifted colours (slides)', () => {
  it('keeps colours that pass and lifts those that do not, towards the far end of the background', () => {
    assert.equal(ensureContrast('#24292e', '#ffffff'), '#24292e');
    const onDark = ensureContrast('#6a737d', '#24292e');
    assert.ok(contrastRatio(onDark, '#24292e') >= 4.5);
    assert.ok(contrastRatio('#6a737d', '#24292e') < 4.5, 'github-dark comments start below AA');
    const onLight = ensureContrast('#aaaaaa', '#ffffff');
    assert.ok(contrastRatio(onLight, '#ffffff') >= 4.5);
    assert.ok(parseInt(onLight.slice(1, 3), 16) < 0xaa, 'lifted towards black on a light background');
  });

  it('spells colours in lower case, as the slide SVGs always had them', () => {
    assert.equal(ensureContrast('#24292E', '#ffffff'), '#24292e');
  });
});
