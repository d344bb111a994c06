// The picture part of a page diagram: the stage that holds the SVG, drawn no smaller than readable
// (every text at least 11 CSS px) and scrolling sideways, with a cue, when wider than the column;
// then the legend and notes in HTML, where they wrap with the column instead of widening the picture.
import type { LayoutKey } from '../layout/types.ts';
import { escapeMarkup as escapeHtml } from '../render/escape-markup.ts';
import { legendSampleSvg } from '../render/legend-sample.ts';
import type { ThemeName } from '../render/themes.ts';

/** No text of a diagram on a page is drawn smaller than this, in CSS px. */
export const READABLE_TEXT_PX = 11;

/** The width of the SVG as the layout drew it, in px. */
const naturalWidth = (svg: string): number | undefined => {
  const natural = /<svg\b[^>]*?\swidth="([\d.]+)"/.exec(svg)?.[1];
  return natural ? Number(natural) : undefined;
};

/** The width a diagram is drawn at on phones: its natural width, enlarged until its smallest text is readable. */
export function drawnWidth(svg: string): number | undefined {
  const natural = naturalWidth(svg);
  if (natural === undefined) return undefined;
  const smallest = Math.min(...[...svg.matchAll(/\sfont-size="([\d.]+)"/g)].map((m) => Number(m[1])));
  const scale = Number.isFinite(smallest) ? Math.max(1, READABLE_TEXT_PX / smallest) : 1;
  return Math.ceil(natural * scale);
}

/** The legend entries and notes of the diagram, as a list that wraps. */
export function legendHtml(key: LayoutKey | undefined, theme: ThemeName): string {
  if (!key || (!key.entries.length && !key.notes.length)) return '';
  const entries = key.entries.map(
    (entry) => `<li>${legendSampleSvg(entry.sample, theme)}<span>${escapeHtml(entry.text)}</span></li>`,
  );
  const notes = key.notes.map((note) => `<p class="memlane-legend-note">${escapeHtml(note)}</p>`);
  return (
    `<div class="memlane-legend">` +
    `${entries.length ? `<ul aria-label="Legend">${entries.join('')}</ul>` : ''}${notes.join('')}</div>`
  );
}

/**
 * The stage (focusable: it scrolls on narrow screens), the cue the island shows while it does, and the
 * legend. `svg` is the labelled all-steps picture.
 */
export function viewHtml(svg: string, label: string, key: LayoutKey | undefined, theme: ThemeName): string {
  // Phones draw the readable width; a wider column takes the diagram up to it, and never below its
  // natural width (memlane.css), so a diagram the layout fitted to the column does not scroll there.
  const [width, natural] = [drawnWidth(svg), naturalWidth(svg)];
  const style =
    width && natural ? ` style="--memlane-svg-width:${width}px;--memlane-svg-natural:${Math.ceil(natural)}px"` : '';
  return [
    '<div class="memlane-view">',
    '<div class="memlane-scroller">',
    `<div class="memlane-stage"${style} tabindex="0" role="group" aria-label="${escapeHtml(label)}">${svg}</div>`,
    '<span class="memlane-scroll-hint" aria-hidden="true">scroll →</span>',
    '</div>',
    legendHtml(key, theme),
    '</div>',
  ].join('');
}
