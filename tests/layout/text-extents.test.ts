// Every word of every diagram stays inside its box (and the picture), measured with the face it is
// drawn in: bold headings with Inter SemiBold, values with JetBrains Mono.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { measureText } from '../../src/layout/measure-text.ts';
import { traceToLayout } from '../../src/layout/trace-to-layout.ts';
import type { BoxVersion, FrameBox, Layout, ObjectBox, TextSpan } from '../../src/layout/types.ts';
import { loadTrace, traceNames } from '../fixtures/traces/load.ts';

/** Left and right of a span's ink, in the coordinates the span is given in. */
function extent(span: TextSpan): [number, number] {
  const width = measureText(span.text, span.face, span.size);
  return span.anchor === 'end' ? [span.x - width, span.x] : [span.x, span.x + width];
}

function spansOf(version: BoxVersion): TextSpan[] {
  return [
    ...version.header,
    ...(version.badge ? [version.badge] : []),
    ...version.rows.flatMap((r) => [r.label, r.value].filter((s): s is TextSpan => s !== undefined)),
  ];
}

function overflowing(layout: Layout): string[] {
  const problems: string[] = [];
  const boxes: (FrameBox | ObjectBox)[] = [...layout.frames, ...layout.objects];
  for (const box of boxes) {
    for (const version of box.versions) {
      for (const span of spansOf(version)) {
        const [left, right] = extent(span);
        if (left < 0 || right > box.width)
          problems.push(
            `${box.id}: "${span.text}" spans ${left.toFixed(1)}..${right.toFixed(1)} in a box ${box.width} wide`,
          );
      }
      // The badge ("running", "returning", "unreachable") keeps clear of the words before it.
      if (version.badge) {
        const [badgeLeft] = extent(version.badge);
        for (const span of version.header) {
          const [, right] = extent(span);
          if (right + 10 > badgeLeft)
            problems.push(`${box.id}: "${span.text}" runs into its badge "${version.badge.text}"`);
        }
      }
    }
  }
  const loose = [
    ...layout.marks.flatMap((m) => (m.label ? [m.label] : [])),
    ...layout.legend.map((l) => l.text),
    ...layout.notes,
  ];
  for (const span of loose) {
    const [left, right] = extent(span);
    if (left < 0 || right > layout.width || span.y - span.size < 0 || span.y > layout.height)
      problems.push(
        `"${span.text}" at ${left.toFixed(1)}..${right.toFixed(1)}, y ${span.y} leaves the ` +
          `${layout.width}x${layout.height} picture`,
      );
  }
  return problems;
}

describe('words stay inside their boxes', () => {
  for (const name of traceNames) {
    for (const scalars of ['heap', 'inline'] as const) {
      it(`${name} (scalars ${scalars}): every text inside its box and the picture`, () => {
        assert.deepEqual(overflowing(traceToLayout(loadTrace(name), { scalars })), []);
      });
    }
  }

  it('a long function header shows its whole signature', () => {
    const layout = traceToLayout(loadTrace('r06_channels'));
    const fn = layout.objects.find(
      (o) => o.kind === 'function' && o.versions[0]!.header[0]!.text.startsWith('function describe_room'),
    );
    assert.ok(fn, 'the function box is drawn');
    assert.equal(
      fn.versions[0]!.header[0]!.text,
      'function describe_room(name, width, ' + 'height, has_window=…, floor=…)',
    );
  });
});
