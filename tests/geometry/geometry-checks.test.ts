// The checker itself, on hand-made all-steps SVGs: it must find a crossing and a move when there is one,
// or the corpus test below could pass by seeing nothing.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './chromium.ts';
import { findCrossings, findMoves } from './geometry-checks.ts';
import { readGeometry } from './read-geometry.ts';

const svg = (body: string) =>
  `<svg xmlns="http://www.w3.org/2000/svg" class="memlane-diagram" data-steps-total="2" width="400" ` +
  `height="200" viewBox="0 0 400 200">${body}</svg>`;

const frame = '<g data-frame-id="f1"><rect x="10" y="10" width="80" height="60"/><circle cx="80" cy="40" r="3"/></g>';
const target =
  '<g data-object-id="o1"><rect x="300" y="20" width="60" height="40"/><text x="305" y="45">[1]</text></g>';
const between = '<g data-object-id="o2" data-steps="1-2"><rect x="150" y="20" width="60" height="40"/></g>';

describe('geometry checks', () => {
  let browser: Browser;
  let page: Page;
  before(async () => {
    browser = await launchChromium();
    page = await browser.newPage();
  });
  after(async () => browser?.close());

  it('finds an arrow that passes through a box it does not point at', async () => {
    const straight = '<path data-arrow-from="f1" data-arrow-to="o1" d="M80 40 H300" fill="none" stroke="black"/>';
    const geometry = await readGeometry(page, svg(frame + target + between + straight), [1, 2]);
    assert.equal(geometry[0]!.boxes.length, 3);
    assert.ok(geometry[0]!.arrows[0]!.points.length > 50);
    assert.deepEqual(findCrossings(geometry), [
      { step: 1, from: 'f1', to: 'o1', through: 'o2' },
      { step: 2, from: 'f1', to: 'o1', through: 'o2' },
    ]);
  });

  it('passes an arrow routed around the other box, and one whose blocker is hidden at that step', async () => {
    const around =
      '<path data-arrow-from="f1" data-arrow-to="o1" d="M80 40 H120 V100 H250 V40 H300" fill="none" stroke="black"/>';
    assert.deepEqual(findCrossings(await readGeometry(page, svg(frame + target + between + around), [1, 2])), []);
    const hiddenAtTwo = between.replace('data-steps="1-2"', 'data-steps="1"');
    const straight =
      '<path data-arrow-from="f1" data-arrow-to="o1" data-steps="2" d="M80 40 H300" fill="none" stroke="black"/>';
    assert.deepEqual(findCrossings(await readGeometry(page, svg(frame + target + hiddenAtTwo + straight), [1, 2])), []);
  });

  it('finds an object drawn at another place at a later step, and ignores one that only grows', async () => {
    const moving =
      '<g data-object-id="o3"><rect data-steps="1" x="150" y="120" width="60" height="30"/><rect ' +
      'data-steps="2" x="170" y="120" width="60" height="30"/></g>';
    const moves = findMoves(await readGeometry(page, svg(frame + moving), [1, 2]));
    assert.equal(moves.length, 1);
    assert.equal(moves[0]!.id, 'o3');
    assert.deepEqual([moves[0]!.from.x, moves[0]!.to.x], [150, 170]);
    const growing =
      '<g data-object-id="o3"><rect data-steps="1" x="150" y="120" width="60" height="30"/><rect ' +
      'data-steps="2" x="150" y="120" width="60" height="60"/></g>';
    assert.deepEqual(findMoves(await readGeometry(page, svg(frame + growing), [1, 2])), []);
  });

  it('ignores change marks when finding a box outline', async () => {
    const marked =
      '<g data-object-id="o3"><rect x="150" y="120" width="60" height="30"/><rect data-change="new" ' +
      'data-steps="2" x="100" y="100" width="200" height="80"/></g>';
    assert.deepEqual(findMoves(await readGeometry(page, svg(frame + marked), [1, 2])), []);
  });
});
