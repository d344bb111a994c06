// Reading one line of Python without a parser: where its comment starts, which names it binds.

/** Index of the `#` that starts the line's comment, or -1 (a `#` inside a string does not count). */
export function commentStart(line: string): number {
  let quote: string | null = null;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quote) {
      if (ch === '\\') i++;
      else if (line.startsWith(quote, i)) {
        i += quote.length - 1;
        quote = null;
      }
    } else if (ch === '#') {
      return i;
    } else if (ch === '"' || ch === "'") {
      quote = line.startsWith(ch.repeat(3), i) ? ch.repeat(3) : ch;
      i += quote.length - 1;
    }
  }
  return -1;
}

/** The line with string literals blanked out, so their words are not taken for names. */
export function withoutStrings(line: string): string {
  const end = commentStart(line);
  const code = end < 0 ? line : line.slice(0, end);
  return code.replace(/("""|'''|"|')(?:\\.|(?!\1).)*\1/g, (s) => ' '.repeat(s.length));
}

const identifier = '[A-Za-z_]\\w*';

/**
 * Whether the statement on this line binds `name` in its own scope: an assignment target
 * (`=`, augmented `+=` and the like, `:=`), `for ... in`, `as`, `import`, `def`, `class`,
 * not `global`/`nonlocal`/`del`. `x.attr = ...` and `x[0] = ...` bind no name.
 */
export function bindsName(line: string, name: string): boolean {
  const code = withoutStrings(line).trim();
  const n = name.replace(/[^\w]/g, '');
  const bare = new RegExp(`(?<![\\w.])${n}(?!\\w)(?!\\s*[.\\[(])`);
  const patterns = [
    new RegExp(`^(?:async\\s+)?(?:def|class)\\s+${n}\\b`),
    new RegExp(`^(?:async\\s+)?for\\s+(?:(?!\\bin\\b).)*?(?<![\\w.])${n}(?!\\w)(?:(?!\\bin\\b).)*?\\s+in\\b`),
    new RegExp(`\\bas\\s+${n}\\b`),
    new RegExp(`^(?:from\\s+\\S+\\s+)?import\\s+(?:.*,\\s*)?${n}\\s*(?:,|$)`),
    new RegExp(`(?<![\\w.])${n}\\s*:=`),
    new RegExp(`^${n}\\s*(?:\\*\\*|//|>>|<<|[-+*/%@&|^])=`),
  ];
  if (patterns.some((p) => p.test(code))) return true;
  // Subscripts in a target (`grid[i] = ...`) bind neither the container nor the index.
  return assignmentTargets(code).some((t) => bare.test(t.replace(/(?<=[\w\])])\s*\[[^\]]*\]/g, '[]')));
}

/** The target lists of `a = b = value`: every part before the last top-level `=`. */
function assignmentTargets(code: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < code.length; i++) {
    const ch = code[i]!;
    if ('([{'.includes(ch)) depth++;
    else if (')]}'.includes(ch)) depth--;
    else if (ch === '=' && depth === 0 && code[i + 1] !== '=' && !'=!<>:+-*/%@&|^'.includes(code[i - 1] ?? '')) {
      parts.push(code.slice(start, i));
      start = i + 1;
    }
  }
  return parts.filter((p) => new RegExp(`^\\s*${identifier}|^\\s*[(\\[*]`).test(p));
}
