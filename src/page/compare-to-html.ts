// Pure: a comparison (two or three traced sides, aligned moments, what differs) -> one figure with one
// step toolbar and one picture per side, complete without JavaScript at the shown moment; the island
// moves every side to its step of a moment and the `data-differs` marks with it.
import type { Comparison } from '../compare/types.ts';
import type { DiagramOptions } from '../core/index.ts';
import { escapeMarkup as escapeHtml } from '../render/escape-markup.ts';
import { liveBar, liveData, runData, runHtml, toolbarHtml, type LiveSettings } from './diagram-to-html.ts';
import { exercisesToHtml } from './exercises-to-html.ts';
import { momentOf } from '../compare/code-to-compare.ts';

export interface CompareParts {
  comparison: Comparison;
  /** The fence body as written, `# @side` lines included: what the editor and the playground open. */
  written: string;
  options: DiagramOptions;
  /** Page-unique id; permalinks are `#id-step-N` (N a moment). */
  id: string;
  /** Highlighted `<pre>` of each side's shown code, its shown step's lines marked. */
  codeHtml: string[];
  live?: LiveSettings;
}

/** `` `code` `` spans of a generated sentence as <code>, the rest escaped. */
const withCode = (text: string) =>
  text
    .split('`')
    .map((part, i) => (i % 2 ? `<code>${escapeHtml(part)}</code>` : escapeHtml(part)))
    .join('');

/** The narrowest a side can be without scrolling its picture: the widest side's natural width and padding. */
function sideMin(svgs: string[]): number {
  const widths = svgs.map((svg) => Number(/<svg\b[^>]*?\swidth="([\d.]+)"/.exec(svg)?.[1] ?? 320));
  return Math.ceil(Math.max(...widths)) + STAGE_PADDING;
}

/** The stage's padding on both sides, in px (memlane.css: 0.75rem each). */
const STAGE_PADDING = 24;

/** Per moment, per side: the marked objects and arrows (`from>to`), space-separated. */
export function islandMarks(comparison: Comparison): string[][] {
  return comparison.moments.map((moment) => moment.marks.map((m) => [...m.objects, ...m.arrows].join(' ')));
}

export function compareToHtml(parts: CompareParts): string {
  const { comparison, options, id } = parts;
  const { moments, shownMoment, sides } = comparison;
  const labels = sides.map((side) => side.label);
  const title = options.title ?? `Compare ${labels.slice(0, -1).join(', ')} and ${labels.at(-1)}`;
  const shown = moments[shownMoment - 1]!;
  const data = {
    moments: moments.map((moment) => moment.steps),
    marks: islandMarks(comparison),
    sentences: moments.map((moment) => moment.sentence),
  };
  return [
    `<figure class="memlane memlane-compare not-content" id="${id}" data-compare data-pagefind-ignore ` +
      `data-theme-variant="${options.theme}"${liveData(parts, parts.written)}>`,
    options.title ? `<figcaption class="memlane-title">${escapeHtml(options.title)}</figcaption>` : '',
    liveBar(parts, parts.written),
    `<memlane-diagram data-id="${id}" data-total="${moments.length}" data-step="${shownMoment}"`,
    ` data-moments="${escapeHtml(JSON.stringify(data.moments))}"`,
    ` data-marks="${escapeHtml(JSON.stringify(data.marks))}"`,
    ` data-sentences="${escapeHtml(JSON.stringify(data.sentences))}">`,
    toolbarHtml(id, title, shownMoment, moments.length, false),
    `<p class="memlane-differs">${withCode(shown.sentence)}</p>`,
    // Side by side when the column holds each side's picture at its natural width, stacked otherwise.
    `<div class="memlane-sides" style="--memlane-side-min:${sideMin(sides.map((side) => side.diagram.svg))}px">`,
    ...sides.map((side, s) => {
      const { diagram, label } = side;
      return [
        `<section class="memlane-side" data-side="${s}" aria-label="${escapeHtml(label)}"` +
          `${runData(diagram.trace, diagram.snippet)} data-body-lines="` +
          `${JSON.stringify(diagram.snippet.sourceLines.map((line) => line + side.firstLine - 1))}">`,
        `<p class="memlane-side-label">${escapeHtml(label)}</p>`,
        runHtml({ ...diagram, key: diagram.layout.key, codeHtml: parts.codeHtml[s]! }, label),
        '</section>',
      ].join('');
    }),
    '</div>',
    ...sides.map((side, s) =>
      exercisesToHtml(side.diagram.exercises, side.diagram.trace, `${id}-s${s + 1}`, {
        index: s,
        label: side.label,
        moment: (step) => momentOf(moments, s, step),
      }),
    ),
    '<p class="memlane-live sr-only" aria-live="polite"></p>',
    '</memlane-diagram>',
    '</figure>',
  ].join('');
}
