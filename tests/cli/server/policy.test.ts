// When the render server is used: the command lines it answers, MEMLANE_SERVER and CI, and a request's limit.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  envSeconds,
  requestLimitMs,
  servable,
  serverWanted,
  startsServerAfter,
} from '../../../src/cli/server/policy.ts';

describe('render server policy', () => {
  it('answers render and trace, not --watch, help or other commands', () => {
    assert.ok(servable(['render', 'a.py', '-o', 'a.svg']));
    assert.ok(servable(['trace', '-']));
    for (const argv of [
      ['render', 'a.py', '--watch'],
      ['render', '--help'],
      ['trace', 'a.py', '-h'],
      ['init', 'x'],
      ['server', 'status'],
      [],
    ]) {
      assert.equal(servable(argv), false, argv.join(' '));
    }
  });

  it('is wanted unless MEMLANE_SERVER=0, and under CI only with MEMLANE_SERVER=1', () => {
    assert.equal(serverWanted({}), true);
    assert.equal(serverWanted({ MEMLANE_SERVER: '0' }), false);
    assert.equal(serverWanted({ CI: 'true' }), false);
    assert.equal(serverWanted({ CI: 'false' }), true);
    assert.equal(serverWanted({ CI: 'true', MEMLANE_SERVER: '1' }), true);
    assert.equal(serverWanted({ CI: 'true', MEMLANE_SERVER: '0' }), false);
  });

  it('starts a server after any run but a bad command line', () => {
    assert.deepEqual([0, 1, 2].map(startsServerAfter), [true, true, false]);
  });

  it("gives a request its programs' time limits and the slack; reads only positive seconds", () => {
    assert.equal(requestLimitMs(['trace', 'a.py', 'b.py', '--timeout', '500'], {}), 2 * 2_500 + 60_000);
    assert.equal(requestLimitMs(['render', '-', '--timeout=100'], { MEMLANE_SERVER_SLACK: '1' }), 2_100 + 1_000);
    assert.equal(
      requestLimitMs(['render', 'a.py', '--timeout', 'soon'], { MEMLANE_SERVER_SLACK: '-3' }),
      12_000 + 60_000,
    );
    assert.deepEqual(
      ['2', '0.5', '0', '-1', 'x', undefined].map((value) => envSeconds(value, 9)),
      [2, 0.5, 9, 9, 9, 9],
    );
  });
});
