// A slide: the code panel beside the diagram (or the diagram alone), fitted to a width,
// as one standalone SVG whose bytes depend only on its inputs.
import type { CodePanel } from './code-to-svg-panel.ts';
import { fontFamilyOf } from '../fonts/faces.ts';
import { measureText } from '../layout/measure-text.ts';
import { escapeXml } from '../render/escape-markup.ts';
import { parseSvgRoot, rootStartTag } from './svg-root.ts';

export interface SlideInput {
  /** A standalone diagram SVG from layoutToSvg. */
  diagram: string;
  /** Drawn to the left of the diagram when present. */
  code?: CodePanel;
  /** Width of the result in px; the height follows the aspect ratio. */
  width?: number;
  /** Painted behind everything (the diagram's own background shows through where it has none). */
  background: string;
  title: string;
  description: string;
  /** A line drawn above everything, e.g. an exercise's question on its question slide. */
  caption?: { text: string; color: string };
}

/** Font size of a slide's caption line, px. */
const CAPTION_SIZE = 18;
const xmlProlog = '<?xml version="1.0" encoding="UTF-8"?>\n';

function formatNumber(n: number): string {
  return String(Math.round(n * 100) / 100);
}

/** The diagram alone, with its width and height set so it fits the requested width. */
export function fitToWidth(svg: string, width: number): string {
  const root = parseSvgRoot(svg);
  const [, , w, h] = root.viewBox;
  const start = rootStartTag(root, {
    width: formatNumber(width),
    height: formatNumber((h * width) / w),
    viewBox: root.viewBox.map(formatNumber).join(' '),
  });
  const prolog = svg.slice(0, svg.indexOf('<svg'));
  return `${prolog}${start}${root.body}</svg>\n`;
}

export function composeSlide(input: SlideInput): string {
  if (!input.code && !input.caption) {
    return input.width ? fitToWidth(input.diagram, input.width) : input.diagram;
  }
  const diagram = parseSvgRoot(input.diagram);
  const [, , diagramWidth, diagramHeight] = diagram.viewBox;
  const code = input.code ?? { width: 0, height: 0, markup: '' };
  const margin = 24;
  const gap = input.code ? 32 : 0;
  const captionHeight = input.caption ? CAPTION_SIZE * 2 : 0;
  const captionWidth = input.caption ? measureText(input.caption.text, 'label', CAPTION_SIZE) : 0;
  const contentHeight = Math.max(code.height, diagramHeight);
  const width = Math.max(margin + code.width + gap + diagramWidth + margin, margin + captionWidth + margin);
  const height = margin + captionHeight + contentHeight + margin;
  const outerWidth = input.width ?? width;
  const outerHeight = (height * outerWidth) / width;

  const nested = rootStartTag(diagram, {
    x: formatNumber(margin + code.width + gap),
    y: formatNumber(margin + captionHeight),
    width: formatNumber(diagramWidth),
    height: formatNumber(diagramHeight),
    viewBox: diagram.viewBox.map(formatNumber).join(' '),
  });
  return [
    xmlProlog +
      `<svg xmlns="http://www.w3.org/2000/svg" class="memlane-slide" width="${formatNumber(outerWidth)}" ` +
      `height="${formatNumber(outerHeight)}" viewBox="0 0 ${formatNumber(width)} ${formatNumber(height)}" ` +
      `role="img" aria-labelledby="memlane-slide-title memlane-slide-desc">`,
    `<title id="memlane-slide-title">${escapeXml(input.title)}</title>`,
    `<desc id="memlane-slide-desc">${escapeXml(input.description)}</desc>`,
    `<rect width="${formatNumber(width)}" height="${formatNumber(height)}" fill="${input.background}"/>`,
    input.caption
      ? `<text x="${margin}" y="${margin + CAPTION_SIZE}" font-family="${fontFamilyOf('label')}" font-size="` +
        `${CAPTION_SIZE}" font-weight="600" fill="${input.caption.color}">${escapeXml(input.caption.text)}</text>`
      : '',
    `<g transform="translate(${margin} ${margin + captionHeight})">`,
    code.markup,
    '</g>',
    `${nested}${diagram.body}</svg>`,
    '</svg>',
    '',
  ].join('\n');
}
