// Reflow: when the layers side by side are wider than the page allows, later layers continue in
// a band below, as a line of text wraps; a chain then wraps into rows instead of running off the page.
// A band only breaks where few references cross the break, so a tree is never cut apart.
import { ARROW_CLEARANCE, BOX_GAP, COLUMN_GAP, MARGIN } from '../metrics.ts';

/** Vertical room between two bands: arrows that wrap to the next band run here. */
export const BAND_GAP = 3 * BOX_GAP;

export interface Columns {
  /** x of every layer (layer 0 = frames). */
  x: number[];
  /** Band of every layer: 0 for the first row of layers. */
  band: number[];
}

/** Where a chain wrap's rows after the first start (under the frames): a lane left of the row for
 * the arrow coming down into its first box. */
export const WRAP_START = MARGIN + 2 * ARROW_CLEARANCE;

/** References that may cross a break between bands: a chain's next, its value and one more. */
export const MAX_BREAK_CROSSINGS = 3;

/**
 * Pre: `widths[k]` is the widest box of layer k (k = 0: the frames); `crossing[k]` counts the
 * references from layers < k to layers >= k. Post: layers left to right from MARGIN with
 * COLUMN_GAP between them; when `fitWidth` > 0 and a layer would end past it, a new band starts
 * at `rowStart` (default: under layer 1) at the latest layer of the current band (not its first) where
 * at most `breakCrossings` references cross; with no such layer the band goes on.
 */
export function layerColumns(
  widths: number[],
  crossing: number[],
  fitWidth: number,
  breakCrossings = MAX_BREAK_CROSSINGS,
  rowStart?: number,
): Columns {
  const band = widths.map(() => 0);
  const first = MARGIN + (widths[0] ?? 0) + COLUMN_GAP;
  // A band after the first lies below the frames (vertical.ts), so it may start left of layer 1.
  const start = (b: number) => (b > 0 && rowStart !== undefined ? rowStart : first);
  let bandStart = 1;
  let current = 0;
  let right = first;
  for (let k = 1; k < widths.length; k++) {
    if (fitWidth > 0 && k > bandStart && right + widths[k]! + MARGIN > fitWidth) {
      let breakAt = -1;
      for (let j = k; j > bandStart; j--)
        if ((crossing[j] ?? 0) <= breakCrossings) {
          breakAt = j;
          break;
        }
      if (breakAt > 0) {
        current++;
        bandStart = breakAt;
        right = start(current);
        for (let j = breakAt; j < k; j++) {
          band[j] = current;
          right += widths[j]! + COLUMN_GAP;
        }
      }
    }
    band[k] = current;
    right += widths[k]! + COLUMN_GAP;
  }
  const x = widths.map(() => MARGIN);
  let next = first;
  for (let k = 1; k < widths.length; k++) {
    if (band[k] !== band[k - 1] && k > 1) next = start(band[k]!);
    x[k] = next;
    next += widths[k]! + COLUMN_GAP;
  }
  return { x, band };
}
