// Advance widths of the diagram faces as data (made from the TTFs by scripts/generate-font-metrics.ts),
// so text is measured the same in Node and in a browser without reading a font file.
import type { TextFace } from './faces.ts';
import tables from './advance-widths.json' with { type: 'json' };

export interface AdvanceWidthTable {
  unitsPerEm: number;
  /** Advance of the .notdef glyph, drawn for code points the face lacks. */
  missing: number;
  /** [first code point, count, advance in font units]: consecutive code points sharing one advance. */
  runs: [number, number, number][];
}

export interface FaceMetrics {
  unitsPerEm: number;
  /** Advance in font units of one code point. */
  advance(codePoint: number): number;
}

function metricsOf(table: AdvanceWidthTable): FaceMetrics {
  const byCodePoint = new Map<number, number>();
  for (const [first, count, advance] of table.runs) for (let i = 0; i < count; i++) byCodePoint.set(first + i, advance);
  return { unitsPerEm: table.unitsPerEm, advance: (codePoint) => byCodePoint.get(codePoint) ?? table.missing };
}

let metrics: Record<TextFace, FaceMetrics> | undefined;

/** The metrics of every face, built from the tables on first use. */
export function faceMetrics(): Record<TextFace, FaceMetrics> {
  metrics ??= {
    label: metricsOf(tables.label as AdvanceWidthTable),
    heading: metricsOf(tables.heading as AdvanceWidthTable),
    value: metricsOf(tables.value as AdvanceWidthTable),
  };
  return metrics;
}
