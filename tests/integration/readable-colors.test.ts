import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { codeBackgrounds, contrast, readableColor } from '../../src/integration/readable-colors.ts';

describe('readable syntax colours', () => {
  it('computes WCAG contrast ratios', () => {
    assert.equal(Math.round(contrast('#000000', '#FFFFFF')), 21);
    assert.equal(contrast('#777777', '#777777'), 1);
  });

  it('make any colour readable on every code background of its mode, and keep readable colours', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 0xffffff }), fc.constantFrom('light' as const, 'dark' as const), (n, mode) => {
      const color = `#${n.toString(16).padStart(6, '0')}`;
      const fixed = readableColor(color, mode);
      for (const bg of codeBackgrounds[mode]) assert.ok(contrast(fixed, bg) >= 4.5, `${color} -> ${fixed} on ${bg}`);
    }));
    assert.equal(readableColor('#111111', 'light'), '#111111');
  });
});
