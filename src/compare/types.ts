// Types of a comparison: two or three programs from one fence, traced apart and stepped together.
import type { Diagram } from '../core/types.ts';

/** One program of a compare fence as written: its label and its lines. */
export interface WrittenSide {
  label: string;
  /** The side's code as written (notes and questions included), without its `# @side` line. */
  written: string;
  /** 1-based line of the fence body where the side's first code line is. */
  firstLine: number;
  /** Option strings written on the side's `# @side` line, by fence name (`raises=ValueError`). */
  meta: string;
}

/** A marked difference: the elements of one side's picture to mark at one moment. */
export interface SideMarks {
  /** Object ids whose sharing differs, or that the other side lacks. */
  objects: string[];
  /** Arrows as `from>to` (frame or object id to object id). */
  arrows: string[];
}

export interface Moment {
  /** The 1-based step each side shows at this moment. */
  steps: number[];
  /** What differs, per side (same order as the sides). */
  marks: SideMarks[];
  /** The difference in words ("`clone[0] is grid[0]` in copy.copy, not in copy.deepcopy"), or ''. */
  sentence: string;
}

export interface CompareSide {
  label: string;
  diagram: Diagram;
  /** 1-based line of the fence body where the side's first code line is. */
  firstLine: number;
}

export interface Comparison {
  sides: CompareSide[];
  moments: Moment[];
  /** 1-based moment shown without JavaScript. */
  shownMoment: number;
}
