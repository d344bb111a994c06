// The import graph of src/ and components/, read from the files' text: every import and re-export as an
// edge between files, for the floor and circle checks (import-graph.test.ts). No compiler needed.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/** One import: the importing file, the imported file, both relative to the root, and the line. */
export interface ImportEdge {
  from: string;
  to: string;
  line: number;
  specifier: string;
}

/** What a component may import of Memlane: the package's public entries, as the site resolves them. */
const publicEntries: Record<string, string> = {
  memlane: 'src/integration/index.ts',
  'memlane/browser': 'src/browser.ts',
  'memlane/api': 'src/api.ts',
};

const sourceFile = /\.(ts|mts|mjs|js|astro)$/;
// `import x from '...'`, `export { x } from '...'`, `import '...'`, `import('...')`: the specifier.
const importPattern = new RegExp(
  [
    String.raw`(?:\bimport\s*(?:type\s+)?(?:[\w*{}\s,$]+?\s*from\s*)?`,
    String.raw`|\bexport\s+(?:type\s+)?(?:\*(?:\s+as\s+\w+)?|\{[^}]*\})\s*from\s*`,
    String.raw`|\bimport\s*\(\s*)(['"])([^'"\n]+)\1`,
  ].join(''),
  'g',
);

function walk(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? walk(path) : sourceFile.test(name) && !name.endsWith('.d.ts') ? [path] : [];
    });
}

/** Every source file under the folders (Python and declaration files left out), relative to root. */
export function sourceFiles(root: string, folders: string[]): string[] {
  return folders.flatMap((folder) => walk(join(root, folder))).map((path) => relative(root, path));
}

/** The imports written in a file: specifier and 1-based line; comment lines are skipped. */
export function writtenImports(text: string): { specifier: string; line: number }[] {
  const code = text.replace(/^\s*(\/\/|\*|\/\*).*$/gm, (comment) => ' '.repeat(comment.length));
  return [...code.matchAll(importPattern)].map((match) => ({
    specifier: match[2]!,
    line: code.slice(0, match.index).split('\n').length,
  }));
}

/** The file a specifier names, relative to root: a relative path or a public entry; undefined for other packages. */
export function resolveSpecifier(root: string, importer: string, specifier: string): string | undefined {
  if (specifier in publicEntries) return publicEntries[specifier];
  if (!specifier.startsWith('.')) return undefined;
  return relative(root, resolve(root, dirname(importer), specifier));
}

/** Every import of Memlane's own files among `files`. */
export function importEdges(root: string, files: string[]): ImportEdge[] {
  return files.flatMap((from) => {
    const written = writtenImports(readFileSync(join(root, from), 'utf8'));
    return written.flatMap(({ specifier, line }) => {
      const to = resolveSpecifier(root, from, specifier);
      return to === undefined ? [] : [{ from, to, line, specifier }];
    });
  });
}

/** Each circle of files (a strongly connected component of two or more, or a file importing itself), sorted. */
export function circles(edges: ImportEdge[]): string[][] {
  const next = new Map<string, string[]>();
  for (const { from, to } of edges) next.set(from, [...(next.get(from) ?? []), to]);
  // Tarjan's algorithm, iterative so a long chain cannot overflow the stack.
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const found: string[][] = [];
  let counter = 0;
  for (const start of [...next.keys()].sort()) {
    if (index.has(start)) continue;
    const work: [string, number][] = [[start, 0]];
    while (work.length) {
      const top = work.at(-1)!;
      const [node, child] = top;
      if (child === 0) {
        index.set(node, counter);
        low.set(node, counter++);
        stack.push(node);
        onStack.add(node);
      }
      const targets = next.get(node) ?? [];
      if (child < targets.length) {
        top[1]++;
        const target = targets[child]!;
        if (!index.has(target)) work.push([target, 0]);
        else if (onStack.has(target)) low.set(node, Math.min(low.get(node)!, index.get(target)!));
        continue;
      }
      work.pop();
      if (work.length) low.set(work.at(-1)![0], Math.min(low.get(work.at(-1)![0])!, low.get(node)!));
      if (low.get(node) !== index.get(node)) continue;
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1 || targets.includes(node)) found.push(component.sort());
    }
  }
  return found.sort((a, b) => a[0]!.localeCompare(b[0]!));
}
