// `memlane trace FILE.py ...`: prints the trace v1 JSON of each file (JSON Lines for several).
import { readFile } from 'node:fs/promises';
import type { Command } from './main.ts';
import { UsageError } from './main.ts';
import { createSimulator, memoryLimit, type SimulateOptions } from '../simulate/index.ts';
import { decodeSource, SourceEncodingError } from '../simulate/decode-source.ts';
import type { Trace } from '../trace/types.ts';

const usage = `Usage: memlane trace FILE.py [FILE2.py ...] [options]

Runs each file in CPython (Pyodide) under the tracer and prints its trace (format v1) as JSON;
several files share one interpreter and print one JSON document per line. "-" reads stdin.
Exit status: 0 when every file ran to its end, 1 when one stopped on an error or a limit,
2 for a file that cannot be read (missing, not UTF-8) or a bad option.

Options:
  --max-steps N     stop after N steps (default 1000)
  --timeout MS      wall-clock limit per file in milliseconds (default 10000)
  --max-output N    characters of output per file (default 100000)
  --max-memory MB   mebibytes the snippet's heap may grow by (default 256)
  --show-modules    show imported modules and the names bound to them`;

class UnreadableFileError extends Error {}

interface TraceArgs {
  files: string[];
  options: SimulateOptions;
}

function positiveInteger(flag: string, value: string | undefined): number {
  if (value === undefined || !/^\d+$/.test(value) || Number(value) < 1) {
    throw new UsageError(`${flag} needs a positive whole number, got ${value === undefined ? 'nothing' : JSON.stringify(value)}`);
  }
  return Number(value);
}

export function parseTraceArgs(args: string[]): TraceArgs {
  const files: string[] = [];
  const options: SimulateOptions = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = () => inline ?? args[++i];
    if (flag === '--max-steps') options.maxSteps = positiveInteger(flag, value());
    else if (flag === '--timeout') options.timeoutMs = positiveInteger(flag, value());
    else if (flag === '--max-output') options.maxOutput = positiveInteger(flag, value());
    else if (flag === memoryLimit.flag) options.maxMemoryMb = positiveInteger(flag, value());
    else if (flag === '--show-modules') options.showModules = true;
    else if (arg.startsWith('-') && arg !== '-') throw new UsageError(`unknown option ${arg}`);
    else files.push(arg);
  }
  if (files.length === 0) throw new UsageError('name at least one Python file (or - for stdin)');
  return { files, options };
}

async function readSource(file: string): Promise<string> {
  let bytes: Buffer;
  if (file === '-') {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    bytes = Buffer.concat(chunks);
  } else {
    try {
      bytes = await readFile(file);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : (error as Error).message;
      throw new UnreadableFileError(`cannot read ${file}: ${why}\nhint: check the path; use - to read the program from stdin`);
    }
  }
  try {
    return decodeSource(bytes);
  } catch (error) {
    if (!(error instanceof SourceEncodingError)) throw error;
    const name = file === '-' ? '<stdin>' : file;
    throw new UnreadableFileError(`${name}:${error.line}: ${error.message}\nhint: save the file as UTF-8`);
  }
}

function describeFailure(file: string, trace: Trace): string {
  const error = trace.error!;
  const name = file === '-' ? '<stdin>' : file;
  const where = error.line ? `${name}:${error.line}` : name;
  return `memlane trace: ${where}: ${error.type}: ${error.message}`;
}

export const command: Command = {
  summary: 'print the memory trace (JSON) of Python files',
  usage,
  async run(args) {
    const { files, options } = parseTraceArgs(args);
    let sources: (readonly [string, string])[];
    try {
      sources = await Promise.all(files.map(async (file) => [file, await readSource(file)] as const));
    } catch (error) {
      if (!(error instanceof UnreadableFileError)) throw error;
      console.error(`memlane trace: ${error.message}`);
      return 2;
    }
    const simulator = await createSimulator();
    let status = 0;
    try {
      for (const [file, source] of sources) {
        const trace = await simulator.trace(source, { ...options, filename: file });
        process.stdout.write(JSON.stringify(trace) + '\n');
        if (trace.error) {
          status = 1;
          console.error(describeFailure(file, trace));
        }
      }
    } finally {
      await simulator.close();
    }
    return status;
  },
};
