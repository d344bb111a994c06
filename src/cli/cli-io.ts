// What a `memlane` command reads and writes besides files: the caller's folder, streams and stdin.
// A command run in its own process gets the process's; the resident render server hands each
// request the client's, so concurrent requests never share a working folder or a stream.
import { resolve } from 'node:path';
import { MAX_STDIN_BYTES, readStdinUpTo } from './read-stdin.ts';

export interface CliStream {
  write(chunk: string | Uint8Array): unknown;
}

export interface CliIo {
  /** The folder relative paths are taken from: the caller's, not necessarily this process's. */
  cwd: string;
  stdout: CliStream;
  stderr: CliStream;
  /** All of standard input, read when a command is given "-". */
  readStdin(): Promise<Buffer>;
  /** True in the resident server: the interpreter stays up for the next request instead of closing. */
  resident: boolean;
}

/** A path as given on the command line, made absolute against the caller's folder. */
export const resolveIn = (io: CliIo, path: string) => resolve(io.cwd, path);

/** console.log and console.error, to the caller's streams. */
export const printLine = (io: CliIo, text: string) => io.stdout.write(`${text}\n`);
export const printError = (io: CliIo, text: string) => io.stderr.write(`${text}\n`);

/**
 * This process's own streams. Standard input is read once, when first asked for: a server that asked
 * for it and then failed hands the run here the same bytes.
 */
export function processIo(): CliIo {
  let stdin: Promise<Buffer> | undefined;
  return {
    cwd: process.cwd(),
    stdout: process.stdout,
    stderr: process.stderr,
    readStdin: () => (stdin ??= readStdinUpTo(MAX_STDIN_BYTES)),
    resident: false,
  };
}
