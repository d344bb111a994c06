// What every `memlane` subcommand is, and the one error for a bad command line (exit status 2).
import type { CliIo } from './cli-io.ts';

export interface Command {
  summary: string;
  /** The whole of `memlane <command> --help`. */
  usage: string;
  /** Returns the process exit code; reads and writes through `io` (paths relative to io.cwd). */
  run(args: string[], io: CliIo): Promise<number>;
}

/** A mistake on the command line; `hint` says what would be accepted. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(message);
  }
}
