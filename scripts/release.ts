// `npm run release`: packs memlane-<version>.tgz into the repo and checks it is fit to publish
// (publint, the manifest, declared imports), then installs it alone in an empty folder and renders.
import { execFileSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { installAlone } from './install-alone.ts';
import { tarballProblems } from './package-checks.ts';

const repoRoot = resolve(import.meta.dirname, '..');
const run = (command: string, args: string[], cwd: string): string =>
  execFileSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });

const [packed] = JSON.parse(run('npm', ['pack', '--json'], repoRoot)) as {
  filename: string;
  size: number;
  entryCount: number;
}[];
const tarball = join(repoRoot, packed!.filename);
console.log(`${packed!.filename}: ${(packed!.size / 1024).toFixed(0)} KB, ${packed!.entryCount} files`);

const problems = await tarballProblems(tarball);
if (problems.length > 0) {
  console.error(
    `${problems.length} problem${problems.length === 1 ? '' : 's'} to fix before publishing:\n` +
      `${problems.map((line) => `  ${line}`).join('\n')}`,
  );
  process.exit(1);
}
console.log('publint, manifest and imports: no problem');

// What a speaker gets from `npm install memlane` for the command alone, and that it draws.
const alone = installAlone(tarball);
try {
  if (alone.astro) throw new Error('installing memlane alone installed Astro: its peer dependency must stay optional');
  writeFileSync(join(alone.folder, 'alias.py'), 'a = [1, 2]\nb = a\nb.append(3)\n');
  const memlane = join(alone.folder, 'node_modules', '.bin', 'memlane');
  const version = run(memlane, ['--version'], alone.folder).trim();
  run(memlane, ['render', 'alias.py', '-o', 'alias.png'], alone.folder);
  console.log(
    `installed alone: ${alone.packages} packages, ${(alone.bytes / 2 ** 20).toFixed(0)} MB, no Astro; ` +
      `memlane ${version} renders alias.py to PNG`,
  );
  console.log(`\n${tarball} is ready: npm publish ${packed!.filename}`);
} finally {
  rmSync(alone.folder, { recursive: true, force: true });
}
