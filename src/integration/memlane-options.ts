// The integration's own options (memlane({...}) in astro.config.mjs), validated once with a schema.
import { isAbsolute, join } from 'node:path';
import { Ajv } from 'ajv';
import { fenceSpelling, optionNames, optionTable, propsToRawOptions, readDiagramOptions, type DiagramOptionName } from '../core/index.ts';
import type { DiagramOptions, MemlaneOptions } from './types.ts';

export interface MemlaneUserOptions {
  /** Cache directory (relative to the project root), or false to trace every snippet on every build. Default node_modules/.cache/memlane. */
  cache?: string | false;
  /** Defaults for every diagram, written like fence options: { scalars: 'inline', 'max-steps': 2000 }. */
  defaults?: Record<string, string | number | string[]>;
  /** Wall-clock limit of one snippet in milliseconds. Default 10000. */
  timeoutMs?: number;
}

const validate = new Ajv({ strict: true }).compile<MemlaneUserOptions>({
  type: 'object',
  additionalProperties: false,
  properties: {
    cache: { anyOf: [{ type: 'string', minLength: 1 }, { const: false }] },
    defaults: { type: 'object' },
    timeoutMs: { type: 'integer', minimum: 100, maximum: 600000 },
  },
});

export function resolveMemlaneOptions(user: unknown, root: string): MemlaneOptions {
  const given = user ?? {};
  if (!validate(given)) {
    const error = validate.errors?.[0];
    const where = error?.instancePath ? `memlane() option ${error.instancePath.slice(1)}` : 'memlane() options';
    const detail = error?.keyword === 'additionalProperties' ? `unknown option "${String(error.params.additionalProperty)}"` : error?.message ?? 'invalid';
    throw new Error(`astro.config.mjs: ${where}: ${detail}\nhint: memlane() accepts { cache?: string | false, defaults?: { ${optionNames.map((n) => optionTable[n].fence).join(', ')} }, timeoutMs?: number }`);
  }
  let defaults: Partial<DiagramOptions> = {};
  if (given.defaults) {
    const { raw, problems } = propsToRawOptions(given.defaults, 'diagram option');
    const read = readDiagramOptions(raw, fenceSpelling);
    const problem = problems[0] ?? (read.ok ? undefined : read.problems[0]);
    if (problem) throw new Error(`astro.config.mjs: memlane() defaults: ${problem.message}\nhint: ${problem.hint}`);
    if (read.ok) defaults = Object.fromEntries(Object.keys(raw).map((name) => [name, read.options[name as DiagramOptionName]]));
  }
  const cache = given.cache ?? 'node_modules/.cache/memlane';
  return {
    cacheDir: cache === false ? false : isAbsolute(cache) ? cache : join(root, cache),
    defaults,
    timeoutMs: given.timeoutMs ?? 10_000,
  };
}
