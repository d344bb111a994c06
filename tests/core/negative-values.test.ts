// A flag's negative number is its value: joined to the flag before node:util parseArgs reads the line.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { joinNegativeValues } from '../../src/core/options/negative-values.ts';

const options = { 'fit-width': { type: 'string' }, 'with-code': { type: 'boolean' } } as const;

describe('joinNegativeValues', () => {
  it('joins a negative number to the string option before it', () => {
    assert.deepEqual(joinNegativeValues(['a.py', '--fit-width', '-5'], options), ['a.py', '--fit-width=-5']);
    assert.deepEqual(joinNegativeValues(['--fit-width', '-0.5', 'a.py'], options), ['--fit-width=-0.5', 'a.py']);
  });

  it('leaves flags, boolean options, unknown options and written values alone', () => {
    for (const args of [
      ['--fit-width', '--with-code'],
      ['--with-code', '-5'],
      ['--colour', '-5'],
      ['--fit-width=-5'],
      ['--fit-width', '650'],
    ])
      assert.deepEqual(joinNegativeValues(args, options), args);
  });
});
