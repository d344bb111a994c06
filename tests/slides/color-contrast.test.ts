import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { contrastRatio, ensureContrast } from '../../src/slides/color-contrast.ts';

describe('contrast', () => {
  it('matches the WCAG ratios of known pairs', () => {
    assert.equal(contrastRatio('#000000', '#ffffff').toFixed(2), '21.00');
    assert.equal(contrastRatio('#fff', '#fff').toFixed(2), '1.00');
    assert.equal(contrastRatio('#777777', '#ffffff').toFixed(2), '4.48');
  });

  it('keeps colours that pass and lifts those that do not, towards the far end of the background', () => {
    assert.equal(ensureContrast('#24292e', '#ffffff'), '#24292e');
    const onDark = ensureContrast('#6a737d', '#24292e');
    assert.ok(contrastRatio(onDark, '#24292e') >= 4.5);
    assert.ok(contrastRatio('#6a737d', '#24292e') < 4.5, 'github-dark comments start below AA');
    const onLight = ensureContrast('#aaaaaa', '#ffffff');
    assert.ok(contrastRatio(onLight, '#ffffff') >= 4.5);
    assert.ok(parseInt(onLight.slice(1, 3), 16) < 0xaa, 'lifted towards black on a light background');
  });

  it('rejects what is not a hex colour', () => {
    assert.throws(() => contrastRatio('red', '#fff'), /not a hex colour: red/);
  });
});
