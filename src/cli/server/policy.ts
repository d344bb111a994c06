// When the render server is used: which command lines it answers, whether a client may use or start
// one (MEMLANE_SERVER, CI), and how long a request may take.

/** Seconds without a request before a server leaves, unless MEMLANE_SERVER_IDLE says otherwise. */
export const DEFAULT_IDLE_S = 15 * 60;

/** An environment variable's number of seconds, when it is a positive number; else `fallback`. */
export const envSeconds = (value: string | undefined, fallback: number): number =>
  /^[0-9]+(\.[0-9]+)?$/.test(value ?? '') && Number(value) > 0 ? Number(value) : fallback;

/**
 * The commands the server answers; `--watch` stays in its own process (it is warm already), and a
 * request for help is read, not repeated, so it neither asks nor starts a server.
 */
export function servable(argv: readonly string[]): boolean {
  return (
    (argv[0] === 'render' || argv[0] === 'trace') &&
    !argv.includes('--watch') &&
    !argv.some((arg) => arg === '--help' || arg === '-h')
  );
}

/**
 * Whether a run made here (no server answered) starts one: not after a bad command line (status 2), which is retyped.
 */
export const startsServerAfter = (exitCode: number): boolean => exitCode !== 2;

/**
 * Whether a client may use or start a server: MEMLANE_SERVER=1 says yes and 0 no; unset, yes except
 * under CI (one-off runs, where a server left behind helps no one) and where there are no Unix sockets.
 */
export function serverWanted(env: NodeJS.ProcessEnv = process.env): boolean {
  if (process.platform === 'win32' || env['MEMLANE_SERVER'] === '0') return false;
  const ci = env['CI'];
  return env['MEMLANE_SERVER'] === '1' || !ci || ci === 'false' || ci === '0';
}

/** Milliseconds of the trace time limit the command line asks for (--timeout), or the default. */
function timeLimitMs(argv: readonly string[]): number {
  const index = argv.findIndex((arg) => arg === '--timeout' || arg.startsWith('--timeout='));
  if (index < 0) return 10_000;
  const value = Number(argv[index]!.includes('=') ? argv[index]!.split('=')[1] : argv[index + 1]);
  return Number.isFinite(value) && value > 0 ? Math.min(value, 600_000) : 10_000;
}

/**
 * How long a request may take: its programs' time limits (each file traces in turn) and, to draw them,
 * MEMLANE_SERVER_SLACK seconds (default 60). The server answers a request past it with an error; the
 * client, a little later, gives up on the server.
 */
export function requestLimitMs(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): number {
  const files = Math.max(1, argv.filter((arg) => arg === '-' || arg.endsWith('.py')).length);
  return files * (timeLimitMs(argv) + 2_000) + envSeconds(env['MEMLANE_SERVER_SLACK'], 60) * 1000;
}
