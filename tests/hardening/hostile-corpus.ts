// The hostile corpus: snippets an author or a reader's pull request could contain, with the outcome
// each must end in (tests/fixtures/hostile/expected.json).
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../cli/run-cli.ts';

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
