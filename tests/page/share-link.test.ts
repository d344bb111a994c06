// Share links: any program, in any script, comes back exactly from its `#code=` fragment, with the
// options after it; a broken fragment reads as no program rather than as a wrong one.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  codeFromHash,
  decodeCode,
  encodeCode,
  playgroundHref,
  readShareHash,
  shareHash,
  withCode,
} from '../../src/page/share-link.ts';

describe('share links', () => {
  it('round-trips any text, with only base64url characters and no padding', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (code) => {
        const encoded = encodeCode(code);
        assert.match(encoded, /^[A-Za-z0-9_-]*$/);
        assert.equal(decodeCode(encoded), code);
        assert.equal(codeFromHash(`#code=${encoded}`), code);
      }),
    );
  });

  it('encodes the UTF-8 bytes, as the contract says', () => {
    assert.equal(encodeCode('x = "é"'), Buffer.from('x = "é"', 'utf8').toString('base64url'));
    assert.equal(
      playgroundHref('/playground/', 'a = 1'),
      `/playground/#code=${Buffer.from('a = 1').toString('base64url')}`,
    );
  });

  it('reads a broken or foreign fragment as no program', () => {
    assert.equal(decodeCode('a+b/'), undefined, 'base64, not base64url');
    assert.equal(decodeCode('abcde'), undefined, 'a length no base64 has');
    assert.equal(decodeCode(Buffer.from([0xff, 0xfe]).toString('base64url')), undefined, 'not UTF-8');
    assert.equal(codeFromHash('#diagram-1-step-3'), undefined);
    assert.equal(codeFromHash(''), undefined);
  });

  it('carries options after the program, in order, any text exactly', () => {
    const option = fc.tuple(fc.stringMatching(/^[a-z][a-z-]{0,12}$/), fc.string({ unit: 'grapheme', minLength: 1 }));
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.array(option, { maxLength: 4 }), (code, options) => {
        assert.deepEqual(readShareHash(`#${shareHash(code, options)}`), { code, options });
      }),
    );
    assert.equal(
      playgroundHref('/playground/', 'a = 1', [
        ['hide', 'a,b'],
        ['max-steps', '2000'],
      ]),
      `/playground/#code=${Buffer.from('a = 1').toString('base64url')}&hide=a,b&max-steps=2000`,
    );
  });

  it('keeps the program when an option pair is mangled, and the options when the program changes', () => {
    assert.deepEqual(readShareHash(`#code=${encodeCode('x = 1')}&hide=%E0&scalars=heap&junk`), {
      code: 'x = 1',
      options: [['scalars', 'heap']],
    });
    const href = withCode(playgroundHref('/playground/', 'old = 1', [['hide', 'w']]), 'new = 2');
    assert.equal(href, playgroundHref('/playground/', 'new = 2', [['hide', 'w']]));
    assert.equal(withCode('/playground/', 'a = 1'), playgroundHref('/playground/', 'a = 1'));
  });
});
