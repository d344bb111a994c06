// `npm run release`: packs memlane-<version>.tgz into the repo and checks it is fit to publish
// (publint, the manifest, declared imports), then installs it alone in an empty folder and renders.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { tarballProblems } from './package-checks.ts';

const repoRoot = resolve(import.meta.dirname, '..');
const run = (command: string, args: string[], cwd: string): string => execFileSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });

function folderBytes(dir: string): number {
  return readdirSync(dir).reduce((sum, name) => {
    const info = statSync(join(dir, name), { throwIfNoEntry: false });
    if (!info || info.isSymbolicLink()) return sum;
    return sum + (info.isDirectory() ? folderBytes(join(dir, name)) : info.size);
  }, 0);
}

const [packed] = JSON.parse(run('npm', ['pack', '--json'], repoRoot)) as { filename: string; size: number; entryCount: number }[];
const tarball = join(repoRoot, packed!.filename);
console.log(`${packed!.filename}: ${(packed!.size / 1024).toFixed(0)} KB, ${packed!.entryCount} files`);

const problems = await tarballProblems(tarball);
if (problems.length > 0) {
  console.error(`${problems.length} problem${problems.length === 1 ? '' : 's'} to fix before publishing:\n${problems.map((line) => `  ${line}`).join('\n')}`);
  process.exit(1);
}
console.log('publint, manifest and imports: no problem');

// What a speaker gets from `npm install memlane` for the command alone, and that it draws.
const folder = mkdtempSync(join(tmpdir(), 'memlane-release-'));
try {
  writeFileSync(join(folder, 'package.json'), '{ "name": "cli-only", "private": true }\n');
  run('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', tarball], folder);
  const lock = JSON.parse(readFileSync(join(folder, 'node_modules', '.package-lock.json'), 'utf8')) as { packages: Record<string, unknown> };
  const packages = Object.keys(lock.packages).filter((path) => path.startsWith('node_modules/')).length;
  const megabytes = folderBytes(join(folder, 'node_modules')) / 2 ** 20;
  if (Object.hasOwn(lock.packages, 'node_modules/astro')) throw new Error('installing memlane alone installed Astro: its peer dependency must stay optional');
  writeFileSync(join(folder, 'alias.py'), 'a = [1, 2]\nb = a\nb.append(3)\n');
  const memlane = join(folder, 'node_modules', '.bin', 'memlane');
  const version = run(memlane, ['--version'], folder).trim();
  run(memlane, ['render', 'alias.py', '-o', 'alias.png'], folder);
  console.log(`installed alone: ${packages} packages, ${megabytes.toFixed(0)} MB, no Astro; memlane ${version} renders alias.py to PNG`);
  console.log(`\n${tarball} is ready: npm publish ${packed!.filename}`);
} finally {
  rmSync(folder, { recursive: true, force: true });
}
