// The Layout: every box, row, arrow and change mark of a whole trace, placed once for all steps.
// Render draws it; it holds geometry and words, nothing of Python.
import type { TextFace } from '../fonts/faces.ts';

/** Steps as sorted, disjoint, 1-based inclusive ranges, e.g. [[1, 3], [5, 5]]. */
export type StepRanges = readonly (readonly [number, number])[];

export interface Point {
  x: number;
  y: number;
}

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Which face a text is set in (the fonts floor names them). */
export type { TextFace };

export interface TextSpan {
  text: string;
  /** Set when `text` was shortened: the full text, for a tooltip. */
  full?: string;
  /** Baseline start, relative to the box. */
  x: number;
  y: number;
  face: TextFace;
  size: number;
  anchor?: 'start' | 'end';
  tone?: 'normal' | 'muted' | 'alert';
}

export type RowRole =
  | 'name'
  | 'index'
  | 'entry'
  | 'attr'
  | 'item'
  | 'return'
  | 'exception'
  | 'elided'
  | 'local'
  | 'info';

/** One line inside a box: a name, index or key and either an inline value or the dot an arrow starts from. */
export interface Row {
  /** Stable position of the row inside its box, 0 = first row under the header. */
  slot: number;
  role: RowRole;
  /** Box-relative top of the row. */
  y: number;
  height: number;
  label?: TextSpan;
  value?: TextSpan;
  /** Id of the object the row's arrow points at. */
  to?: string;
  /** Box-relative centre of the dot the row's reference arrow starts from. */
  dot?: Point;
  /** Id of the object a dict key drawn as a reference points at. */
  keyTo?: string;
  /** Same, for a dict key drawn as a reference. */
  keyDot?: Point;
}

export type BoxStyle = 'frame' | 'mutable' | 'immutable';

/** What a box looks like during some of its steps. */
export interface BoxVersion {
  steps: StepRanges;
  height: number;
  header: TextSpan[];
  rows: Row[];
  /** Top of the stack: the running frame. */
  running?: boolean;
  /** A frame shown after it returned (option showExited). */
  exited?: boolean;
  /** Kept alive only by a reference cycle. */
  unreachable?: boolean;
  /** Words for a badge drawn with the box ("running", "unreachable", "returned"). */
  badge?: TextSpan;
  /** Words for readers of the SVG source and assistive technology. */
  summary: string;
}

interface BoxBase extends Rect {
  id: string;
  /** Steps at which the box is drawn. */
  steps: StepRanges;
  style: BoxStyle;
  /** Height of the header band (0 for a one-line scalar box). */
  headerHeight: number;
  /** x of the line between the label and the value column, 0 when rows have no labels. */
  divider: number;
  versions: BoxVersion[];
}

export interface FrameBox extends BoxBase {
  kind: 'frame';
  name: string;
}

export type ObjectKind =
  | 'scalar'
  | 'list'
  | 'tuple'
  | 'set'
  | 'dict'
  | 'instance'
  | 'class'
  | 'function'
  | 'cell'
  | 'generator'
  | 'method';

export interface ObjectBox extends BoxBase {
  kind: ObjectKind;
  /** type(obj).__name__ */
  type: string;
  mutable: boolean;
  /** Column of the heap the object sits in (0 = next to the frames). */
  column: number;
  /** CPython never frees it (the trace says immortal: None, True, small ints...): drawn with an ∞ badge. */
  immortal?: true;
}

export interface Arrow {
  /** Frame or object id the reference starts in. */
  from: string;
  /** Row slot in the source box. */
  slot: number;
  /** 'key' for a dict key that is drawn as a reference, else 'value'. */
  part: 'value' | 'key';
  to: string;
  steps: StepRanges;
  /** Orthogonal polyline from the dot in the source row to the target's left or right edge. */
  points: Point[];
  /** Drawn faded, like its source box (unreachable objects, exited frames). */
  faded?: boolean;
}

export type ChangeKind = 'new' | 'changed' | 'rebound' | 'freed';

export interface ChangeMark {
  change: ChangeKind;
  step: number;
  /** Frame or object id the mark belongs to. */
  target: string;
  /** Outline drawn around the changed box or row (absolute coordinates). */
  rect: Rect;
  /** Badge text and its absolute baseline position; rows are marked by outline only. */
  label?: TextSpan;
  /** On a 'freed' mark: the object left the diagram but CPython keeps it (the trace's step does
   * not list it in `freed`), so it is said to be no longer referenced rather than freed. */
  dropped?: true;
  /** On a 'freed' mark: what the object was, in words (its last version's summary). */
  was?: string;
}

export interface StepInfo {
  line: number;
  event: string;
  /** The state at this step in words, for <desc>. */
  description: string;
}

/** What a legend sample shows: a mutable box, an immutable box, a faded box, a change outline... */
export type LegendSample = 'mutable' | 'immutable' | 'unreachable' | 'change' | 'running' | 'immortal';

export interface LegendItem {
  sample: LegendSample;
  rect: Rect;
  text: TextSpan;
}

/** The legend's entries and the notes in words, whether or not the picture draws them (pages put them in HTML). */
export interface LayoutKey {
  entries: { sample: LegendSample; text: string }[];
  notes: string[];
}

export interface Layout {
  width: number;
  height: number;
  stepsTotal: number;
  steps: StepInfo[];
  frames: FrameBox[];
  objects: ObjectBox[];
  arrows: Arrow[];
  marks: ChangeMark[];
  legend: LegendItem[];
  /** Extra note drawn under the diagram when something was left out to bound its size. */
  notes: TextSpan[];
  /** The legend and notes in words; `legend` and `notes` above are empty when the picture leaves them out. */
  key: LayoutKey;
}
