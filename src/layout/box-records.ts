// What collect-boxes records for every frame and object across the run: when it is shown and what it shows.
import type { HeapObject } from '../trace/types.ts';
import type { VersionSpec } from './box-geometry.ts';
import type { ObjectKind } from './types.ts';

export interface FrameRecord {
  id: string;
  name: string;
  /** Steps where the frame is on the drawn stack. */
  live: number[];
  /** Steps where it is drawn (live, plus faded steps after it returned with showExited). */
  shown: number[];
  /** Frames drawn under it (outer frames) at any of its live steps. */
  below: Set<string>;
  versions: VersionSpec[];
  /** Rows by step, for change marks: slot -> what the row shows. */
  rowsByStep: Map<number, Map<number, string>>;
}

export interface ObjectRecord {
  id: string;
  kind: ObjectKind;
  type: string;
  mutable: boolean;
  shown: number[];
  /** Step at which the trace says it was freed while shown the step before. */
  freedAt?: number;
  /** Whether the trace says CPython deallocated it at freedAt (else it lives on, unseen). */
  freedByCPython?: boolean;
  versions: VersionSpec[];
  /** The trace object shown at each step (identity changes exactly when the object changes). */
  dataByStep: Map<number, HeapObject>;
  rowsByStep: Map<number, Map<number, string>>;
  /** A scalar that existed the step before its box first shows: written in a row then, so not new. */
  existedAsText?: boolean;
}
