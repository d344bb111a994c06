// The `memlane` command: dispatches to one module per subcommand, loaded on demand.
export interface Command {
  summary: string;
  usage: string;
  /** Returns the process exit code. */
  run(args: string[]): Promise<number>;
}

const commands: Record<string, () => Promise<{ command: Command }>> = {
  trace: () => import('./trace-command.ts'),
  render: () => import('./render-command.ts'),
  init: () => import('./init-command.ts'),
};

export class UsageError extends Error {}

export async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    console.log(await helpText());
    return name ? 0 : 2;
  }
  if (name === '--version' || name === '-v') {
    const { default: pkg } = await import('../../package.json', { with: { type: 'json' } });
    console.log(pkg.version);
    return 0;
  }
  const load = commands[name];
  if (!load) {
    console.error(`memlane: unknown command "${name}"\nhint: the commands are ${Object.keys(commands).join(', ')}; run "memlane --help".`);
    return 2;
  }
  const { command } = await load();
  if (args.includes('--help') || args.includes('-h')) {
    console.log(command.usage);
    return 0;
  }
  try {
    return await command.run(args);
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`memlane ${name}: ${error.message}\n\n${command.usage}`);
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
  lines.push('', 'Run "memlane <command> --help" for its options.');
  return lines.join('\n');
}
