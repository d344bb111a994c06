// Runs every tests/**/*.test.ts with Node's test runner (Node 20 has no --test globs).
// Usage: npm test [-- substring ...] to run only the files whose path contains a substring.
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
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
// Every temporary file of the run (snapshots, sites, CLI outputs) lands in one folder, removed at
// the end, even after a failure or Ctrl+C: runs do not pile up in the system's temporary folder.
const scratch = mkdtempSync(join(tmpdir(), 'memlane-tests-'));
const child = spawn(
  process.execPath,
  ['--import', 'tsx', '--test', '--test-concurrency=2', '--test-reporter=spec', ...files],
  // No test leaves a render server behind: tests of the server opt in with a folder of their own.
  { stdio: 'inherit', env: { ...process.env, TMPDIR: scratch, MEMLANE_SERVER: '0' } },
);
// Ctrl+C reaches the test runner too; this process waits for it to stop, then cleans up.
process.on('SIGINT', () => {});
process.on('SIGTERM', () => child.kill('SIGTERM'));
child.on('exit', (code, signal) => {
  rmSync(scratch, { recursive: true, force: true });
  process.exit(code ?? (signal ? 1 : 0));
});
