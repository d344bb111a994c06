// sharedSimulator(): one interpreter for every caller, and a fresh one after it was closed.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sharedSimulator } from '../../src/simulate/index.ts';

test('callers share one simulator until it is closed; the next caller gets a working one', async () => {
  const first = await sharedSimulator();
  assert.equal(await sharedSimulator(), first, 'a second caller gets the same simulator');
  assert.equal((await first.trace('x = [1]\nprint(x)\n')).stdout, '[1]\n');
  await first.close();
  const second = await sharedSimulator();
  assert.notEqual(second, first, 'after close() a new simulator is made');
  assert.equal((await second.trace('y = 2 + 2\nprint(y)\n')).stdout, '4\n');
  await second.close();
});
