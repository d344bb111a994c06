// Writes a moment's marks into a side's SVG: `data-differs` on the groups of the objects and arrows
// whose sharing differs (the page's island moves them as it steps; files keep them).
import type { SideMarks } from './types.ts';

/** `svg` with `data-differs` on every `<g>` of a marked object or arrow. Byte-stable. */
export function markDiffers(svg: string, marks: SideMarks): string {
  if (!marks.objects.length && !marks.arrows.length) return svg;
  const objects = new Set(marks.objects);
  const arrows = new Set(marks.arrows);
  return svg.replace(/<g\b([^>]*)>/g, (whole, attrs: string) => {
    const object = /\sdata-object-id="([^"]*)"/.exec(attrs)?.[1];
    const from = /\sdata-arrow-from="([^"]*)"/.exec(attrs)?.[1];
    const to = /\sdata-arrow-to="([^"]*)"/.exec(attrs)?.[1];
    const hit = (object !== undefined && objects.has(object)) || (from !== undefined && arrows.has(`${from}>${to}`));
    return hit ? `<g${attrs} data-differs="true">` : whole;
  });
}
