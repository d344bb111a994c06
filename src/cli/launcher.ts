// The one way into the `memlane` command, in a checkout and installed: the bin (scripts/memlane.mjs)
// runs this module from the compiled lib/cli. `render` and `trace` are first offered to the resident
// render server of this exact code (only the server/ modules load before it answers); without one,
// the command runs here through main() and a server is started for next time (not for help or a bad
// command line). `memlane server run` is the server's own process.
import { fileURLToPath } from 'node:url';
import { processIo } from './cli-io.ts';
import { runOnServer, clientSocket, startServer } from './server/client.ts';
import { codeIdentity } from './server/code-identity.ts';
import { servable, serverWanted, startsServerAfter } from './server/policy.ts';

/** The package folder: this module is lib/cli/ (or src/cli/ when a test imports it). */
const packageRoot = fileURLToPath(new URL('../../', import.meta.url));

/**
 * A reader that stops early (`memlane trace x.py | head`) closes the pipe: the command then ends
 * quietly, as Unix tools do, instead of crashing on the next write.
 */
function endQuietlyOnClosedPipe(): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE') throw error;
      process.exit(process.exitCode ?? 0);
    });
  }
}

/** Runs one command line in this process; returns its exit status. `binPath` is started again for a server. */
export async function launch(argv: string[], binPath: string): Promise<number> {
  endQuietlyOnClosedPipe();
  const io = processIo();
  if (argv.length === 2 && argv[0] === 'server' && argv[1] === 'run') {
    const { runResidentServer } = await import('./server/resident.ts');
    return runResidentServer(packageRoot, io);
  }
  const runHere = async () => (await import('./main.ts')).main(argv, io);
  if (!(servable(argv) && serverWanted())) return runHere();
  const identity = codeIdentity(packageRoot);
  const answer = identity ? await runOnServer(identity, argv, io) : { fallback: true as const };
  if ('code' in answer) return answer.code;
  const code = await runHere();
  if (identity && startsServerAfter(code) && clientSocket(identity)) await startServer(binPath);
  return code;
}
