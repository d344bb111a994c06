// Runs a tier of tests/**/*.test.ts with Node's test runner, then lists the ten slowest files.
// Usage: npm test [-- substring ...]   every file CI runs, or only those whose path contains a substring
//        npm run test:unit               the unit tier; npm run test:package: the package tier (test-tiers.ts)
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { finished } from 'node:stream/promises';
import { run } from 'node:test';
import { spec } from 'node:test/reporters';
import { builtSite } from '../tests/site/site-build.ts';
import { buildPackage } from './build-package.ts';
import slowestFiles from './slowest-files-reporter.ts';
import { inStartOrder, isTier, sharedSites, tierFiles } from './test-tiers.ts';

function findTests(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return name === 'fixtures' ? [] : findTests(path);
      return name.endsWith('.test.ts') ? [path] : [];
    });
}

const tierFlag = process.argv
  .slice(2)
  .find((arg) => arg.startsWith('--tier='))
  ?.slice('--tier='.length);
const tier = tierFlag ?? 'ci';
if (!isTier(tier)) {
  console.error(`run-tests.ts: unknown --tier=${tierFlag}`);
  console.error('hint: use --tier=unit, --tier=ci (the default) or --tier=package');
  process.exit(2);
}
const filters = process.argv.slice(2).filter((arg) => !arg.startsWith('--tier='));
const allFiles = findTests('tests').map((f) => relative('.', f));
// A substring picks from every file, whatever its tier: `npm test -- tests/package` runs them all.
const picked =
  filters.length === 0 ? tierFiles(allFiles, tier) : allFiles.filter((f) => filters.some((s) => f.includes(s)));
const files = inStartOrder(picked);
if (files.length === 0) {
  console.error(`No test files match ${filters.join(' ') || `the ${tier} tier`}`);
  process.exit(1);
}
// The site and the package tests run the compiled lib/: compile the current sources first. The unit
// tier imports src/ only.
if (tier !== 'unit' || filters.length > 0) await buildPackage();
// Every temporary file of the run (snapshots, sites, CLI outputs) lands in one folder, removed at
// the end, even after a failure or Ctrl+C: runs do not pile up in the system's temporary folder.
const scratch = mkdtempSync(join(tmpdir(), 'memlane-tests-'));
// The test files' environment, and this process's too: the shared site builds started below land
// in the run's folder under the run's name, where the files' builtSite() finds them. No test leaves
// a render server behind: tests of the server opt in with a folder of their own.
Object.assign(process.env, { TMPDIR: scratch, MEMLANE_TEST_RUN: String(process.pid), MEMLANE_SERVER: '0' });
// Each site several files share is built once, from here, while the first files run; the files that
// use it wait for it. A failed build is left for those files to report (they try it again).
for (const site of sharedSites(files)) void builtSite(site.root, site.pages).catch(() => undefined);
// Node's own runner, in this process: `node --test` sorts the files it is given, run() keeps their order.
const stream = run({ files, concurrency: 2, execArgv: ['--import', 'tsx'] });
stream.on('test:fail', () => (process.exitCode = 1));
const reports = [stream.compose(spec), stream.compose(slowestFiles)];
for (const report of reports) report.pipe(process.stdout, { end: false });
// Ctrl+C reaches the test files too; this process waits for them to stop, then cleans up.
process.on('SIGINT', () => {});
await Promise.all(reports.map((report) => finished(report)));
rmSync(scratch, { recursive: true, force: true });
// A shared build no file waited for (a run stopped early) is not waited for either.
process.exit();
