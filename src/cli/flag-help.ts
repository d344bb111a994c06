// The option lines of `--help`: each flag with the value it takes, what it does and its default;
// the diagram flags straight from the core option table, so help cannot drift from what is accepted.
import { cliOptionNames, optionTable, type DiagramOptionName, type OptionEntry } from '../core/options/option-table.ts';

export interface FlagHelp {
  flag: string;
  short?: string;
  /** The value the flag takes (FILE, N, svg|png); none for a switch. */
  value?: string;
  does: string;
  default: string;
}

/** Markdown in the option table's words (`last`) reads as plain text in a terminal. */
const plain = (text: string) => text.replace(/`/g, '');

const shown = (value: unknown): string =>
  value === null || (Array.isArray(value) && value.length === 0)
    ? 'none'
    : Array.isArray(value)
      ? value.join(',')
      : String(value);

/** A diagram option as a flag, from its entry in the option table. */
export function diagramFlagHelp(name: DiagramOptionName): FlagHelp {
  const entry = optionTable[name] as OptionEntry<unknown>;
  return {
    flag: entry.fence,
    value: 'VALUE',
    does: `${plain(entry.does)} Accepts: ${plain(entry.values)}.`,
    default: shown(entry.cliDefault ?? entry.default),
  };
}

export const diagramFlagsHelp = (except: DiagramOptionName[] = []): FlagHelp[] =>
  cliOptionNames.filter((name) => !except.includes(name)).map(diagramFlagHelp);

/** Words wrapped to lines of at most `width` characters, each indented by `indent`. */
function wrap(text: string, indent: string, width = 96): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && indent.length + line.length + 1 + word.length > width) {
      lines.push(indent + line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(indent + line);
  return lines.join('\n');
}

/** `  -o, --out FILE` and, indented below, what it does and its default. */
export function formatFlags(flags: FlagHelp[]): string {
  return flags
    .map(
      (f) =>
        `  ${f.short ? `-${f.short}, ` : ''}--${f.flag}${f.value ? ` ${f.value}` : ''}\n` +
        `${wrap(`${f.does} Default: ${f.default}.`, '      ')}`,
    )
    .join('\n');
}
