// The integration's own options (memlane({...}) in astro.config.mjs), validated once with a schema.
import { isAbsolute, join } from 'node:path';
import { Ajv } from 'ajv';
import { DiagramOptionError, propsToRawOptions, resolveDiagramOptions } from './diagram-options.ts';
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
    throw new Error(`astro.config.mjs: ${where}: ${detail}\nhint: memlane() accepts { cache?: string | false, defaults?: { step, scalars, hide, exited, theme, 'max-steps' }, timeoutMs?: number }`);
  }
  let defaults: Partial<DiagramOptions> = {};
  if (given.defaults) {
    try {
      const resolved = resolveDiagramOptions(propsToRawOptions(given.defaults));
      const written = new Set(Object.keys(propsToRawOptions(given.defaults)).map((k) => (k === 'max-steps' ? 'maxSteps' : k)));
      defaults = Object.fromEntries(Object.entries(resolved).filter(([key]) => written.has(key)));
    } catch (error) {
      if (error instanceof DiagramOptionError) throw new Error(`astro.config.mjs: memlane() defaults: ${error.message}\nhint: ${error.hint}`);
      throw error;
    }
  }
  const cache = given.cache ?? 'node_modules/.cache/memlane';
  return {
    cacheDir: cache === false ? false : isAbsolute(cache) ? cache : join(root, cache),
    defaults,
    timeoutMs: given.timeoutMs ?? 10_000,
  };
}
