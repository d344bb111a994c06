import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { resolveMemlaneOptions } from '../../src/integration/memlane-options.ts';

describe('memlane() options', () => {
  it('take diagram defaults by option name or fence spelling, checked by the option table', () => {
    const options = resolveMemlaneOptions(
      { defaults: { scalars: 'inline', 'max-steps': 2000, exited: true, hide: ['i'] }, cache: false },
      '/site',
    );
    assert.deepEqual(options, {
      cacheDir: false,
      defaults: { scalars: 'inline', maxSteps: 2000, exited: 'show', hide: ['i'] },
      timeoutMs: 10_000,
      playground: 'playground/',
    });
    assert.equal(resolveMemlaneOptions({ cache: 'tmp/memlane' }, '/site').cacheDir, '/site/tmp/memlane');
  });

  it('refuse a misspelt default with "did you mean", a bad value with its hint, and unknown options', () => {
    assert.throws(
      () => resolveMemlaneOptions({ defaults: { scalar: 'inline' } }, '/site'),
      /memlane\(\) defaults: unknown diagram option "scalar"\nhint: did you mean "scalars"\?/,
    );
    assert.throws(
      () => resolveMemlaneOptions({ defaults: { maxSteps: 0 } }, '/site'),
      /bad value for "max-steps": "0"\nhint: use a whole number of steps from 1 to 1000000/,
    );
    assert.throws(
      () => resolveMemlaneOptions({ timeout: 5 }, '/site'),
      /memlane\(\) options: unknown option "timeout"/,
    );
    assert.throws(() => resolveMemlaneOptions({ timeoutMs: 5 }, '/site'), /memlane\(\) option timeoutMs: /);
    assert.equal(resolveMemlaneOptions({ playground: false }, '/site').playground, false);
    assert.throws(
      () => resolveMemlaneOptions({ playground: '/try' }, '/site'),
      /memlane\(\) option playground: a path under the site, ending in \/, e.g. "playground\/"/,
    );
  });
});
