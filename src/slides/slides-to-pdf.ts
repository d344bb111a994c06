// Slides as a PDF handout: one page per slide, the slide drawn as vectors (its text stays text, in the
// slide fonts) with its narration and description below; same input, same bytes (a fixed creation date).
import { readFileSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import SVGtoPDF from 'svg-to-pdfkit';
import { subsetFont } from '../node/subset-font.ts';
import { monoFamily, slideFaces, type SlideFace } from './font-files.ts';
import { parseSvgRoot } from './svg-root.ts';
import { textByFace } from './text-by-face.ts';

export interface HandoutPage {
  /** A composed slide (composeSlide), fonts not embedded: the PDF carries its own. */
  svg: string;
  /** The line above the slide: file, step, line. */
  heading: string;
  /** The step's `# @note`, or a question's instruction. */
  note?: string;
  /** The step in words (the slide's <desc>). */
  description: string;
}

export interface HandoutOptions {
  title: string;
  /** The page colour, the slide's own, so a dark slide is not set in a white frame. */
  background: string;
  textColor: string;
}

/** A4 landscape, in PDF points. */
const PAGE = { width: 842, height: 595, margin: 36 };
const HEADING_SIZE = 14;
const NOTE_SIZE = 11;
const DESCRIPTION_SIZE = 9;
/** Room kept under the slide for the note and the description. */
const TEXT_BLOCK = 132;
/** Creation date written in every handout: a real date would change the bytes on every run. */
const FIXED_DATE = new Date(Date.UTC(2000, 0, 1));

const faceName = (face: SlideFace) => `${face.family}-${face.weight}-${face.style}`;

/** The registered face for an SVG font-family list with bold/italic, as svg-to-pdfkit asks for it. */
function pickFace(family: string, bold: boolean, italic: boolean): string {
  const mono = family.includes(monoFamily);
  const candidates = slideFaces.filter((f) => (f.family === monoFamily) === mono);
  const byStyle = candidates.filter((f) => f.style === (italic ? 'italic' : 'normal'));
  const pool = byStyle.length ? byStyle : candidates;
  const sorted = [...pool].sort((a, b) => a.weight - b.weight);
  return faceName((bold ? sorted[sorted.length - 1] : sorted[0])!);
}

function drawPage(doc: PDFKit.PDFDocument, page: HandoutPage, options: HandoutOptions): void {
  const { width, height, margin } = PAGE;
  doc.rect(0, 0, width, height).fill(options.background);
  const inner = width - 2 * margin;
  doc
    .font(pickFace('', true, false))
    .fontSize(HEADING_SIZE)
    .fillColor(options.textColor);
  doc.text(page.heading, margin, margin, { width: inner, lineBreak: false });
  const top = margin + HEADING_SIZE * 2;
  const [, , w, h] = parseSvgRoot(page.svg).viewBox;
  // svg-to-pdfkit reads SVG pixels as 3/4 pt: the scale is in points per SVG unit.
  const scale = Math.min(inner / w, (height - top - margin - TEXT_BLOCK) / h);
  SVGtoPDF(doc, page.svg, margin, top, {
    width: w * scale,
    height: h * scale,
    assumePt: true,
    preserveAspectRatio: 'xMinYMin meet',
    fontCallback: pickFace,
    warningCallback: () => {},
  });
  let y = top + h * scale + 12;
  if (page.note) {
    doc
      .font(pickFace('', true, false))
      .fontSize(NOTE_SIZE)
      .fillColor(options.textColor);
    doc.text(page.note, margin, y, { width: inner, height: NOTE_SIZE * 3, ellipsis: true });
    y = doc.y + 6;
  }
  doc
    .font(pickFace('', false, false))
    .fontSize(DESCRIPTION_SIZE)
    .fillColor(options.textColor);
  // Bounded, so a long description ends in an ellipsis on its own page instead of starting another.
  doc.text(page.description, margin, y, { width: inner, height: height - margin - y, ellipsis: true });
}

/** Every character the handout draws, and the ellipsis that ends a description cut short. */
function charactersOf(pages: HandoutPage[]): Set<number> {
  const all = new Set<number>([0x2026]);
  for (const page of pages) {
    for (const char of textByFace(page.svg, slideFaces).all) all.add(char);
    for (const char of `${page.heading}${page.note ?? ''}${page.description}`) all.add(char.codePointAt(0)!);
  }
  return all;
}

/** Post-condition: one PDF page per entry of `pages`, in order, with no date or id that changes between runs. */
export function slidesToPdf(pages: HandoutPage[], options: HandoutOptions): Promise<Buffer> {
  const doc = new PDFDocument({
    size: [PAGE.width, PAGE.height],
    margin: 0,
    autoFirstPage: false,
    info: { Title: options.title, Creator: 'memlane', Producer: 'memlane', CreationDate: FIXED_DATE },
  });
  // The faces cut to the handout's characters without ligatures, as for PNG: code shows `->` as typed (and
  // fontkit cannot read JetBrains Mono's ligature glyphs).
  const characters = charactersOf(pages);
  for (const face of slideFaces) {
    doc.registerFont(faceName(face), subsetFont(readFileSync(face.file), characters));
  }
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  for (const page of pages) {
    doc.addPage({ size: [PAGE.width, PAGE.height], margin: 0 });
    drawPage(doc, page, options);
  }
  doc.end();
  return done;
}
