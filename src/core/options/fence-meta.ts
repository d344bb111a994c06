// A fence's meta (`memory step=3 title="Two names"`) -> option strings keyed by option name, or
// problems that name the option and suggest the nearest spelling.
import type { Problem } from '../problems.ts';
import { fenceSpelling, nearestNames, optionHint } from './read-options.ts';
import { optionNames, optionTable, type DiagramOptionName } from './option-table.ts';

const fenceNames = new Map(optionNames.map((name) => [optionTable[name].fence, name]));
const fenceList = optionNames.map((name) => optionTable[name].fence);

const problem = (message: string, hint: string): Problem => ({ kind: 'option', line: 0, message, hint });

export type MetaRead =
  | { ok: true; raw: Partial<Record<DiagramOptionName, string>>; compare?: true }
  | { ok: false; problems: Problem[] };

export function readFenceMeta(meta: string): MetaRead {
  const raw: Partial<Record<DiagramOptionName, string>> = {};
  let compare = false;
  const token = /\s*([^\s=]+)(?:=(?:"([^"]*)"|'([^']*)'|([^\s"']*)))?/y;
  let rest = meta.trim();
  if (!/^memory(\s|$)/.test(rest))
    return {
      ok: false,
      problems: [
        problem(`the fence meta must start with "memory", got "${meta}"`, 'write ```python memory key=value ...'),
      ],
    };
  rest = rest.slice('memory'.length);
  while (token.lastIndex < rest.length) {
    const start = token.lastIndex;
    const match = token.exec(rest);
    if (!match || match[0].trim() === '') {
      if (rest.slice(start).trim() === '') break;
      return {
        ok: false,
        problems: [
          problem(
            `cannot read "${rest.slice(start).trim()}" in the fence meta`,
            'options are key=value; quote values with spaces: title="Two names"',
          ),
        ],
      };
    }
    const [, key, doubleQuoted, singleQuoted, bare] = match;
    const value = doubleQuoted ?? singleQuoted ?? bare;
    const name = fenceNames.get(key!);
    // `compare`, a flag: the fence holds two or three programs, each opened by `# @side LABEL`.
    if (key === 'compare' && value === undefined && !compare) {
      compare = true;
      continue;
    }
    if (!name) {
      if (value === undefined) {
        return {
          ok: false,
          problems: [
            problem(
              `cannot read "${key}" in the fence meta: options are key=value`,
              'lists take no spaces (hide=a,b); quote values that have spaces (title="Two names")',
            ),
          ],
        };
      }
      const near = nearestNames(key!, fenceList);
      return {
        ok: false,
        problems: [
          problem(
            `unknown diagram option "${key}"`,
            `${near.length ? `did you mean "${near[0]}"? ` : ''}known options: ${fenceList.join(', ')}`,
          ),
        ],
      };
    }
    if (value === undefined)
      return {
        ok: false,
        problems: [problem(`"${key}" has no value`, `write ${key}=value; ${optionHint(name, fenceSpelling)}`)],
      };
    if (name in raw) return { ok: false, problems: [problem(`"${key}" is given twice`, 'keep one of them')] };
    if (value === '' && doubleQuoted === undefined && singleQuoted === undefined) {
      return { ok: false, problems: [problem(`"${key}=" has no value`, optionHint(name, fenceSpelling))] };
    }
    raw[name] = value;
  }
  return compare ? { ok: true, raw, compare: true } : { ok: true, raw };
}
