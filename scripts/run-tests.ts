// Runs every tests/**/*.test.ts with Node's test runner (Node 20 has no --test globs).
// Usage: npm test [-- substring ...] to run only the files whose path contains a substring.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { buildPackage } from './build-package.ts';

function findTests(dir: string): string[] {
  return readdirSync(dir).sort().flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'fixtures' ? [] : findTests(path);
    return name.endsWith('.test.ts') ? [path] : [];
  });
}

const filters = process.argv.slice(2);
const files = findTests('tests')
  .map((f) => relative('.', f))
  .filter((f) => filters.length === 0 || filters.some((s) => f.includes(s)));
if (files.length === 0) {
  console.error(`No test files match ${filters.join(' ') || 'tests/**/*.test.ts'}`);
  process.exit(1);
}
// The site and the package tests run the compiled lib/: compile the current sources first.
await buildPackage();
const result = spawnSync(
  process.execPath,
  ['--import', 'tsx', '--test', '--test-concurrency=2', '--test-reporter=spec', ...files],
  // No test leaves a render server behind: tests of the server opt in with a folder of their own.
  { stdio: 'inherit', env: { ...process.env, MEMLANE_SERVER: '0' } },
);
process.exit(result.status ?? 1);
