// Sizes every box and gap is built from, in px. One place, so the picture stays consistent.
export const FONT_SIZE = 12;
export const SMALL_SIZE = 10.5;
export const ROW_HEIGHT = 22;
export const HEADER_HEIGHT = 24;
export const PAD = 8;
/** Room for the dot an arrow starts from, at the right end of its value cell and centred in it: the arrow
 * leaves the box at once, since what it draws inside says nothing (at the cell's left, whole arrows were
 * 12-17 % longer over the structure snippets). */
export const DOT_ROOM = 18;
export const MAX_LABEL_WIDTH = 120;
export const MAX_VALUE_WIDTH = 200;
/** Wide enough for a function's whole signature in most lessons. */
export const MAX_TITLE_WIDTH = 440;
/** Rows of words across a whole box (exceptions, counts of left-out items). */
export const MAX_SPAN_WIDTH = 340;
export const MIN_BOX_WIDTH = 44;
/** Horizontal gap between the frame column and the heap, and between heap columns: arrows run here. */
export const COLUMN_GAP = 72;
/** Vertical gap between boxes of one column: change badges sit here. */
export const BOX_GAP = 22;
/** Distance arrows keep from boxes they do not point at. */
export const ARROW_CLEARANCE = 7;
export const MARGIN = 16;
/** Bounds that keep huge traces to a diagram of bounded size. */
export const MAX_COLUMNS = 5;
export const MAX_OBJECTS = 160;
export const MAX_DISTINCT_OBJECTS = 600;
/** Rows a container shows at most: head, a count of the rest, tail. */
export const MAX_ROWS = 16;
export const MAX_STACK_DRAWN = 24;
/** Height below a box's top where arrows arrive: the middle of the header or of a one-line box. */
export const ANCHOR_Y = 11;
