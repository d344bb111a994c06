// Types of the integrate stage: where a snippet sits in its page, and the integration's options.
import type { DiagramOptions } from '../core/index.ts';

export type { DiagramOptions, Snippet } from '../core/index.ts';

/** Where a snippet sits in its page, for error messages. */
export interface SnippetLocation {
  /** Path of the page file. */
  file: string;
  /** 1-based line in `file` of the snippet's first code line. */
  firstLine: number;
}

/** The options of the whole integration, after validation. */
export interface MemlaneOptions {
  /** Directory of the disk cache, or false to trace every snippet on every build. */
  cacheDir: string | false;
  /** Defaults for every diagram's options. */
  defaults: Partial<DiagramOptions>;
  /** Wall-clock limit of one snippet in milliseconds. */
  timeoutMs: number;
  /** Path of the playground page under the site's base (e.g. `playground/`), or false for none. */
  playground: string | false;
}
