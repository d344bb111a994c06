// Every corpus snippet, traced in Pyodide's CPython, reports the facts real CPython reported.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { createSimulator, type Simulator } from '../../src/simulate/index.ts';
import { assertValid, factsOf, type CorpusFacts } from './trace-facts.ts';

const corpus = new URL('../fixtures/corpus/', import.meta.url);
const snippets = readdirSync(new URL('snippets/', corpus))
  .filter((name) => name.endsWith('.py'))
  .sort();

describe('fidelity corpus', () => {
  let simulator: Simulator;
  before(async () => {
    simulator = await createSimulator();
  });
  after(() => simulator.close());

  test('the corpus is there', () => {
    assert.ok(snippets.length >= 28, `expected at least 28 snippets, found ${snippets.length}`);
  });

  for (const name of snippets) {
    test(name, async () => {
      const source = readFileSync(new URL(`snippets/${name}`, corpus), 'utf8');
      const expected = JSON.parse(
        readFileSync(new URL(`expected/${name.replace(/\.py$/, '.json')}`, corpus), 'utf8'),
      ) as CorpusFacts;
      const trace = assertValid(await simulator.trace(source, { filename: name }));
      assert.equal(trace.error, null, `${name} should run to its end`);
      assert.equal(trace.python, '3.14.2');
      assert.equal(trace.source, source);
      assert.deepEqual(factsOf(trace), expected);
    });
  }
});
