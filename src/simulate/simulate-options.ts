// Simulator options: validated once with a JSON Schema, then filled with the defaults.
import { Ajv, type ValidateFunction } from 'ajv';

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

export const defaultOptions = { maxSteps: 1000, timeoutMs: 10_000, maxOutput: 100_000, maxMemoryMb: 256, showModules: false } as const;

/** The memory limit in one place: its name, default (above), bounds and the hint its error gives. */
export const memoryLimit = {
  option: 'maxMemoryMb',
  flag: '--max-memory',
  minimum: 16,
  /** 32-bit WebAssembly cannot address more than 4 GiB. */
  maximum: 3_072,
} as const;

const optionsSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    maxSteps: { type: 'integer', minimum: 1, maximum: 1_000_000 },
    timeoutMs: { type: 'integer', minimum: 1, maximum: 600_000 },
    maxOutput: { type: 'integer', minimum: 0, maximum: 100_000_000 },
    maxMemoryMb: { type: 'integer', minimum: memoryLimit.minimum, maximum: memoryLimit.maximum },
    showModules: { type: 'boolean' },
    filename: { type: 'string' },
  },
} as const;

/** Compiled on first use: compiling takes tens of milliseconds, which would delay every importer's start (the CLI's above all). */
let compiled: ValidateFunction | undefined;
const optionsValidator = () => (compiled ??= new Ajv({ allErrors: true }).compile(optionsSchema));

export class SimulateOptionsError extends TypeError {}

export function resolveOptions(given: SimulateOptions = {}): ResolvedOptions {
  // An option passed as undefined means "not given": the default applies.
  const options = Object.fromEntries(Object.entries(given).filter(([, value]) => value !== undefined)) as SimulateOptions;
  const validate = optionsValidator();
  if (!validate(options)) {
    const problems = (validate.errors ?? [])
      .map((e) => `${e.instancePath.slice(1) || 'options'} ${e.message}${e.params && 'additionalProperty' in e.params ? ` (${String(e.params.additionalProperty)})` : ''}`)
      .join('; ');
    throw new SimulateOptionsError(
      `invalid simulator options: ${problems}\nhint: the options are maxSteps, timeoutMs, maxOutput, maxMemoryMb (positive integers), showModules (boolean) and filename`,
    );
  }
  return { ...defaultOptions, ...options, filename: options.filename };
}
