// Runs `memlane` in this process: main(argv, io) with an in-memory io (a working folder, stdout and
// stderr collected, standard input given as text). The interpreter stays up between commands (as in
// the render server) and is closed when the test file ends.
import { after } from 'node:test';
import { main } from '../../src/cli/main.ts';
import { closeSimulator } from '../../src/node/simulator-handle.ts';
import { repoRoot, type CliResult } from './run-cli.ts';

after(() => closeSimulator());

export interface MainOptions {
  /** The caller's folder; the repository by default. */
  cwd?: string;
  /** Standard input, for a snippet given as "-". */
  input?: string | Buffer;
}

/** One command line, as the bin would run it without a server: the exit status and every byte written. */
export async function runMain(args: string[], options: MainOptions = {}): Promise<CliResult> {
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  const collect = (into: Buffer[]) => ({ write: (chunk: string | Uint8Array) => into.push(Buffer.from(chunk)) });
  const input = Buffer.from(options.input ?? '');
  const code = await main(args, {
    cwd: options.cwd ?? repoRoot,
    stdout: collect(out),
    stderr: collect(err),
    readStdin: async () => input,
    resident: true,
  });
  return { code, stdout: Buffer.concat(out), stderr: Buffer.concat(err).toString('utf8') };
}
