// The hostile corpus: snippets an author or a reader's pull request could contain, with the outcome
// each must end in (tests/fixtures/hostile/expected.json), and its site, built once per test run.
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { builtSite, repoRoot, type GeneratedPages } from '../site/site-build.ts';

export interface HostileExpectation {
  /** The error type the run must end with, or null for a clean run. */
  error: string | null;
  line?: number | null;
  stdout?: string;
  /** A host path the snippet tries to create: it must not exist afterwards. */
  hostFile?: string;
}

export const hostileDir = join(repoRoot, 'tests/fixtures/hostile');

export const hostileCorpus: [file: string, expected: HostileExpectation][] = Object.entries(
  JSON.parse(readFileSync(join(hostileDir, 'expected.json'), 'utf8')) as Record<string, HostileExpectation>,
);

export function hostileSource(file: string): string {
  return readFileSync(join(hostileDir, file), 'utf8');
}

/** Every snippet file has an expectation, and every expectation a file. */
export function unmatchedHostileFiles(): string[] {
  const files = readdirSync(hostileDir).filter((f) => f.endsWith('.py'));
  const named = new Set(hostileCorpus.map(([file]) => file));
  return [...files.filter((f) => !named.has(f)), ...[...named].filter((f) => !files.includes(f))];
}

/** Snippets with no steps to draw (they never started) or that need the uninterruptible time limit. */
const notDrawable = new Set(['SyntaxError', 'TimeLimitError']);
/** The snippets the corpus site draws, one fence each. */
export const drawnHostileCorpus = hostileCorpus.filter(([, expected]) => !notDrawable.has(expected.error ?? ''));

/** The fence of a corpus file, its expected error declared with raises=. */
export function hostileFence(file: string, raises: string | null): string {
  const options = [`id=${file.replace(/\.py$/, '').replace(/[^a-z0-9]+/g, '-')}`, `title="${file}"`];
  if (raises) options.push(`raises=${raises}`);
  return [`\`\`\`python memory ${options.join(' ')}`, hostileSource(file).replace(/\n$/, ''), '```', ''].join('\n');
}

/** A Starlight site whose one page the corpus writes (tests/fixtures/sites/hostile-corpus). */
export const hostileCorpusRoot = join(repoRoot, 'tests/fixtures/sites/hostile-corpus');

/** Writes the corpus site's page of `blocks` (Markdown), after its front matter. */
function writeHostilePage(root: string, blocks: string[]): void {
  mkdirSync(join(root, 'content'), { recursive: true });
  writeFileSync(join(root, 'content/index.md'), ['---', 'title: Hostile corpus', '---', '', ...blocks].join('\n'));
}

/** The corpus site's page: every drawable snippet, in the corpus's order. */
export const hostileCorpusPages: GeneratedPages = {
  write: () =>
    writeHostilePage(
      hostileCorpusRoot,
      drawnHostileCorpus.map(([file, expected]) => hostileFence(file, expected.error)),
    ),
  remove: () => rmSync(join(hostileCorpusRoot, 'content'), { recursive: true, force: true }),
};

/** The corpus site's output folder, built once per test run (by the runner, or by the first file to ask). */
export const hostileCorpusSite = (): Promise<string> => builtSite(hostileCorpusRoot, hostileCorpusPages);
