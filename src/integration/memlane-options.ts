// The integration's own options (memlane({...}) in astro.config.mjs), validated once with a schema.
import { isAbsolute, join } from 'node:path';
import { z } from 'zod';
import {
  fenceSpelling,
  optionNames,
  optionTable,
  propsToRawOptions,
  readDiagramOptions,
  type DiagramOptionName,
} from '../core/index.ts';
import type { DiagramOptions, MemlaneOptions } from './types.ts';

export interface MemlaneUserOptions {
  /**
   * Cache directory (relative to the project root), or false to trace every snippet on every build. Default
   * node_modules/.cache/memlane.
   */
  cache?: string | false;
  /** Defaults for every diagram, written like fence options: { scalars: 'inline', 'max-steps': 2000 }. */
  defaults?: Record<string, string | number | string[]>;
  /** Wall-clock limit of one snippet in milliseconds (at build time and in readers' browsers). Default 10000. */
  timeoutMs?: number;
  /**
   * Path of the site's playground page under its base, which every diagram links to; false for none. Default
   * 'playground/'.
   */
  playground?: string | false;
}

const schema = z
  .object({
    cache: z.union([z.string().min(1), z.literal(false)]).optional(),
    defaults: z.record(z.unknown()).optional(),
    timeoutMs: z.number().int().min(100).max(600_000).optional(),
    playground: z
      .union([
        z.string().regex(/^[a-z0-9][a-z0-9/_-]*\/$/, 'a path under the site, ending in /, e.g. "playground/"'),
        z.literal(false),
      ])
      .optional(),
  })
  .strict();

export function resolveMemlaneOptions(user: unknown, root: string): MemlaneOptions {
  const parsed = schema.safeParse(user ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = issue.path.length ? `memlane() option ${issue.path.join('.')}` : 'memlane() options';
    const detail = issue.code === 'unrecognized_keys' ? `unknown option "${issue.keys[0]}"` : issue.message;
    throw new Error(
      `astro.config.mjs: ${where}: ${detail}\nhint: memlane() accepts { cache?: string | false, defaults?: ` +
        `{ ${optionNames.map((n) => optionTable[n].fence).join(', ')} }, timeoutMs?: number, playground?: ` +
        `string | false }`,
    );
  }
  const given = parsed.data as MemlaneUserOptions;
  let defaults: Partial<DiagramOptions> = {};
  if (given.defaults) {
    const { raw, problems } = propsToRawOptions(given.defaults, 'diagram option');
    const read = readDiagramOptions(raw, fenceSpelling);
    const problem = problems[0] ?? (read.ok ? undefined : read.problems[0]);
    if (problem) throw new Error(`astro.config.mjs: memlane() defaults: ${problem.message}\nhint: ${problem.hint}`);
    if (read.ok)
      defaults = Object.fromEntries(Object.keys(raw).map((name) => [name, read.options[name as DiagramOptionName]]));
  }
  const cache = given.cache ?? 'node_modules/.cache/memlane';
  return {
    cacheDir: cache === false ? false : isAbsolute(cache) ? cache : join(root, cache),
    defaults,
    timeoutMs: given.timeoutMs ?? 10_000,
    playground: given.playground ?? 'playground/',
  };
}
