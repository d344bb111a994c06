// The one way into the `memlane` command, in a checkout and installed: the bin (scripts/memlane.mjs)
// runs this module from the compiled lib/cli. `render` and `trace` are first offered to the resident
// render server of this exact code (only the server/ modules load before it answers); without one,
// the command runs here through main() and a server is started for next time (not for help or a bad
// command line). `memlane server run` is the server's own process.
import { fileURLToPath } from 'node:url';
import { processIo, type CliIo } from './cli-io.ts';
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

/** What launch() reaches: the process's own by default, stand-ins in its unit test. */
export interface LaunchParts {
  io: CliIo;
  env: NodeJS.ProcessEnv;
  packageRoot: string;
  runHere: (argv: string[], io: CliIo) => Promise<number>;
  runResident: (packageRoot: string, io: CliIo) => Promise<number>;
  codeIdentity: typeof codeIdentity;
  runOnServer: typeof runOnServer;
  clientSocket: typeof clientSocket;
  startServer: typeof startServer;
}

const processParts = (): LaunchParts => ({
  io: processIo(),
  env: process.env,
  packageRoot,
  runHere: async (argv, io) => (await import('./main.ts')).main(argv, io),
  runResident: async (root, io) => (await import('./server/resident.ts')).runResidentServer(root, io),
  codeIdentity,
  runOnServer,
  clientSocket,
  startServer,
});

/**
 * Runs one command line; returns its exit status. `binPath` is started again for a server. Post: `server run`
 * is the resident server; a servable command goes to the server of this exact code when one answers, else
 * runs here and then starts that server (unless the command line was bad: exit 2); anything else runs here.
 */
export async function launch(argv: string[], binPath: string, given?: Partial<LaunchParts>): Promise<number> {
  const parts = { ...processParts(), ...given };
  if (!given) endQuietlyOnClosedPipe();
  const { io, env } = parts;
  if (argv.length === 2 && argv[0] === 'server' && argv[1] === 'run') return parts.runResident(parts.packageRoot, io);
  if (!(servable(argv) && serverWanted(env))) return parts.runHere(argv, io);
  const identity = parts.codeIdentity(parts.packageRoot, env);
  const answer = identity ? await parts.runOnServer(identity, argv, io, env) : { fallback: true as const };
  if ('code' in answer) return answer.code;
  const code = await parts.runHere(argv, io);
  if (identity && startsServerAfter(code) && parts.clientSocket(identity, env)) await parts.startServer(binPath);
  return code;
}
