// Option strings (keyed by option name, from any surface) -> checked DiagramOptions, or the
// problems worded in the surface's own spelling. One schema per option, from the option table.
import type { Problem } from '../problems.ts';
import { editDistance } from './edit-distance.ts';
import {
  defaultDiagramOptions,
  optionNames,
  optionTable,
  type DiagramOptionName,
  type DiagramOptions,
  type OptionEntry,
  type Say,
} from './option-table.ts';

/** How a surface spells options: `step` and `step=4` in a fence, `--step` and `--step 4` on the command line. */
export interface Spelling {
  name: (option: DiagramOptionName) => string;
  say: Say;
}

const fenceOf = (option: string) => optionTable[option as DiagramOptionName]?.fence ?? option;

export const fenceSpelling: Spelling = {
  name: (option) => `"${fenceOf(option)}"`,
  say: (option, value) => `${fenceOf(option)}=${value}`,
};

export const flagSpelling: Spelling = {
  name: (option) => `--${fenceOf(option)}`,
  say: (option, value) => `--${fenceOf(option)} ${value}`,
};

/** The hint for a bad value of `option`. */
export function optionHint(option: DiagramOptionName, spelling: Spelling): string {
  return `use ${optionTable[option].hint(spelling.say)}`;
}

/** The candidates within two edits of `given` (or that it starts), nearest first. */
export function nearestNames(given: string, candidates: readonly string[]): string[] {
  const plain = given.toLowerCase();
  return candidates
    .map((name) => ({ name, distance: editDistance(plain, name.toLowerCase()) }))
    .filter(({ name, distance }) => distance <= 2 || (plain.length >= 3 && name.startsWith(plain)))
    .sort((a, b) => a.distance - b.distance)
    .map(({ name }) => name);
}

export type OptionsRead = { ok: true; options: DiagramOptions } | { ok: false; problems: Problem[] };

/** Checks every given string against its option's schema and fills in `defaults`. */
export function readDiagramOptions(
  raw: Partial<Record<DiagramOptionName, string>>,
  spelling: Spelling,
  defaults: Partial<DiagramOptions> = {},
): OptionsRead {
  const options = { ...defaultDiagramOptions, ...defaults } as Record<DiagramOptionName, unknown>;
  const problems: Problem[] = [];
  for (const name of optionNames) {
    const value = raw[name];
    if (value === undefined) continue;
    const parsed = (optionTable[name] as OptionEntry<unknown>).schema.safeParse(value);
    if (parsed.success) options[name] = parsed.data;
    else
      problems.push({
        kind: 'option',
        option: name,
        line: 0,
        message: `bad value for ${spelling.name(name)}: "${value}"`,
        hint: optionHint(name, spelling),
      });
  }
  return problems.length ? { ok: false, problems } : { ok: true, options: options as DiagramOptions };
}

/** A value given as a prop or memlane() default (number, list, boolean) as the string a fence would have. */
export function propToString(name: DiagramOptionName, value: unknown): string {
  if (Array.isArray(value)) return value.map(String).join(',');
  if (typeof value === 'boolean' && name === 'exited') return value ? 'show' : 'hide';
  return String(value);
}

/** Props keyed by option name or fence spelling -> option strings; unknown keys become problems with "did you mean". */
export function propsToRawOptions(
  props: Record<string, unknown>,
  what: string,
): { raw: Partial<Record<DiagramOptionName, string>>; problems: Problem[] } {
  const byFence = new Map(optionNames.map((name) => [optionTable[name].fence, name]));
  const raw: Partial<Record<DiagramOptionName, string>> = {};
  const problems: Problem[] = [];
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === null) continue;
    const name = (optionNames as string[]).includes(key) ? (key as DiagramOptionName) : byFence.get(key);
    if (!name) {
      const near = nearestNames(key, optionNames);
      problems.push({
        kind: 'option',
        line: 0,
        message: `unknown ${what} "${key}"`,
        hint: `${near.length ? `did you mean "${near[0]}"? ` : ''}known options: ${optionNames.join(', ')}`,
      });
      continue;
    }
    raw[name] = propToString(name, value);
  }
  return { raw, problems };
}
