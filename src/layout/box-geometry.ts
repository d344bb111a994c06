// Sizes a box from the words of all its versions, so it keeps one width for its whole life.
import { fitText, measureText } from './measure-text.ts';
import {
  DOT_ROOM,
  FONT_SIZE,
  HEADER_HEIGHT,
  MAX_LABEL_WIDTH,
  MAX_SPAN_WIDTH,
  MAX_TITLE_WIDTH,
  MAX_VALUE_WIDTH,
  MIN_BOX_WIDTH,
  PAD,
  ROW_HEIGHT,
  SMALL_SIZE,
} from './metrics.ts';
import type { RowContent } from './object-content.ts';
import type { BoxVersion, Row, StepRanges, TextFace, TextSpan } from './types.ts';

export interface VersionSpec {
  steps: StepRanges;
  title: string;
  detail?: string;
  rows: (RowContent & { slot: number })[];
  badge?: string;
  running?: boolean;
  exited?: boolean;
  unreachable?: boolean;
  summary: string;
}

export interface BoxGeometry {
  width: number;
  height: number;
  headerHeight: number;
  divider: number;
  versions: BoxVersion[];
}

const BASELINE = 15;
/** Room between a header's words and its badge: browsers may set text a little wider than measured. */
const BADGE_GAP = 12;
const spansRow = (row: RowContent) => row.label === undefined && row.ref === undefined;
const labelFace = (row: RowContent): TextFace => (row.labelIsCode ? 'value' : 'label');
const labelSize = (row: RowContent) => (row.labelIsCode ? FONT_SIZE : SMALL_SIZE);
const textFace = (row: RowContent): TextFace => (spansRow(row) ? 'label' : 'value');

function span(
  text: string,
  face: TextFace,
  size: number,
  maxWidth: number,
  x: number,
  y: number,
  extra: Partial<TextSpan> = {},
): TextSpan {
  const fitted = fitText(text, face, size, maxWidth);
  return { text: fitted.text, ...(fitted.shortened ? { full: text } : {}), x, y, face, size, ...extra };
}

export function boxGeometry(versions: VersionSpec[], scalar: boolean): BoxGeometry {
  const headerHeight = scalar ? 0 : HEADER_HEIGHT;
  const allRows = versions.flatMap((v) => v.rows);
  const labelWidth = Math.max(
    0,
    ...allRows.map((r) =>
      r.keyRef !== undefined
        ? DOT_ROOM
        : r.label
          ? Math.min(MAX_LABEL_WIDTH, measureText(r.label, labelFace(r), labelSize(r)))
          : 0,
    ),
  );
  const divider = labelWidth > 0 ? Math.ceil(PAD + labelWidth + PAD) : 0;
  const valueWidth = Math.max(
    DOT_ROOM,
    ...allRows
      .filter((r) => !spansRow(r))
      .map((r) =>
        r.text !== undefined ? Math.min(MAX_VALUE_WIDTH, measureText(r.text, 'value', FONT_SIZE)) : DOT_ROOM,
      ),
  );
  const spanWidth = Math.max(
    0,
    ...allRows.filter(spansRow).map((r) => Math.min(MAX_SPAN_WIDTH, measureText(r.text ?? '', 'label', FONT_SIZE))),
  );
  const headerWidth = Math.max(
    0,
    ...versions.map((v) => {
      if (scalar) return 0;
      const title = Math.min(MAX_TITLE_WIDTH, measureText(v.title, 'heading', FONT_SIZE));
      const detail = v.detail ? 6 + measureText(v.detail, 'label', SMALL_SIZE) : 0;
      const badge = v.badge ? BADGE_GAP + measureText(v.badge, 'label', SMALL_SIZE) : 0;
      return PAD + title + detail + badge + PAD;
    }),
  );
  const width = Math.ceil(
    Math.max(MIN_BOX_WIDTH, divider + PAD + valueWidth + PAD, PAD + spanWidth + PAD, headerWidth),
  );

  const laidOut = versions.map((v): BoxVersion => {
    const header: TextSpan[] = [];
    if (!scalar) {
      const badgeWidth = v.badge ? BADGE_GAP + measureText(v.badge, 'label', SMALL_SIZE) : 0;
      const title = span(
        v.title,
        'heading',
        FONT_SIZE,
        Math.min(MAX_TITLE_WIDTH, width - 2 * PAD - badgeWidth),
        PAD,
        BASELINE,
      );
      header.push(title);
      if (v.detail) {
        const x = PAD + measureText(title.text, 'heading', FONT_SIZE) + 6;
        if (x + measureText(v.detail, 'label', SMALL_SIZE) <= width - PAD - badgeWidth)
          header.push(span(v.detail, 'label', SMALL_SIZE, width, x, BASELINE, { tone: 'muted' }));
      }
    }
    const rows = v.rows.map((r): Row => {
      const top = headerHeight + r.slot * ROW_HEIGHT;
      const row: Row = { slot: r.slot, role: r.role, y: top, height: ROW_HEIGHT };
      if (spansRow(r)) {
        row.value = span(r.text ?? '', 'label', FONT_SIZE, width - 2 * PAD, PAD, top + BASELINE, {
          tone: r.tone ?? 'normal',
        });
        return row;
      }
      if (r.keyRef !== undefined) {
        row.keyTo = r.keyRef;
        row.keyDot = { x: divider / 2, y: top + ROW_HEIGHT / 2 };
      } else if (r.label !== undefined && r.label !== '') {
        row.label = span(r.label, labelFace(r), labelSize(r), MAX_LABEL_WIDTH, PAD, top + BASELINE, {
          tone: r.labelIsCode ? 'normal' : 'muted',
        });
      }
      if (r.ref !== undefined) {
        row.to = r.ref;
        row.dot = { x: width - PAD - DOT_ROOM / 2, y: top + ROW_HEIGHT / 2 };
      } else
        row.value = span(r.text ?? '', textFace(r), FONT_SIZE, MAX_VALUE_WIDTH, divider + PAD, top + BASELINE, {
          tone: r.tone ?? 'normal',
        });
      return row;
    });
    const slots = v.rows.length ? Math.max(...v.rows.map((r) => r.slot)) + 1 : 0;
    const height = headerHeight + (slots ? slots * ROW_HEIGHT : scalar ? ROW_HEIGHT : 0);
    const version: BoxVersion = { steps: v.steps, height, header, rows, summary: v.summary };
    if (v.badge && !scalar)
      version.badge = {
        text: v.badge,
        x: width - PAD,
        y: BASELINE,
        face: 'label',
        size: SMALL_SIZE,
        anchor: 'end',
        tone: 'muted',
      };
    if (v.running) version.running = true;
    if (v.exited) version.exited = true;
    if (v.unreachable) version.unreachable = true;
    return version;
  });
  return { width, height: Math.max(...laidOut.map((v) => v.height)), headerHeight, divider, versions: laidOut };
}
