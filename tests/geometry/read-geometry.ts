// Reads the drawn geometry of a diagram in Chromium, step by step: the outline of every frame and
// object box and points sampled along every arrow, all in page pixels.
import type { Page } from 'playwright-core';

export interface Box {
  id: string;
  kind: 'frame' | 'object';
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface ArrowPath {
  from: string;
  to: string;
  points: { x: number; y: number }[];
}

export interface StepGeometry {
  step: number;
  boxes: Box[];
  arrows: ArrowPath[];
}

// Runs inside the page, once for all the steps asked for. Written as plain JavaScript text because
// functions passed through tsx can carry helper calls the page does not define. An SVG shape's
// geometry comes from its own attributes and its ancestors' transforms, never from which other
// elements are displayed: each shape's rectangle and each arrow's samples are read the first time it
// is visible and reused at later steps, and each arrow's samples cross to Node once (by index).
const inspectSteps = `(steps) => {
  const svg = document.querySelector('svg');
  const inRanges = (ranges, n) => ranges.trim().split(/\\s+/).some((r) => {
    const [a, b] = r.split('-').map(Number);
    return n >= a && n <= (b ?? a);
  });
  const visible = (el) => {
    for (let e = el; e && e !== svg.parentNode; e = e.parentNode) {
      if (e.getAttribute && e.getAttribute('display') === 'none') return false;
    }
    return true;
  };
  const rects = new Map();
  const rectOf = (shape) => {
    if (!rects.has(shape)) rects.set(shape, shape.getBoundingClientRect());
    return rects.get(shape);
  };
  // A box's outline is its largest visible rect or path that is not a change mark, badge of
  // another box or arrow: the shape the layout placed.
  const outline = (group) => {
    let best = null;
    for (const shape of group.querySelectorAll('rect, path, polygon')) {
      if (!visible(shape)) continue;
      if (shape.closest('[data-change]') || shape.closest('[data-arrow-to]')) continue;
      const owner = shape.parentNode.closest('[data-object-id], [data-frame-id]');
      if (owner !== group) continue;
      const r = rectOf(shape);
      if (!best || r.width * r.height > best.width * best.height) best = r;
    }
    return best;
  };
  // Samples by arrow element and the display of its lines (the same lines shown give the same samples).
  const samples = [];
  const sampleIndex = new Map();
  const sampled = (arrow) => {
    const lines = arrow instanceof SVGGeometryElement ? [arrow] : [...arrow.querySelectorAll('path, line, polyline')];
    const key = lines.map((line) => (visible(line) ? 1 : 0)).join('');
    let byKey = sampleIndex.get(arrow);
    if (!byKey) sampleIndex.set(arrow, (byKey = new Map()));
    if (byKey.has(key)) return byKey.get(key);
    const points = [];
    for (const line of lines) {
      if (!(line instanceof SVGGeometryElement)) continue;
      const length = line.getTotalLength();
      const matrix = line.getScreenCTM();
      // Arrowheads are short shapes at the target; the shaft is what can cross a box.
      if (lines.length > 1 && length < 16) continue;
      const count = Math.max(2, Math.ceil(length / 2));
      for (let i = 0; i <= count; i++) {
        const p = line.getPointAtLength((length * i) / count);
        const q = new DOMPoint(p.x, p.y).matrixTransform(matrix);
        points.push(q.x, q.y);
      }
    }
    samples.push(points);
    byKey.set(key, samples.length - 1);
    return samples.length - 1;
  };
  const stepped = [...svg.querySelectorAll('[data-steps]')];
  const result = [];
  for (const step of steps) {
    // Show exactly what the island shows at this step: it toggles display and nothing else.
    for (const el of stepped) {
      if (inRanges(el.getAttribute('data-steps'), step)) el.removeAttribute('display');
      else el.setAttribute('display', 'none');
    }
    const boxes = [];
    for (const group of svg.querySelectorAll('[data-object-id], [data-frame-id]')) {
      if (!visible(group)) continue;
      const r = outline(group);
      if (!r || r.width === 0 || r.height === 0) continue;
      const isFrame = group.hasAttribute('data-frame-id');
      boxes.push({
        id: isFrame ? group.getAttribute('data-frame-id') : group.getAttribute('data-object-id'),
        kind: isFrame ? 'frame' : 'object',
        x: r.x, y: r.y, width: r.width, height: r.height,
      });
    }
    const arrows = [];
    for (const arrow of svg.querySelectorAll('[data-arrow-to]')) {
      if (!visible(arrow)) continue;
      arrows.push({ from: arrow.getAttribute('data-arrow-from') ?? '', to: arrow.getAttribute('data-arrow-to'),
        samples: sampled(arrow) });
    }
    result.push({ step, boxes, arrows });
  }
  return { steps: result, samples };
}`;

interface InspectedSteps {
  steps: { step: number; boxes: Box[]; arrows: { from: string; to: string; samples: number }[] }[];
  /** Each arrow's sampled points, as x, y pairs in one flat list. */
  samples: number[][];
}

/** Puts the SVG in the page at 1 px per user unit and reads the geometry of the given steps. */
export async function readGeometry(page: Page, svg: string, steps: number[]): Promise<StepGeometry[]> {
  const inline = svg.replace(/^<\?xml[^>]*>\s*/, '');
  await page.setContent(`<!doctype html><html><body style="margin:0">${inline}</body></html>`);
  const inspected = (await page.evaluate(`(${inspectSteps})(${JSON.stringify(steps)})`)) as InspectedSteps;
  const points = inspected.samples.map((flat) =>
    Array.from({ length: flat.length / 2 }, (_, i) => ({ x: flat[2 * i]!, y: flat[2 * i + 1]! })),
  );
  return inspected.steps.map(({ step, boxes, arrows }) => ({
    step,
    boxes,
    arrows: arrows.map(({ from, to, samples }) => ({ from, to, points: points[samples]! })),
  }));
}

/** The number of steps an all-steps SVG declares. */
export function stepsTotal(svg: string): number {
  const match = /data-steps-total="(\d+)"/.exec(svg);
  if (!match) throw new Error('the SVG has no data-steps-total: is it an all-steps diagram?');
  return Number(match[1]);
}
