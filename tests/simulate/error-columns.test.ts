// Where in its line Python points at an error, in the trace's optional `column`/`endColumn`: a syntax
// error's offsets and an exception's instruction, in characters (not UTF-8 bytes), none for a limit.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createSimulator, type Simulator } from '../../src/simulate/index.ts';
import type { TraceError } from '../../src/trace/types.ts';
import { assertValid } from './trace-facts.ts';

describe('error columns', () => {
  let simulator: Simulator;
  before(async () => {
    simulator = await createSimulator();
  });
  after(() => simulator.close());
  const errorOf = async (source: string): Promise<TraceError> => assertValid(await simulator.trace(source)).error!;
  const place = ({ line, column, endColumn }: TraceError) => ({ line, column, endColumn });

  test('a syntax error: the offsets CPython gives, one column when it gives no end', async () => {
    assert.deepEqual(place(await errorOf('def greet(name)\n    return name\n')), {
      line: 1,
      column: 16,
      endColumn: 17,
    });
    assert.deepEqual(place(await errorOf('items = [1, 2\nprint(items)\n')), {
      line: 1,
      column: 9,
      endColumn: undefined,
    });
  });

  test(
    "an exception: the span of the instruction it left the snippet's code at, in the innermost snippet " + 'frame',
    async () => {
      assert.deepEqual(place(await errorOf('count = 3\ntotal = count + cuont\n')), {
        line: 2,
        column: 17,
        endColumn: 22,
      });
      assert.deepEqual(place(await errorOf('def push(a):\n    return a.push(1)\npush([1])\n')), {
        line: 2,
        column: 12,
        endColumn: 18,
      });
    },
  );

  test('columns count characters, not the UTF-8 bytes co_positions gives', async () => {
    assert.deepEqual(place(await errorOf('s = "héllo 🐍"; n = s + 1\n')), { line: 1, column: 20, endColumn: 25 });
  });

  test('a span that goes on to the next line ends at the end of its first', async () => {
    assert.deepEqual(place(await errorOf('x = (1 +\n     None)\n')), { line: 1, column: 6, endColumn: 9 });
  });

  test('a limit stops a whole line: no columns', async () => {
    const error = await errorOf('n = 0\nwhile True:\n    n += 1\n');
    assert.equal(error.type, 'StepLimitError');
    assert.deepEqual([error.column, error.endColumn], [undefined, undefined]);
  });
});
