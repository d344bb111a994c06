// Back-references (a doubly linked list's prev, a tree's parent, a graph's closing edge) leave the forward structure
// readable: over every step, in every scalar mode, at the default and the phone fit width, a back-reference never
// crosses the forward chain it closes (the arrows on a forward path from its target back to its source).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { backReferenceChains, backReferenceCrossings } from '../fixtures/back-reference-chains.ts';
import { layoutOnce } from '../fixtures/layout-once.ts';
import { structureNames } from '../fixtures/structures/load.ts';

/** The column a 390 px phone leaves a diagram (as the structures benchmark measures it). */
const PHONE_FIT_WIDTH = 358;

/** Recorded traces with back-references: every structure snippet that has one, and the corpus's reference cycle. */
const withBackLinks = [
  ...structureNames
    .map((name) => `structures/${name}`)
    .filter((name) =>
      (['auto', 'heap', 'inline'] as const).some(
        (scalars) => backReferenceChains(layoutOnce(name, { scalars, fitWidth: false })).length > 0,
      ),
    ),
  'c08_cycle',
];

describe('back-references', () => {
  it('are found in the doubly linked list, the parent tree, the cyclic graph and the reference cycle', () => {
    for (const name of ['structures/s08_doubly', 'structures/s11_parent_tree', 'structures/s17_cyclic_graph'])
      assert.ok(withBackLinks.includes(name), name);
    assert.ok(backReferenceChains(layoutOnce('c08_cycle')).length > 0);
  });

  for (const name of withBackLinks)
    for (const scalars of ['auto', 'heap', 'inline'] as const)
      for (const fitWidth of [undefined, PHONE_FIT_WIDTH])
        it(`${name} (${scalars}, ${fitWidth ? `fit ${fitWidth}` : 'default fit'}): never cross their own chain`, () => {
          const layout = layoutOnce(name, { scalars, ...(fitWidth ? { fitWidth } : {}) });
          assert.deepEqual(backReferenceCrossings(layout), [], `${name}: a back-reference crosses its forward chain`);
        });
});
