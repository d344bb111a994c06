// The `memlane` command: dispatches to one module per subcommand, loaded on demand; --help and
// `memlane help COMMAND` print a command's usage, a bad command line ends with status 2 and a hint.
import { nearestNames } from '../core/options/read-options.ts';
import { printError, printLine, processIo, type CliIo } from './cli-io.ts';
import { UsageError, type Command } from './command.ts';

export { UsageError, type Command } from './command.ts';
export { processIo, type CliIo } from './cli-io.ts';

const commands: Record<string, () => Promise<{ command: Command }>> = {
  trace: () => import('./trace-command.ts'),
  render: () => import('./render-command.ts'),
  init: () => import('./init-command.ts'),
  server: () => import('./server/command.ts'),
};

const helpFlags = ['--help', '-h'];

function didYouMean(given: string, candidates: string[]): string {
  const near = nearestNames(given, candidates);
  return near.length ? `did you mean "${near[0]}"? ` : '';
}

function unknownCommand(io: CliIo, name: string): number {
  const names = Object.keys(commands);
  printError(
    io,
    `memlane: unknown command "${name}"\nhint: ${didYouMean(name, names)}the commands are ` +
      `${names.join(', ')}; run "memlane --help"`,
  );
  return 2;
}

/** Runs one command line; `io` is the caller's folder and streams (this process's by default). */
export async function main(argv: string[], io: CliIo = processIo()): Promise<number> {
  const [name, ...args] = argv;
  if (!name || helpFlags.includes(name)) {
    printLine(io, await helpText());
    return name ? 0 : 2;
  }
  if (name === 'help') {
    if (!args[0]) {
      printLine(io, await helpText());
      return 0;
    }
    const load = commands[args[0]];
    if (!load) return unknownCommand(io, args[0]);
    printLine(io, (await load()).command.usage);
    return 0;
  }
  if (name === '--version' || name === '-v') {
    const { default: pkg } = await import('../../package.json', { with: { type: 'json' } });
    printLine(io, pkg.version);
    return 0;
  }
  const load = commands[name];
  if (!load) return unknownCommand(io, name);
  const { command } = await load();
  if (args.some((arg) => helpFlags.includes(arg))) {
    printLine(io, command.usage);
    return 0;
  }
  try {
    return await command.run(args, io);
  } catch (error) {
    if (error instanceof UsageError) {
      printError(
        io,
        `memlane ${name}: ${error.message}${error.hint ? `\nhint: ${error.hint}` : ''}\n(run "memlane ` +
          `${name} --help" for every option)`,
      );
      return 2;
    }
    throw error;
  }
}

async function helpText(): Promise<string> {
  const lines = ['Usage: memlane <command> [options]', '', 'Commands:'];
  for (const [name, load] of Object.entries(commands)) {
    const { command } = await load();
    lines.push(`  ${name.padEnd(8)} ${command.summary}`);
  }
  lines.push(
    '',
    'Examples:',
    '  memlane render snippet.py -o diagram.svg',
    '  memlane trace snippet.py > trace.json',
    '',
    'Run "memlane help <command>" or "memlane <command> --help" for its options.',
  );
  return lines.join('\n');
}
