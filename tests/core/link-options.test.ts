// Playground links carry the options that change a diagram: any such option set on a fence comes
// back from its link exactly; defaults, titles, ids and editable stay out; bad values are refused
// with the fence's hint; names a link does not carry are ignored.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  defaultDiagramOptions,
  linkedOptionNames,
  optionNames,
  optionsFromLink,
  optionsToLink,
  optionTable,
  type DiagramOptions,
} from '../../src/core/index.ts';
import { readShareHash, shareHash } from '../../src/page/share-link.ts';

const identifier = fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,8}$/);
/** Any value each linked option can take. */
const linkedValues = fc.record({
  step: fc.oneof(
    fc.constantFrom('auto' as const, 'first' as const, 'last' as const),
    fc.integer({ min: 1, max: 1_000_000 }),
  ),
  scalars: fc.constantFrom('auto' as const, 'heap' as const, 'inline' as const),
  hide: fc.array(identifier, { maxLength: 3 }),
  exited: fc.constantFrom('show' as const, 'hide' as const),
  raises: fc.option(fc.constantFrom('TypeError', 'json.JSONDecodeError', 'UnboundLocalError'), { nil: null }),
  theme: fc.constantFrom('site' as const, 'light' as const, 'dark' as const, 'sketch' as const),
  shortenAbove: fc.oneof(fc.constant(false as const), fc.integer({ min: 4, max: 1000 })),
  fitWidth: fc.oneof(fc.constant(false as const), fc.integer({ min: 200, max: 5000 })),
  maxSteps: fc.integer({ min: 1, max: 1_000_000 }),
  maxMemory: fc.integer({ min: 16, max: 3072 }),
});

describe('playground link options', () => {
  it('round-trips every linked option through a share link, and leaves defaults out of it', () => {
    fc.assert(
      fc.property(linkedValues, (values) => {
        const options = {
          ...defaultDiagramOptions,
          title: 'A title',
          id: 'some-id',
          editable: false,
          ...values,
        } as DiagramOptions;
        const pairs = optionsToLink(options);
        for (const [fence] of pairs)
          assert.ok(
            linkedOptionNames.some((name) => optionTable[name].fence === fence),
            fence,
          );
        const changed = linkedOptionNames.filter(
          (name) => JSON.stringify(options[name]) !== JSON.stringify(defaultDiagramOptions[name]),
        );
        assert.equal(pairs.length, changed.length, 'one pair per option that differs from its default');
        const shared = readShareHash(`#${shareHash('x = 1', pairs)}`)!;
        assert.deepEqual(shared.options, pairs);
        const read = optionsFromLink(shared.options, defaultDiagramOptions);
        assert.ok(read.ok);
        for (const name of linkedOptionNames) assert.deepEqual(read.options[name], options[name], name);
      }),
    );
  });

  it('carries neither the title, the id nor editable', () => {
    assert.deepEqual(
      linkedOptionNames.filter((name) => ['title', 'id', 'editable'].includes(name)),
      [],
    );
    assert.deepEqual(optionsToLink({ ...defaultDiagramOptions, title: 'T', id: 'x', editable: false }), []);
    assert.ok(linkedOptionNames.every((name) => optionNames.includes(name)));
  });

  it("refuses a bad value with the fence's hint, and ignores names it does not carry", () => {
    const bad = optionsFromLink([['hide', '1x']], defaultDiagramOptions);
    assert.equal(bad.ok, false);
    assert.match(bad.ok ? '' : bad.problems[0]!.message, /bad value for "hide": "1x"/);
    const ignored = optionsFromLink(
      [
        ['title', 'Mine'],
        ['id', 'x'],
        ['colour', 'red'],
        ['scalars', 'heap'],
      ],
      { ...defaultDiagramOptions, title: 'Kept' },
    );
    assert.ok(ignored.ok);
    assert.equal(ignored.options.title, 'Kept');
    assert.equal(ignored.options.id, null);
    assert.equal(ignored.options.scalars, 'heap');
  });
});
