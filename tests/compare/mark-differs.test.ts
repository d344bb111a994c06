// A moment's marks go into a side's SVG as `data-differs` on the `<g>` of each marked object and
// arrow, and on nothing else; the same marks give the same bytes.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { markDiffers } from '../../src/compare/mark-differs.ts';

/** A real diagram: a grid `o4` of three rows `o5`-`o7`, from the golden pictures. */
const grid = readFileSync(join(import.meta.dirname, '../fixtures/golden/s04_grid-last-dark.svg'), 'utf8');

/** The opening tags that carry `data-differs`. */
const markedTags = (svg: string) => svg.match(/<[^>]*\sdata-differs="true"[^>]*>/g) ?? [];

describe('markDiffers', () => {
  it('marks the groups of the listed objects and arrows, and no other element', () => {
    const svg = markDiffers(grid, { objects: ['o5'], arrows: ['o4>o6'] });
    assert.deepEqual(
      markedTags(svg).map((tag) => /data-(object-id|arrow-from)="[^"]*"(?: data-arrow-to="[^"]*")?/.exec(tag)![0]),
      ['data-object-id="o5"', 'data-arrow-from="o4" data-arrow-to="o6"'],
    );
    assert.ok(markedTags(svg).every((tag) => tag.startsWith('<g ')));
  });

  it('changes nothing but the added attributes', () => {
    const svg = markDiffers(grid, { objects: ['o4', 'o7'], arrows: ['f1>o4', 'o4>o5'] });
    assert.equal(markedTags(svg).length, 4);
    assert.equal(svg.replaceAll(' data-differs="true"', ''), grid);
  });

  it('matches ids and arrow ends exactly: not a longer id, not the other arrows of the same object', () => {
    const svg = [
      '<svg>',
      '<g data-object-id="o1"><rect/></g>',
      '<g data-object-id="o12"><rect/></g>',
      '<g data-arrow-from="f1" data-arrow-to="o1"><path/></g>',
      '<g data-arrow-from="f1" data-arrow-to="o12"><path/></g>',
      '<g data-arrow-from="o12" data-arrow-to="o1"><path/></g>',
      '<g class="o1"><text>o1</text></g>',
      '</svg>',
    ].join('');
    const marked = markDiffers(svg, { objects: ['o1'], arrows: ['f1>o1'] });
    assert.deepEqual(markedTags(marked), [
      '<g data-object-id="o1" data-differs="true">',
      '<g data-arrow-from="f1" data-arrow-to="o1" data-differs="true">',
    ]);
  });

  it('returns the picture as it was when nothing is marked, or the marks name nothing in it', () => {
    assert.equal(markDiffers(grid, { objects: [], arrows: [] }), grid);
    assert.equal(markDiffers(grid, { objects: ['o99'], arrows: ['o99>o4'] }), grid);
  });

  it('gives the same bytes for the same marks, whatever their order', () => {
    const once = markDiffers(grid, { objects: ['o5', 'o6'], arrows: ['o4>o5', 'o4>o6'] });
    const again = markDiffers(grid, { objects: ['o6', 'o5'], arrows: ['o4>o6', 'o4>o5'] });
    assert.equal(once, again);
    assert.equal(markedTags(once).length, 4);
  });
});
