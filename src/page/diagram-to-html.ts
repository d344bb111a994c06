// Pure: a traced snippet, its all-steps SVG and highlighted code -> the diagram's HTML.
// The HTML is complete without JavaScript (the chosen step, its code line, the output so far);
// the island (<memlane-diagram>) only toggles what is already there, so nothing moves.
import { exercisesToHtml } from './exercises-to-html.ts';
import type { Exercise } from '../exercises/types.ts';
import type { Trace } from '../trace/types.ts';
import { escapeMarkup as escapeHtml } from '../render/escape-markup.ts';
import { optionsToLink } from '../core/options/link-options.ts';
import type { LayoutKey } from '../layout/types.ts';
import { playgroundHref } from './share-link.ts';
import { viewHtml } from './diagram-view.ts';
import type { DiagramOptions, Snippet } from '../core/index.ts';

export interface DiagramParts {
  trace: Trace;
  snippet: Snippet;
  options: DiagramOptions;
  /** Page-unique id; permalinks are `#id-step-N`. */
  id: string;
  /** 1-based step shown without JavaScript. */
  shownStep: number;
  /** `<svg class="memlane-diagram" ...>` with every step (data-steps), from the renderer. */
  svg: string;
  /** Highlighted `<pre>` of the shown code with the shown step's lines marked. */
  codeHtml: string;
  /** `# @predict` questions checked against the trace. */
  exercises?: Exercise[];
  /** The legend and notes the picture leaves to the page (layout.key). */
  key?: LayoutKey;
  /** Where the page finds live editing; without it the diagram has neither "Edit code" nor a playground link. */
  live?: LiveSettings;
}

/** What a page's diagrams need for live editing, the same for every diagram of a site. */
export interface LiveSettings {
  /** URL of the interpreter's files (the site's `_memlane/live/`). */
  liveUrl: string;
  /** Path of the playground page, or null when the site has none. */
  playground: string | null;
  /** The time limit of one run, as at build time. */
  timeoutMs: number;
}

const icons = {
  first: '<path d="M4 3v10M13 3 7 8l6 5z"/>',
  previous: '<path d="M11 3 5 8l6 5z"/>',
  next: '<path d="m5 3 6 5-6 5z"/>',
  last: '<path d="M12 3v10M3 3l6 5-6 5z"/>',
  link:
    '<path d="M6.5 9.5 9.5 6.5M7 4.5l1-1a2.5 2.5 0 0 1 3.5 3.5l-1 1M9 11.5l-1 1A2.5 2.5 0 0 1 4.5 ' +
    '9l1-1" fill="none" stroke="currentColor" stroke-width="1.5" stroke-linecap="round"/>',
  edit:
    '<path d="M10.5 2.5l3 3L6 13H3v-3z" fill="none" stroke="currentColor" stroke-width="1.5" ' +
    'stroke-linejoin="round"/>',
  playground:
    '<path d="M9 2.5h4.5V7M13.5 2.5 7 9M11.5 9.5v3.5h-9v-9H6" fill="none" stroke="currentColor" ' +
    'stroke-width="1.5" stroke-linecap="round" stroke-linejoin="round"/>',
  play: '<path d="M4.5 2.5v11l9-5.5z"/>',
  pause: '<path d="M4 2.5h3v11H4zM9 2.5h3v11H9z"/>',
  download:
    '<path d="M8 2.5v7M5 7l3 3 3-3M3 12.5h10" fill="none" stroke="currentColor" stroke-width="1.5" ' +
    'stroke-linecap="round" stroke-linejoin="round"/>',
};

export function icon(name: keyof typeof icons): string {
  return (
    `<svg viewBox="0 0 16 16" width="16" height="16" fill="currentColor" aria-hidden="true" ` +
    `focusable="false">${icons[name]}</svg>`
  );
}

export function button(action: string, label: string, iconName: keyof typeof icons, text = ''): string {
  return (
    `<button type="button" class="memlane-button" data-action="${action}" aria-label="${label}" ` +
    `disabled>${icon(iconName)}${text}</button>`
  );
}

/** What the island needs per step: [line, next line (0 at the end), length of stdout so far in UTF-16 units]. */
export function islandSteps(trace: Trace): [number, number, number][] {
  const offsets = utf16Offsets(trace.stdout);
  return trace.steps.map((step, i) => [
    step.line,
    trace.steps[i + 1]?.line ?? 0,
    offsets[step.stdout] ?? trace.stdout.length,
  ]);
}

/** Python counts stdout in code points, JavaScript strings in UTF-16 units: offsets[n] is where code point n starts. */
export function utf16Offsets(text: string): number[] {
  const offsets = [0];
  let at = 0;
  for (const codePoint of text) offsets.push((at += codePoint.length));
  return offsets;
}

/** The root <svg> as an image for assistive tech, named by its own <title>/<desc>. */
export function labelSvg(svg: string): string {
  return svg.replace(/<svg\b([^>]*)>/, (whole, attrs: string) => {
    if (/\srole=/.test(attrs)) return whole;
    const labelIds = [...svg.matchAll(/<(title|desc)\b[^>]*\sid="([^"]+)"/g)].slice(0, 2).map((m) => m[2]);
    const label = labelIds.length ? ` aria-labelledby="${labelIds.join(' ')}"` : '';
    return `<svg${attrs} role="img"${label}>`;
  });
}

/**
 * "Edit code" (revealed by the island; the editor opens under it, in place of the code) and "Open in playground", with
 * the options the fence draws with.
 */
export function liveBar(parts: Pick<DiagramParts, 'live' | 'options'>, code: string): string {
  const { live, options } = parts;
  if (!live || (!options.editable && !live.playground)) return '';
  return [
    '<div class="memlane-live-bar">',
    options.editable
      ? `<button type="button" class="memlane-button memlane-text-button" data-live-action="edit" ` +
        `aria-expanded="false" disabled hidden>${icon('edit')}Edit code</button>`
      : '',
    live.playground
      ? `<a class="memlane-button memlane-text-button" href="` +
        `${escapeHtml(playgroundHref(live.playground, code, optionsToLink(options)))}">` +
        `${icon('playground')}Open in playground</a>`
      : '',
    '</div>',
  ].join('');
}

/** The figure's live-editing data: the shown code, its options and the limits, for the editor. */
export function liveData(parts: Pick<DiagramParts, 'live' | 'options'>, code: string): string {
  const { live, options } = parts;
  if (!live || !options.editable) return '';
  const data = { code, options, liveUrl: live.liveUrl, timeoutMs: live.timeoutMs };
  return ` data-live="${escapeHtml(JSON.stringify(data))}"`;
}

/** The step toolbar: first, previous, next, last, the slider, "Step N of M", the permalink (and a download). */
export function toolbarHtml(id: string, title: string, shownStep: number, total: number, download: boolean): string {
  const position = `Step ${shownStep} of ${total}`;
  return [
    `<div class="memlane-toolbar" role="toolbar" aria-label="${escapeHtml(`Steps of ${title}`)}">`,
    button('first', 'First step', 'first'),
    button('previous', 'Previous step', 'previous'),
    button('next', 'Next step', 'next'),
    button('last', 'Last step', 'last'),
    `<input class="memlane-slider" type="range" min="1" max="${total}" step="1" value="${shownStep}" ` +
      `aria-label="Step" aria-valuetext="${position}" disabled>`,
    `<span class="memlane-position">${position}</span>`,
    // Play steps on its own at the chosen pace (the island swaps the icon and reads "Pause" while playing).
    `<button type="button" class="memlane-button memlane-text-button memlane-play" data-action="play" disabled>` +
      `${icon('play')}<span class="memlane-play-text">Play</span></button>`,
    `<select class="memlane-pace" aria-label="Pace" disabled>` +
      `<option value="2200">Slow</option><option value="1300" selected>Normal</option>` +
      `<option value="700">Fast</option></select>`,
    `<a class="memlane-button memlane-permalink" href="#${id}-step-${shownStep}" aria-label="Link to this ` +
      `step">${icon('link')}</a>`,
    download ? button('download', 'Download SVG of this step', 'download') : '',
    '</div>',
  ].join('');
}

/** What the island reads to step one run: its steps, notes and output. */
export function runData(trace: Trace, snippet: Snippet): string {
  return (
    ` data-trace-steps="${escapeHtml(JSON.stringify(islandSteps(trace)))}"` +
    ` data-notes="${escapeHtml(JSON.stringify(Object.fromEntries(snippet.notes)))}"` +
    ` data-stdout="${escapeHtml(trace.stdout)}"`
  );
}

/** The code and the picture of one run, its note at the shown step and its output so far. */
export function runHtml(
  parts: Pick<DiagramParts, 'trace' | 'snippet' | 'svg' | 'codeHtml' | 'key' | 'options' | 'shownStep'>,
  title: string,
): string {
  const { trace, snippet, options, shownStep, svg, codeHtml } = parts;
  const shown = trace.steps[shownStep - 1]!;
  const shownOutput = trace.stdout.slice(0, utf16Offsets(trace.stdout)[shown.stdout] ?? trace.stdout.length);
  const narration = snippet.notes.get(shown.line) ?? '';
  // Hidden copies of the longest texts reserve their space, so stepping never shifts the page.
  const noteSizers = [...new Set(snippet.notes.values())]
    .map((note) => `<span class="memlane-sizer" aria-hidden="true">${escapeHtml(note)}</span>`)
    .join('');
  return [
    '<div class="memlane-panes">',
    // Both panes scroll sideways on narrow screens, so both take focus (keyboard users scroll them too).
    `<div class="memlane-code" tabindex="0" role="region" aria-label="${escapeHtml(`Code of ${title}`)}">` +
      `${codeHtml}</div>`,
    viewHtml(labelSvg(svg), `${title}: use the arrow keys, Home and End to step`, parts.key, options.theme),
    '</div>',
    snippet.notes.size
      ? `<p class="memlane-note memlane-stack"><span class="memlane-note-text">${escapeHtml(narration)}` +
        `</span>${noteSizers}</p>`
      : '',
    trace.stdout.length > 0
      ? `<div class="memlane-output"><div class="memlane-output-label">Output</div><pre ` +
        `class="memlane-stack"><span class="memlane-output-text">${escapeHtml(shownOutput)}</span><span ` +
        `class="memlane-sizer" aria-hidden="true">${escapeHtml(trace.stdout)}</span></pre></div>`
      : '',
  ].join('');
}

export function diagramToHtml(parts: DiagramParts): string {
  const { trace, snippet, options, id, shownStep } = parts;
  const total = trace.steps.length;
  const title = options.title ?? 'Memory diagram';
  return [
    `<figure class="memlane not-content" id="${id}" data-pagefind-ignore data-theme-variant="` +
      `${options.theme}"${liveData(parts, snippet.code)}>`,
    options.title ? `<figcaption class="memlane-title">${escapeHtml(options.title)}</figcaption>` : '',
    liveBar(parts, snippet.code),
    `<memlane-diagram data-id="${id}" data-total="${total}" data-step="${shownStep}"${runData(trace, snippet)}>`,
    toolbarHtml(id, title, shownStep, total, true),
    runHtml(parts, title),
    exercisesToHtml(parts.exercises ?? [], trace, id),
    '<p class="memlane-live sr-only" aria-live="polite"></p>',
    '</memlane-diagram>',
    '</figure>',
  ].join('');
}
