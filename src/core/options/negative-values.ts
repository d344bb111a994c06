// Command lines where a flag's value is a negative number: node:util parseArgs reads `--fit-width -5`
// as two flags, so the value is joined to its flag first and the option's own check can say what is wrong.
import type { ParseArgsConfig } from 'node:util';

/** Post: `args` with every `--name -N` (name a string option, N a number) written `--name=-N`. */
export function joinNegativeValues(args: string[], options: ParseArgsConfig['options'] = {}): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const next = args[i + 1];
    const name = arg.startsWith('--') && !arg.includes('=') ? arg.slice(2) : undefined;
    if (name && options[name]?.type === 'string' && next !== undefined && /^-\d/.test(next)) {
      out.push(`${arg}=${next}`);
      i++;
    } else out.push(arg);
  }
  return out;
}
