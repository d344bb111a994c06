// A generated sentence whose `code` spans are set in the mono face (as the page sets them in <code>),
// wrapped to a width and drawn as SVG <text> lines, each run placed from the font tables.
import { fontFamilyOf, type TextFace } from '../fonts/faces.ts';
import { measureText } from '../layout/measure-text.ts';
import { escapeXml } from '../render/escape-markup.ts';

interface Run {
  text: string;
  face: TextFace;
  x: number;
}

export interface SentenceInput {
  /** Plain words with `code` between backticks. */
  text: string;
  maxWidth: number;
  size: number;
  color: string;
}

export interface SentenceSvg {
  /** `<text>` elements whose first baseline is at y = size, left edge at x = 0. */
  markup: string;
  width: number;
  height: number;
}

const LINE_HEIGHT = 1.45;

const round = (n: number) => String(Math.round(n * 100) / 100);

/** Words with the face they are set in: odd backtick-separated parts are code. */
function words(text: string): { text: string; face: TextFace }[] {
  return text.split('`').flatMap((part, i) =>
    part
      .split(/\s+/)
      .filter(Boolean)
      .map((word) => ({ text: word, face: (i % 2 ? 'value' : 'label') as TextFace })),
  );
}

/**
 * Pre: `size` > 0. Post: lines no wider than maxWidth (a single word wider than it gets a line of its
 * own); consecutive words of one face on a line share one run; the same input gives the same bytes.
 */
export function sentenceToSvg(input: SentenceInput): SentenceSvg {
  const { size } = input;
  const spaceOf = (face: TextFace) => measureText(' ', face, size);
  const lines: Run[][] = [];
  let line: Run[] = [];
  let right = 0;
  let widest = 0;
  for (const word of words(input.text)) {
    const width = measureText(word.text, word.face, size);
    // A space inside a run is in the run's face; between runs, in the label face.
    const last = line.at(-1);
    const joins = last?.face === word.face;
    const gap = line.length ? spaceOf(joins ? word.face : 'label') : 0;
    if (line.length && right + gap + width > input.maxWidth) {
      lines.push(line);
      line = [];
      right = 0;
    }
    const x = line.length ? right + gap : 0;
    if (line.length && joins) last!.text += ` ${word.text}`;
    else {
      // The space between runs ends the run before it: copied text keeps its words apart, and the next
      // run's own x places it.
      if (line.length) last!.text += ' ';
      line.push({ text: word.text, face: word.face, x });
    }
    right = x + width;
    widest = Math.max(widest, right);
  }
  if (line.length) lines.push(line);
  const lineHeight = Math.round(size * LINE_HEIGHT);
  const markup = lines.map((runs, i) => {
    const spans = runs.map(
      (run) => `<tspan x="${round(run.x)}" font-family="${fontFamilyOf(run.face)}">${escapeXml(run.text)}</tspan>`,
    );
    const y = round(size + i * lineHeight);
    return `<text y="${y}" font-size="${size}" fill="${input.color}">${spans.join('')}</text>`;
  });
  return { markup: markup.join('\n'), width: Math.ceil(widest), height: lines.length * lineHeight };
}
