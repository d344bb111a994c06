// `memlane trace FILE.py ...`: prints the trace v1 JSON of each file (JSON Lines for several).
// --max-steps is the diagram option of the same name (same schema, limit and hint as in a fence).
import { joinNegativeValues } from '../core/options/negative-values.ts';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { optionTable } from '../core/options/option-table.ts';
import { flagSpelling, nearestNames, optionHint } from '../core/options/read-options.ts';
import { defaultOptions, type SimulateOptions } from '../simulate/simulate-options.ts';
import type { Trace } from '../trace/types.ts';
import { printError, type CliIo } from './cli-io.ts';
import { UsageError, type Command } from './command.ts';
import { diagramFlagHelp, formatFlags, type FlagHelp } from './flag-help.ts';

const simulatorFlagsHelp: FlagHelp[] = [
  {
    flag: 'timeout',
    value: 'MS',
    does: 'Wall-clock limit per file, in milliseconds (at most 600000).',
    default: String(defaultOptions.timeoutMs),
  },
  {
    flag: 'max-output',
    value: 'N',
    does: 'Characters of output per file (at most 100000000).',
    default: String(defaultOptions.maxOutput),
  },
  { flag: 'show-modules', does: 'Show imported modules and the names bound to them.', default: 'off' },
];

const usage = `Usage: memlane trace FILE.py [FILE2.py ...] [options]

Runs each file in CPython (Pyodide) under the tracer and prints its trace (format v1) as JSON;
several files share one interpreter and print one JSON document per line. "-" reads stdin.

Examples:
  memlane trace snippet.py > trace.json                    # the raw trace (format v1)
  memlane trace a.py b.py --max-steps 5000 > traces.jsonl

Options:
${formatFlags([diagramFlagHelp('maxSteps'), diagramFlagHelp('maxMemory'), ...simulatorFlagsHelp])}

Exit status: 0 when every file ran to its end, 1 when one stopped on an error or a limit,
2 for a file that cannot be read (missing, not UTF-8) or a bad option.`;

interface TraceArgs {
  files: string[];
  options: SimulateOptions;
}

const count = (max: number) =>
  z
    .string()
    .regex(/^[1-9][0-9]*$/)
    .transform(Number)
    .pipe(z.number().int().max(max));
/** Flags of the trace command beside --max-steps: [simulator option, schema, hint]. */
const simulatorFlags = {
  timeout: ['timeoutMs', count(600_000), '--timeout 20000 (milliseconds, at most 600000)'],
  'max-output': ['maxOutput', count(100_000_000), '--max-output 500000 (characters, at most 100000000)'],
} as const;
const flags = ['max-steps', 'max-memory', ...Object.keys(simulatorFlags), 'show-modules'];

export function parseTraceArgs(args: string[]): TraceArgs {
  let parsed;
  try {
    const options = {
      'max-steps': { type: 'string' },
      'max-memory': { type: 'string' },
      timeout: { type: 'string' },
      'max-output': { type: 'string' },
      'show-modules': { type: 'boolean' },
    } as const;
    parsed = parseArgs({ args: joinNegativeValues(args, options), allowPositionals: true, strict: true, options });
  } catch (error) {
    const flag = /'(-[^' ,]+)/.exec((error as Error).message)?.[1] ?? '';
    if ((error as { code?: string }).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
      const near = nearestNames(flag.replace(/^-+/, ''), flags);
      throw new UsageError(
        `unknown option ${flag}`,
        `${near.length ? `did you mean --${near[0]}? ` : ''}the options are ${flags.map((f) => `--${f}`).join(', ')}`,
      );
    }
    throw new UsageError(`${flag} needs a value`);
  }
  const { values, positionals } = parsed;
  const options: SimulateOptions = {};
  if (values['max-steps'] !== undefined) {
    const steps = optionTable.maxSteps.schema.safeParse(values['max-steps']);
    if (!steps.success)
      throw new UsageError(
        `--max-steps "${values['max-steps']}" is not valid: ${optionHint('maxSteps', flagSpelling)}`,
      );
    options.maxSteps = steps.data;
  }
  if (values['max-memory'] !== undefined) {
    const memory = optionTable.maxMemory.schema.safeParse(values['max-memory']);
    if (!memory.success)
      throw new UsageError(
        `--max-memory "${values['max-memory']}" is not valid: ${optionHint('maxMemory', flagSpelling)}`,
      );
    options.maxMemoryMb = memory.data;
  }
  for (const [flag, [key, schema, hint]] of Object.entries(simulatorFlags)) {
    const given = values[flag as keyof typeof simulatorFlags];
    if (given === undefined) continue;
    const value = schema.safeParse(given);
    if (!value.success) throw new UsageError(`--${flag} "${given}" is not valid: use ${hint}`);
    options[key] = value.data;
  }
  if (values['show-modules']) options.showModules = true;
  if (positionals.length === 0) throw new UsageError('name at least one Python file (or - for stdin)');
  return { files: positionals, options };
}

function describeFailure(name: string, trace: Trace): string {
  const error = trace.error!;
  return `memlane trace: ${error.line ? `${name}:${error.line}` : name}: ${error.type}: ${error.message}`;
}

export const command: Command = {
  summary: 'print the memory trace (JSON) of Python files',
  usage,
  async run(args: string[], io: CliIo) {
    const { files, options } = parseTraceArgs(args);
    const [{ readSource, shownName, SourceReadError }, { processSimulator, closeSimulator }] = await Promise.all([
      import('../node/read-source.ts'),
      import('../node/simulator-handle.ts'),
    ]);
    let sources: (readonly [string, string])[];
    try {
      sources = await Promise.all(files.map(async (file) => [file, await readSource(file, io)] as const));
    } catch (error) {
      if (!(error instanceof SourceReadError)) throw error;
      printError(io, `memlane trace: ${error.message}\nhint: ${error.hint}`);
      return 2;
    }
    let status = 0;
    try {
      const simulator = await processSimulator();
      for (const [file, source] of sources) {
        const trace = await simulator.trace(source, { ...options, filename: file });
        io.stdout.write(`${JSON.stringify(trace)}\n`);
        if (trace.error) {
          status = 1;
          printError(io, describeFailure(shownName(file), trace));
        }
      }
    } finally {
      if (!io.resident) await closeSimulator();
    }
    return status;
  },
};
