import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fitText, measureText } from '../../src/layout/measure-text.ts';

describe('measureText with the real font files', () => {
  it('measures JetBrains Mono at 0.6 em per character, ligature-prone text included', () => {
    const close = (a: number, b: number) => assert.ok(Math.abs(a - b) < 1e-9, `${a} vs ${b}`);
    close(measureText('abc', 'value', 12), 3 * 0.6 * 12);
    close(measureText('__self__', 'value', 10), 8 * 0.6 * 10);
    close(measureText('->=!=', 'value', 10), 5 * 0.6 * 10);
  });

  it('measures Inter with its real, proportional advances', () => {
    const wide = measureText('WWWW', 'label', 12);
    const narrow = measureText('iiii', 'label', 12);
    assert.ok(wide > 3 * narrow, `${wide} vs ${narrow}`);
    assert.ok(measureText('list', 'heading', 12) > measureText('list', 'label', 12), 'SemiBold is wider than Regular');
    assert.equal(measureText('', 'label', 12), 0);
  });

  it('fits text into a width with an ellipsis, or leaves it alone', () => {
    assert.deepEqual(fitText('short', 'value', 12, 100), { text: 'short', shortened: false });
    const fitted = fitText("'memory memory memory memory'", 'value', 12, 100);
    assert.ok(fitted.shortened && fitted.text.endsWith('…'));
    assert.ok(measureText(fitted.text, 'value', 12) <= 100);
    assert.ok(measureText(`${fitted.text.slice(0, -1)}m…`, 'value', 12) > 100, 'the longest prefix that fits');
  });
});
