// A compare fence's body -> its programs, each opened by a `# @side LABEL [options]` line, or the
// problem that stops it (code before the first side, one side only, more than three, a label twice).
import { optionNames, optionTable } from '../core/options/option-table.ts';
import type { Problem } from '../core/problems.ts';
import type { WrittenSide } from './types.ts';

/** `# @side LABEL` with optional `key=value` options after the label. */
const sideLine = /^[ \t]*#[ \t]*@side\b[ \t]*(.*)$/;
/** Fence option names: a side line's trailing `name=value` words with these names are its options. */
const fenceNames = new Set(optionNames.map((name) => optionTable[name].fence));

export const MAX_SIDES = 3;

export type SidesRead = { ok: true; sides: WrittenSide[] } | { ok: false; problems: Problem[] };

const problem = (line: number, message: string, hint: string, excerpt?: string): Problem => ({
  kind: 'option',
  line,
  message,
  hint,
  ...(excerpt !== undefined ? { excerpt } : {}),
});

/** Whether the code holds a `# @side` line (the playground opens such code as a comparison). */
export function hasSides(code: string): boolean {
  return code.split(/\r?\n/).some((line) => sideLine.test(line));
}

export function splitSides(body: string): SidesRead {
  const lines = body.replace(/\r\n?/g, '\n').split('\n');
  const sides: (WrittenSide & { lines: string[]; sideLine: number })[] = [];
  for (const [index, text] of lines.entries()) {
    const opened = sideLine.exec(text);
    if (!opened) {
      if (sides.length) sides.at(-1)!.lines.push(text);
      else if (text.trim() !== '' && !/^\s*#/.test(text)) {
        return fail(index + 1, 'code before the first `# @side` line', text);
      }
      continue;
    }
    const { label, meta } = readSideLine(opened[1]!);
    if (!label) return fail(index + 1, 'a `# @side` line without a label', text);
    const twice = sides.find((side) => side.label === label);
    if (twice) {
      return {
        ok: false,
        problems: [problem(index + 1, `the label "${label}" is used twice`, 'give each side its own label', text)],
      };
    }
    sides.push({ label, meta, written: '', firstLine: index + 2, lines: [], sideLine: index + 1 });
  }
  if (sides.length < 2) {
    return {
      ok: false,
      problems: [
        problem(
          sides[0]?.sideLine ?? 0,
          sides.length ? 'a comparison needs a second `# @side`' : 'a compare fence has no `# @side` line',
          'open each program with a line `# @side LABEL`, e.g. `# @side copy.copy`, then `# @side copy.deepcopy`',
        ),
      ],
    };
  }
  if (sides.length > MAX_SIDES) {
    return {
      ok: false,
      problems: [
        problem(sides[MAX_SIDES]!.sideLine, `a comparison has at most ${MAX_SIDES} sides`, 'compare fewer programs'),
      ],
    };
  }
  return {
    ok: true,
    sides: sides.map(({ label, meta, firstLine, lines: code }) => ({ label, meta, firstLine, written: trimEnd(code) })),
  };
}

/** `LABEL [option=value ...]`: trailing words that set a known option are options, the rest the label. */
function readSideLine(text: string): { label: string; meta: string } {
  const words = text.trim().split(/\s+/).filter(Boolean);
  const options: string[] = [];
  while (words.length > 1 && fenceNames.has(/^([\w-]+)=/.exec(words.at(-1)!)?.[1] ?? '')) options.unshift(words.pop()!);
  return { label: words.join(' ').replace(/^(["'])(.*)\1$/, '$2'), meta: options.join(' ') };
}

/** Blank lines between one side and the next `# @side` belong to neither. */
function trimEnd(lines: string[]): string {
  const kept = [...lines];
  while (kept.length && kept.at(-1)!.trim() === '') kept.pop();
  return kept.join('\n');
}

function fail(line: number, message: string, excerpt: string): SidesRead {
  return {
    ok: false,
    problems: [problem(line, message, 'open each program with a line `# @side LABEL`, e.g. `# @side before`', excerpt)],
  };
}
