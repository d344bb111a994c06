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

// Runs inside the page. Written as plain JavaScript text because functions passed through tsx
// can carry helper calls the page does not define.
const inspectStep = `(step) => {
  const svg = document.querySelector('svg');
  const inRanges = (ranges, n) => ranges.trim().split(/\\s+/).some((r) => {
    const [a, b] = r.split('-').map(Number);
    return n >= a && n <= (b ?? a);
  });
  // Show exactly what the island shows at this step: it toggles display and nothing else.
  for (const el of svg.querySelectorAll('[data-steps]')) {
    if (inRanges(el.getAttribute('data-steps'), step)) el.removeAttribute('display');
    else el.setAttribute('display', 'none');
  }
  const visible = (el) => {
    for (let e = el; e && e !== svg.parentNode; e = e.parentNode) {
      if (e.getAttribute && e.getAttribute('display') === 'none') return false;
    }
    return true;
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
      const r = shape.getBoundingClientRect();
      if (!best || r.width * r.height > best.width * best.height) best = r;
    }
    return best;
  };
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
    const lines = arrow instanceof SVGGeometryElement ? [arrow] : [...arrow.querySelectorAll('path, line, polyline')];
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
        points.push({ x: q.x, y: q.y });
      }
    }
    arrows.push({ from: arrow.getAttribute('data-arrow-from') ?? '', to: arrow.getAttribute('data-arrow-to'), points });
  }
  return { step, boxes, arrows };
}`;

/** Puts the SVG in the page at 1 px per user unit and reads the geometry of the given steps. */
export async function readGeometry(page: Page, svg: string, steps: number[]): Promise<StepGeometry[]> {
  const inline = svg.replace(/^<\?xml[^>]*>\s*/, '');
  await page.setContent(`<!doctype html><html><body style="margin:0">${inline}</body></html>`);
  const result: StepGeometry[] = [];
  for (const step of steps) result.push(await page.evaluate(`(${inspectStep})(${step})`));
  return result;
}

/** The number of steps an all-steps SVG declares. */
export function stepsTotal(svg: string): number {
  const match = /data-steps-total="(\d+)"/.exec(svg);
  if (!match) throw new Error('the SVG has no data-steps-total: is it an all-steps diagram?');
  return Number(match[1]);
}
