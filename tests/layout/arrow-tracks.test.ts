// Arrows to different objects never share or crowd a track: parallel runs keep TRACK_SPACING apart,
// so a reader can follow each name to its object. Arrows to one object may merge.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TRACK_SPACING } from '../../src/layout/route/index.ts';
import { rangesOverlap } from '../../src/layout/step-ranges.ts';
import { traceToLayout } from '../../src/layout/trace-to-layout.ts';
import type { Arrow, Layout, Point } from '../../src/layout/types.ts';
import { loadTrace, traceNames } from '../fixtures/traces/load.ts';

/** Runs shorter than a rounded corner (6 px) only touch where two arrows turn. */
const LONGER_THAN_A_CORNER = 6;

const segmentsOf = (arrow: Arrow): [Point, Point][] => arrow.points.slice(1).map((p, i) => [arrow.points[i]!, p]);

function crowded(layout: Layout): string[] {
  const problems: string[] = [];
  const arrows = layout.arrows;
  for (let i = 0; i < arrows.length; i++) {
    for (let j = i + 1; j < arrows.length; j++) {
      const [p, q] = [arrows[i]!, arrows[j]!];
      if (p.to === q.to || !rangesOverlap(p.steps, q.steps)) continue;
      for (const [a, b] of segmentsOf(p)) {
        for (const [c, d] of segmentsOf(q)) {
          const vertical = a.x === b.x && a.y !== b.y;
          if (vertical !== (c.x === d.x && c.y !== d.y)) continue;
          const [gap, lo, hi] = vertical
            ? [
                Math.abs(a.x - c.x),
                Math.max(Math.min(a.y, b.y), Math.min(c.y, d.y)),
                Math.min(Math.max(a.y, b.y), Math.max(c.y, d.y)),
              ]
            : [
                Math.abs(a.y - c.y),
                Math.max(Math.min(a.x, b.x), Math.min(c.x, d.x)),
                Math.min(Math.max(a.x, b.x), Math.max(c.x, d.x)),
              ];
          if (gap < TRACK_SPACING && hi - lo > LONGER_THAN_A_CORNER)
            problems.push(
              `${p.from}[${p.slot}]->${p.to} and ${q.from}[${q.slot}]->${q.to}: ${hi - lo} px ${gap} px apart`,
            );
        }
      }
    }
  }
  return problems;
}

describe('arrow tracks', () => {
  it(
    `keeps the names of a frame and the items of lists on tracks ${TRACK_SPACING} px apart (the reported ` +
      `playlist and room)`,
    () => {
      assert.deepEqual(crowded(traceToLayout(loadTrace('r06_channels'))), []);
    },
  );

  for (const name of traceNames.filter((n) => n.startsWith('c'))) {
    it(`${name}: no two arrows to different objects run closer than ${TRACK_SPACING} px`, () => {
      assert.deepEqual(crowded(traceToLayout(loadTrace(name))), []);
    });
  }

  it('lets arrows to one shared object merge', () => {
    const layout = traceToLayout(loadTrace('r06_channels'));
    const intoShared = layout.arrows.filter(
      (a) => a.to === layout.arrows.find((b) => b.from === 'f1' && b.slot === 1)!.to,
    );
    assert.ok(intoShared.length >= 3, 'songs, mix and both items of shared point at one list');
    const ends = intoShared.map((a) => a.points[a.points.length - 1]!);
    // From the frame they enter the list's left edge, from the list after it its right edge: one point per side.
    assert.equal(new Set(ends.map((p) => JSON.stringify(p))).size, new Set(ends.map((p) => p.x)).size);
    assert.equal(new Set(ends.map((p) => p.y)).size, 1);
  });
});
