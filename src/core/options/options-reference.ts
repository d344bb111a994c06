// The reference tables of the diagram options, made from the option table, so the pages that list
// them (fence options, <MemoryDiagram> props, memlane render flags) cannot drift from what is accepted.
import { cliOptionNames, optionNames, optionTable, type OptionEntry } from './option-table.ts';

const code = (value: unknown) =>
  value === null || (Array.isArray(value) && value.length === 0)
    ? 'none'
    : `\`${Array.isArray(value) ? value.join(',') : String(value)}\``;
const entryOf = (name: (typeof optionNames)[number]) => optionTable[name] as OptionEntry<unknown>;

/** Which page a table is for: fence meta, component props or CLI flags. */
export type ReferenceSurface = 'fence' | 'prop' | 'flag';

const headers: Record<ReferenceSurface, string> = {
  fence: '| Option | Values | Default | What it does |\n| --- | --- | --- | --- |',
  prop: '| Prop | Values | Same as fence option | What it does |\n| --- | --- | --- | --- |',
  flag: '| Option | Values | Default | What it does |\n| --- | --- | --- | --- |',
};

function row(surface: ReferenceSurface, name: (typeof optionNames)[number]): string {
  const entry = entryOf(name);
  const does = entry.does.replace(/\|/g, '\\|');
  if (surface === 'fence') return `| \`${entry.fence}\` | ${entry.values} | ${code(entry.default)} | ${does} |`;
  if (surface === 'prop')
    return (
      `| \`${name}\`${entry.fence !== name ? ` / \`${entry.fence}\`` : ''} | ${entry.values}` +
      `${name === 'hide' ? ', or an array' : ''}${name === 'exited' ? ', or a boolean' : ''} | \`` +
      `${entry.fence}\` | ${does} |`
    );
  return `| \`--${entry.fence}\` | ${entry.values} | ${code(entry.cliDefault ?? entry.default)} | ${does} |`;
}

export function optionsReferenceTable(surface: ReferenceSurface): string {
  return [
    headers[surface],
    ...(surface === 'flag' ? cliOptionNames : optionNames).map((name) => row(surface, name)),
  ].join('\n');
}

/** Markers around a generated table in a page: `{/* options:fence *\/}` (MDX) or `<!-- options:flag -->` (Markdown). */
export function replaceGenerated(page: string, surface: ReferenceSurface, mdx: boolean): string {
  const [open, close] = mdx
    ? [`{/* options:${surface} */}`, `{/* /options:${surface} */}`]
    : [`<!-- options:${surface} -->`, `<!-- /options:${surface} -->`];
  const start = page.indexOf(open);
  const end = page.indexOf(close);
  if (start < 0 || end < start) throw new Error(`the page has no ${open} ... ${close} markers`);
  return `${page.slice(0, start + open.length)}\n${optionsReferenceTable(surface)}\n${page.slice(end)}`;
}
