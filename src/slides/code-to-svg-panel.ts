// Highlighted source as an SVG panel: one <text> per line, one <tspan> per token, the current line
// marked by a band, a bar, a triangle and a bold line number (so the mark never rides on colour alone).
import { measureText } from '../layout/measure-text.ts';
import { ensureContrast } from '../page/contrast.ts';
import type { SlideToken, SlideTokens } from './highlight-code.ts';
import { escapeXml } from '../render/escape-markup.ts';
import { monoAdvancePerEm, monoFamily, sansFamily } from './font-files.ts';

export interface CodePanelInput {
  /** Coloured runs of the whole source (see highlight-code.ts). */
  tokens: SlideTokens;
  /** 1-based line running at the shown step; no mark when absent. */
  currentLine?: number;
  /** Words after the current line, e.g. "area returns"; an alert label is for an exception. */
  lineLabel?: { text: string; alert?: boolean };
  dark?: boolean;
  /** Replaces the theme's own background, to sit on a slide of another colour. */
  background?: string;
  fontSize?: number;
  /** Longer lines end in an ellipsis, so one long line cannot shrink the diagram on a slide. */
  maxColumns?: number;
  /** At least this wide, px: the panels of an animation's frames share the widest one's width. */
  minWidth?: number;
}

export interface CodePanel {
  /** An SVG fragment (<g>) whose box is (0, 0, width, height). */
  markup: string;
  width: number;
  height: number;
  background: string;
}

const tabSize = 4;

/** The marks of the current line and the frame, per theme. */
export const panelPalettes = {
  light: { band: '#fff8c5', bar: '#9a6700', gutter: '#6e7781', raise: '#cf222e', border: '#d0d7de' },
  dark: { band: '#3a3520', bar: '#e3b341', gutter: '#8b949e', raise: '#ff7b72', border: '#3d444d' },
};

interface Cell {
  column: number;
  text: string;
  token: SlideToken;
}

function expandTabs(line: SlideToken[]): { text: string; token: SlideToken }[] {
  let column = 0;
  return line.map((token) => {
    let text = '';
    for (const char of token.text) {
      const width = char === '\t' ? tabSize - (column % tabSize) : 1;
      text += char === '\t' ? ' '.repeat(width) : char;
      column += width;
    }
    return { text, token };
  });
}

/** Tokens placed on columns (tabs expanded); a line longer than maxColumns is cut and ends in an ellipsis. */
function placeTokens(line: SlideToken[], maxColumns: number): { cells: Cell[]; columns: number; cut: boolean } {
  const pieces = expandTabs(line);
  const total = pieces.reduce((sum, p) => sum + [...p.text].length, 0);
  const cut = total > maxColumns;
  const limit = cut ? maxColumns - 1 : total;
  const cells: Cell[] = [];
  let column = 0;
  for (const { text, token } of pieces) {
    const kept = [...text].slice(0, Math.max(0, limit - column)).join('');
    // Whitespace stays in the text (xml:space="preserve"), so copying the code from the SVG keeps it.
    if (kept)
      cells.push({
        column,
        text: kept.replace(/\s+$/, (space) => (column + [...kept].length >= limit ? '' : space)),
        token,
      });
    column += [...kept].length;
    if (column >= limit) break;
  }
  return { cells, columns: cut ? limit + 1 : total, cut };
}

function fontAttributes(token: SlideToken): string {
  return token.italic ? ' font-style="italic"' : '';
}

function round(n: number): string {
  return String(Math.round(n * 100) / 100);
}

export function codeToSvgPanel(input: CodePanelInput): CodePanel {
  const fontSize = input.fontSize ?? 15;
  const maxColumns = input.maxColumns ?? 72;
  const palette = input.dark ? panelPalettes.dark : panelPalettes.light;
  const background = input.background ?? input.tokens.background;
  const lines = input.tokens.lines.slice();
  while (lines.length > 1 && lines.at(-1)!.every((t) => !t.text.trim())) lines.pop();

  const charWidth = fontSize * monoAdvancePerEm;
  const lineHeight = Math.round(fontSize * 1.55);
  const padding = Math.round(fontSize * 1.1);
  const digits = String(lines.length).length;
  const markerWidth = charWidth * 2;
  const numbersRight = padding + markerWidth + digits * charWidth;
  const codeX = numbersRight + charWidth * 2;
  const labelSize = Math.round(fontSize * 0.8);

  const placed = lines.map((line) => placeTokens(line, maxColumns));
  let contentRight = Math.max(...placed.map((p) => codeX + p.columns * charWidth));
  const label = input.currentLine && input.lineLabel ? `← ${input.lineLabel.text}` : undefined;
  const current = input.currentLine && input.currentLine <= placed.length ? input.currentLine : undefined;
  if (label && current) {
    const labelRight =
      codeX + (placed[current - 1]!.columns + 2) * charWidth + measureText(label, 'heading', labelSize);
    contentRight = Math.max(contentRight, labelRight);
  }
  const width = Math.max(Math.ceil(contentRight + padding), input.minWidth ?? 0);
  const height = padding * 2 + lines.length * lineHeight;

  const out: string[] = [];
  out.push(`<g class="memlane-code" font-family="'${monoFamily}', monospace" font-size="${fontSize}">`);
  const corner = Math.round(fontSize * 0.6);
  out.push(`<rect width="${width}" height="${height}" rx="${corner}" fill="${background}"/>`);
  placed.forEach((line, i) => {
    const number = i + 1;
    const top = padding + i * lineHeight;
    const baseline = top + lineHeight / 2 + fontSize * 0.36;
    const isCurrent = number === current;
    const rowBackground = isCurrent ? palette.band : background;
    if (isCurrent) {
      out.push(`<g data-current-line="${number}">`);
      out.push(`<rect y="${round(top)}" width="${width}" height="${lineHeight}" fill="${palette.band}"/>`);
      out.push(
        `<rect y="${round(top)}" width="${Math.max(3, Math.round(fontSize / 4))}" height="${lineHeight}" ` +
          `fill="${palette.bar}"/>`,
      );
      const mid = top + lineHeight / 2;
      const size = fontSize * 0.38;
      const left = padding + charWidth * 0.4;
      out.push(
        `<path d="M${round(left)} ${round(mid - size)}L${round(left + size * 1.6)} ${round(mid)}L` +
          `${round(left)} ${round(mid + size)}Z" fill="${palette.bar}"/>`,
      );
    }
    const numberColour = ensureContrast(isCurrent ? palette.bar : palette.gutter, rowBackground);
    out.push(
      `<text x="${round(numbersRight)}" y="${round(baseline)}" text-anchor="end" fill="${numberColour}"` +
        `${isCurrent ? ' font-weight="700"' : ''}>${number}</text>`,
    );
    if (line.cells.length || line.cut) {
      const spans = line.cells.map((cell) => {
        const colour = ensureContrast(cell.token.color, rowBackground);
        return (
          `<tspan x="${round(codeX + cell.column * charWidth)}" fill="${colour}"` +
          `${fontAttributes(cell.token)}>${escapeXml(cell.text)}</tspan>`
        );
      });
      if (line.cut)
        spans.push(
          `<tspan x="${round(codeX + (line.columns - 1) * charWidth)}" fill="` +
            `${ensureContrast(palette.gutter, rowBackground)}">…</tspan>`,
        );
      // One line of markup: with xml:space="preserve" any newline between tspans would become a space.
      out.push(`<text y="${round(baseline)}" xml:space="preserve">${spans.join('')}</text>`);
    }
    if (isCurrent && label) {
      const x = codeX + (line.columns + 2) * charWidth;
      const colour = ensureContrast(input.lineLabel?.alert ? palette.raise : palette.bar, rowBackground);
      out.push(
        `<text x="${round(x)}" y="${round(baseline)}" font-family="${sansFamily}, sans-serif" font-size="` +
          `${labelSize}" font-weight="600" fill="${colour}">${escapeXml(label)}</text>`,
      );
    }
    if (isCurrent) out.push('</g>');
  });
  out.push(
    `<rect x="0.5" y="0.5" width="${width - 1}" height="${height - 1}" rx="${corner}" fill="none" stroke="` +
      `${palette.border}"/>`,
  );
  out.push('</g>');
  return { markup: out.join('\n'), width, height, background };
}
