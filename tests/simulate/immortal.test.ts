// `immortal` in the trace agrees with CPython: each value's immortality is asked of the same
// interpreter (sys._is_immortal), not written down; the diagram marks exactly those objects.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { traceToLayout } from '../../src/layout/trace-to-layout.ts';
import { layoutToSvg } from '../../src/render/layout-to-svg.ts';
import { createSimulator, type Simulator } from '../../src/simulate/index.ts';
import { assertValid, valueOf } from './trace-facts.ts';
import { BOXES } from '../render/render-helpers.ts';

const names = {
  small: '7',
  negative: '-5',
  none: 'None',
  flag: 'True',
  letter: '"x"',
  big: '1000',
  word: '"hello"',
  made: '"ab" * 3',
  huge: '10 ** 20',
  real: '1.5',
};
const source = `${Object.entries(names)
  .map(([n, v]) => `${n} = ${v}`)
  .join('\n')}\nend = 0\n`;

describe('immortal: the objects CPython never frees', () => {
  let simulator: Simulator;
  before(async () => {
    simulator = await createSimulator();
  });
  after(() => simulator.close());

  test('the trace says immortal exactly where sys._is_immortal does, and the diagram badges those', async () => {
    const asked = assertValid(
      await simulator.trace(
        `${source}import sys, json\nprint(json.dumps({n: sys._is_immortal(v) for n, v in ` +
          `list(globals().items()) if n in ${JSON.stringify(Object.keys(names))}}))\n`,
      ),
    );
    const facts = JSON.parse(asked.stdout) as Record<string, boolean>;
    assert.equal(
      facts['small'] && facts['none'] && facts['flag'] && !facts['big'] && !facts['huge'],
      true,
      JSON.stringify(facts),
    );
    const trace = assertValid(await simulator.trace(source));
    const layout = traceToLayout(trace, BOXES);
    const svg = layoutToSvg(layout, { step: layout.stepsTotal, theme: 'light' });
    for (const name of Object.keys(names)) {
      const { id, object } = valueOf(trace, name);
      assert.equal(
        object.immortal === true,
        facts[name],
        `${name} = ${names[name as keyof typeof names]}: trace says ${object.immortal}, CPython ${facts[name]}`,
      );
      const group = svg.match(new RegExp(`<g data-object-id="${id}"[^>]*>`))![0];
      assert.equal(group.includes('data-immortal="true"'), facts[name], `${name}: ${group}`);
    }
    assert.ok(
      layout.legend.some((l) => l.sample === 'immortal'),
      'the legend explains the badge',
    );
  });

  test('a diagram without immortal objects has no badge and no legend entry for it', async () => {
    const trace = assertValid(await simulator.trace('items = [1000, "hello"]\n'));
    const layout = traceToLayout(trace, BOXES);
    assert.equal(
      layout.legend.some((l) => l.sample === 'immortal'),
      false,
    );
    assert.equal(layoutToSvg(layout, { step: layout.stepsTotal, theme: 'light' }).includes('ml-immortal'), false);
  });
});
