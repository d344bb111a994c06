// A comparison's slide: two or three sides in columns, each its label, optionally its code panel, then
// its diagram; under them the sentence saying what differs. One standalone SVG, bytes from its inputs.
import type { CodePanel } from './code-to-svg-panel.ts';
import { fontFamilyOf } from '../fonts/faces.ts';
import { measureText } from '../layout/measure-text.ts';
import { escapeXml } from '../render/escape-markup.ts';
import { sentenceToSvg } from './sentence-to-svg.ts';
import { parseSvgRoot, rootStartTag } from './svg-root.ts';

export interface PairSide {
  /** Drawn above the side: its file's name or its `# @side` label. */
  label: string;
  /** A standalone diagram SVG of the side's step, its differing groups carrying `data-differs`. */
  diagram: string;
  /** Drawn above the diagram when present. */
  code?: CodePanel;
}

export interface PairInput {
  sides: PairSide[];
  /** What differs at this moment, `code` in backticks; '' when nothing does. */
  sentence: string;
  /** Width of the result in px; the height follows the aspect ratio. */
  width?: number;
  background: string;
  colors: { text: string; muted: string; rule: string; differs: string };
  /** CSS that draws the `data-differs` marks (differsCss). */
  differsStyle: string;
  title: string;
  description: string;
}

const MARGIN = 24;
const COLUMN_GAP = 48;
const LABEL_SIZE = 18;
const LABEL_ROW = LABEL_SIZE * 2;
const CODE_GAP = 16;
const SENTENCE_SIZE = 16;
const SENTENCE_GAP = 20;
/** The sample of the mark before the sentence, so a reader links the words to the dashed outlines. */
const KEY_WIDTH = 28;
const KEY_GAP = 10;
/** The words the page shows (components/memlane.css) when nothing differs. */
export const NOTHING_DIFFERS = 'Nothing differs in what the names share.';
/** A sentence wraps to the pictures' width, but never narrower than this. */
const MIN_SENTENCE_WIDTH = 480;

const formatNumber = (n: number) => String(Math.round(n * 100) / 100);

/**
 * Pre: 2 or 3 sides, each diagram a standalone SVG with a viewBox.
 * Post: the columns left to right in the sides' order, each as wide as its widest part, a rule
 * between columns; the sentence (or NOTHING_DIFFERS, muted) below all of them; one <svg> per side,
 * nested, keeping its own title (the side's label) and style.
 */
export function composePair(input: PairInput): string {
  const columns = input.sides.map((side) => {
    const root = parseSvgRoot(side.diagram);
    const [, , width, height] = root.viewBox;
    const code = side.code;
    const labelWidth = measureText(side.label, 'heading', LABEL_SIZE);
    return {
      side,
      root,
      diagramWidth: width,
      diagramHeight: height,
      width: Math.ceil(Math.max(labelWidth, code?.width ?? 0, width)),
      height: LABEL_ROW + (code ? code.height + CODE_GAP : 0) + height,
    };
  });
  const picturesWidth = columns.reduce((sum, c) => sum + c.width, 0) + COLUMN_GAP * (columns.length - 1);
  const picturesHeight = Math.max(...columns.map((c) => c.height));
  const said = input.sentence !== '';
  const keyWidth = said ? KEY_WIDTH + KEY_GAP : 0;
  const sentence = sentenceToSvg({
    text: said ? input.sentence : NOTHING_DIFFERS,
    maxWidth: Math.max(picturesWidth, MIN_SENTENCE_WIDTH) - keyWidth,
    size: SENTENCE_SIZE,
    color: said ? input.colors.text : input.colors.muted,
  });
  const contentWidth = Math.max(picturesWidth, keyWidth + sentence.width);
  const width = MARGIN + contentWidth + MARGIN;
  const sentenceTop = MARGIN + picturesHeight + SENTENCE_GAP;
  const height = sentenceTop + sentence.height + MARGIN;
  const outerWidth = input.width ?? width;
  const outerHeight = (height * outerWidth) / width;

  const parts: string[] = [];
  let x = MARGIN;
  columns.forEach((column, i) => {
    if (i > 0) {
      const ruleX = formatNumber(x - COLUMN_GAP / 2);
      parts.push(
        `<path d="M${ruleX} ${MARGIN}V${formatNumber(MARGIN + picturesHeight)}" stroke="${input.colors.rule}" ` +
          `stroke-width="1"/>`,
      );
    }
    const { side, root } = column;
    parts.push(
      `<text x="${formatNumber(x)}" y="${MARGIN + LABEL_SIZE}" font-family="${fontFamilyOf('heading')}" ` +
        `font-size="${LABEL_SIZE}" font-weight="600" fill="${input.colors.text}">${escapeXml(side.label)}</text>`,
    );
    let y = MARGIN + LABEL_ROW;
    if (side.code) {
      parts.push(`<g transform="translate(${formatNumber(x)} ${y})">`, side.code.markup, '</g>');
      y += side.code.height + CODE_GAP;
    }
    const nested = rootStartTag(root, {
      x: formatNumber(x),
      y: formatNumber(y),
      width: formatNumber(column.diagramWidth),
      height: formatNumber(column.diagramHeight),
      viewBox: root.viewBox.map(formatNumber).join(' '),
      'data-side': String(i),
    });
    parts.push(`${nested}${root.body}</svg>`);
    x += column.width + COLUMN_GAP;
  });
  const keyY = sentenceTop + SENTENCE_SIZE / 2 - 7;
  if (said) {
    parts.push(
      `<rect x="${MARGIN + 1.5}" y="${formatNumber(keyY)}" width="${KEY_WIDTH - 3}" height="14" fill="none" ` +
        `stroke="${input.colors.differs}" stroke-width="3" stroke-dasharray="7 3"/>`,
    );
  }
  parts.push(
    `<g class="memlane-differs" transform="translate(${MARGIN + keyWidth} ${sentenceTop})">`,
    sentence.markup,
    '</g>',
  );
  return [
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
      `<svg xmlns="http://www.w3.org/2000/svg" class="memlane-slide memlane-compare" ` +
      `width="${formatNumber(outerWidth)}" height="${formatNumber(outerHeight)}" ` +
      `viewBox="0 0 ${formatNumber(width)} ${formatNumber(height)}" role="img" ` +
      `aria-labelledby="memlane-slide-title memlane-slide-desc" data-compare="">`,
    `<title id="memlane-slide-title">${escapeXml(input.title)}</title>`,
    `<desc id="memlane-slide-desc">${escapeXml(input.description)}</desc>`,
    `<style>\n${input.differsStyle}\n</style>`,
    `<rect width="${formatNumber(width)}" height="${formatNumber(height)}" fill="${input.background}"/>`,
    ...parts,
    '</svg>',
    '',
  ].join('\n');
}
