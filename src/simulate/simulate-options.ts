// Simulator options: validated once with one zod schema, then filled with the defaults.
import { z } from 'zod';

export interface SimulateOptions {
  /** Steps recorded before the snippet is stopped with StepLimitError. Default 1000. */
  maxSteps?: number;
  /** Wall-clock limit in milliseconds before TimeLimitError. Default 10 000. */
  timeoutMs?: number;
  /** Characters of stdout before OutputLimitError. Default 100 000. */
  maxOutput?: number;
  /** Mebibytes the snippet's heap may grow by before MemoryLimitError. Default 256. */
  maxMemoryMb?: number;
  /** Show imported modules and names bound to them. Default false. */
  showModules?: boolean;
  /** Name of the snippet's file, only for messages. */
  filename?: string;
}

export type ResolvedOptions = Required<Omit<SimulateOptions, 'filename'>> & { filename: string | undefined };

export const defaultOptions = {
  maxSteps: 1000,
  timeoutMs: 10_000,
  maxOutput: 100_000,
  maxMemoryMb: 256,
  showModules: false,
} as const;

/** The memory limit in one place: its name, default (above), bounds and the hint its error gives. */
export const memoryLimit = {
  option: 'maxMemoryMb',
  flag: '--max-memory',
  minimum: 16,
  /** 32-bit WebAssembly cannot address more than 4 GiB. */
  maximum: 3_072,
} as const;

const wholeNumber = (name: string, minimum: number, maximum: number) =>
  z
    .number({ invalid_type_error: `${name} must be a whole number` })
    .int(`${name} must be a whole number`)
    .min(minimum, `${name} must be from ${minimum} to ${maximum}`)
    .max(maximum, `${name} must be from ${minimum} to ${maximum}`);

const optionsSchema = z
  .object({
    maxSteps: wholeNumber('maxSteps', 1, 1_000_000),
    timeoutMs: wholeNumber('timeoutMs', 1, 600_000),
    maxOutput: wholeNumber('maxOutput', 0, 100_000_000),
    maxMemoryMb: wholeNumber('maxMemoryMb', memoryLimit.minimum, memoryLimit.maximum),
    showModules: z.boolean({ invalid_type_error: 'showModules must be true or false' }),
    filename: z.string({ invalid_type_error: 'filename must be a string' }),
  })
  .partial()
  .strict();

export class SimulateOptionsError extends TypeError {}

/** One problem in words: the option named, with what it got when the value was wrong. */
function describeIssue(issue: z.ZodIssue, given: Record<string, unknown>): string {
  if (issue.code === 'unrecognized_keys')
    return `unknown option${issue.keys.length > 1 ? 's' : ''} ${issue.keys.join(', ')}`;
  const name = String(issue.path[0] ?? 'options');
  return `${issue.message} (got ${JSON.stringify(given[name]) ?? String(given[name])})`;
}

export function resolveOptions(given: SimulateOptions = {}): ResolvedOptions {
  // An option passed as undefined means "not given": the default applies.
  const options = Object.fromEntries(
    Object.entries(given).filter(([, value]) => value !== undefined),
  ) as SimulateOptions;
  const parsed = optionsSchema.safeParse(options);
  if (!parsed.success) {
    const problems = parsed.error.issues
      .map((issue) => describeIssue(issue, options as Record<string, unknown>))
      .join('; ');
    throw new SimulateOptionsError(
      `invalid simulator options: ${problems}\nhint: the options are maxSteps, timeoutMs, maxOutput, ` +
        `maxMemoryMb (whole numbers), showModules (boolean) and filename`,
    );
  }
  return { ...defaultOptions, ...options, filename: options.filename };
}
