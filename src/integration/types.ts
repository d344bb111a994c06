// Types of the integrate stage: what authors ask for, and what one rendered diagram carries.

/** Options of one diagram, from a fence's meta or <MemoryDiagram> props, after validation. */
export interface DiagramOptions {
  /** The step shown without JavaScript. */
  step: 'first' | 'last' | number;
  scalars: 'heap' | 'inline';
  hide: string[];
  exited: 'show' | 'hide';
  /** The exception type the snippet is expected to end with, e.g. "TypeError". */
  raises: string | null;
  title: string | null;
  theme: 'site' | 'sketch';
  maxSteps: number;
  /** Permalink anchor: `#id-step-N`. */
  id: string | null;
}

/** A snippet as written, with its `# @note` comments taken out. */
export interface Snippet {
  /** The code that runs and is shown (notes stripped, line count unchanged for trailing notes). */
  code: string;
  /** Narration by 1-based line of `code`. */
  notes: Map<number, string>;
  /** For each 1-based line of `code`, the 1-based line of the snippet as written. */
  sourceLines: number[];
}

/** Where a snippet sits in its page, for error messages. */
export interface SnippetLocation {
  /** Path of the page file. */
  file: string;
  /** 1-based line in `file` of the snippet's first code line. */
  firstLine: number;
}

/** What the island needs for each step, in order. */
export interface IslandStep {
  /** Current line (1-based, in the shown code). */
  line: number;
  /** Line the next step runs, or 0 at the end. */
  next: number;
  /** Characters of stdout printed so far. */
  out: number;
  /** Narration for this step, if any. */
  note?: string;
}

/** The options of the whole integration, after validation. */
export interface MemlaneOptions {
  /** Directory of the disk cache, or false to trace every snippet on every build. */
  cacheDir: string | false;
  /** Defaults for every diagram's options. */
  defaults: Partial<DiagramOptions>;
  /** Wall-clock limit of one snippet in milliseconds. */
  timeoutMs: number;
}
