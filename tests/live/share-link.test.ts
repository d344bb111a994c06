// Share links: any program, in any script, comes back exactly from its `#code=` fragment; a broken
// fragment reads as no program rather than as a wrong one.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { codeFromHash, decodeCode, encodeCode, playgroundHref } from '../../src/live/share-link.ts';

describe('share links', () => {
  it('round-trips any text, with only base64url characters and no padding', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), (code) => {
      const encoded = encodeCode(code);
      assert.match(encoded, /^[A-Za-z0-9_-]*$/);
      assert.equal(decodeCode(encoded), code);
      assert.equal(codeFromHash(`#code=${encoded}`), code);
    }));
  });

  it('encodes the UTF-8 bytes, as the contract says', () => {
    assert.equal(encodeCode('x = "é"'), Buffer.from('x = "é"', 'utf8').toString('base64url'));
    assert.equal(playgroundHref('/playground/', 'a = 1'), `/playground/#code=${Buffer.from('a = 1').toString('base64url')}`);
  });

  it('reads a broken or foreign fragment as no program', () => {
    assert.equal(decodeCode('a+b/'), undefined, 'base64, not base64url');
    assert.equal(decodeCode('abcde'), undefined, 'a length no base64 has');
    assert.equal(decodeCode(Buffer.from([0xff, 0xfe]).toString('base64url')), undefined, 'not UTF-8');
    assert.equal(codeFromHash('#diagram-1-step-3'), undefined);
    assert.equal(codeFromHash(''), undefined);
  });
});
