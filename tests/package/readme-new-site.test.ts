// The README's commands for a new site, run verbatim as a user who cloned this repo would: pack,
// `memlane init` from the tarball with npx, `npm install && npm run dev` in the new folder; then the
// starter's own `npm run build`, and its lesson read in Chromium.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { delimiter, dirname, join, resolve } from 'node:path';
import { after, describe, it } from 'node:test';
import { checkStarter } from './starter-in-chromium.ts';
import { repoRoot, runOk, scratchFolder, userEnvironment } from './package-harness.ts';

const slow = { timeout: 40 * 60_000 };

/** The shell block of a README section, as written. */
export function sectionCommands(readme: string, heading: string): string {
  const section = readme.split(/^## /m).find((part) => part.startsWith(`${heading}\n`));
  const block = section?.match(/```sh\n([\s\S]*?)```/)?.[1];
  if (!block) throw new Error(`README.md has no sh block under "## ${heading}"`);
  return block;
}

/** This checkout as a fresh clone would have it: its tracked and new files, and this install's node_modules. */
async function cloneOfRepo(into: string): Promise<void> {
  const listed = await runOk('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], repoRoot);
  for (const path of listed.stdout.split('\0').filter(Boolean)) {
    const from = join(repoRoot, path);
    if (!existsSync(from) || !statSync(from).isFile()) continue; // deleted in the working tree
    mkdirSync(dirname(join(into, path)), { recursive: true });
    copyFileSync(from, join(into, path));
  }
  symlinkSync(join(repoRoot, 'node_modules'), join(into, 'node_modules'));
}

/** The folder of the `node` a user's shell finds first, outside this repo (the machine's own Node). */
function machineNodeFolder(): string | undefined {
  return (process.env.PATH ?? '')
    .split(delimiter)
    .filter((dir) => dir && !resolve(dir).startsWith(repoRoot))
    .find((dir) => existsSync(join(dir, 'node')));
}

describe("the README's commands for a new site", slow, () => {
  const scratch = scratchFolder();
  after(() => rmSync(scratch, { recursive: true, force: true }));

  it(
    'make a site that installs, serves its lesson with `npm run dev`, builds, and steps in Chromium',
    slow,
    async () => {
      const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
      const commands = sectionCommands(readme, 'Use Memlane in your own Astro site');
      const clone = join(scratch, 'memlane');
      await cloneOfRepo(clone);

      // The commands end in `npm run dev`, which serves until stopped: run them in a process group of
      // their own, read the address Astro prints, fetch the lesson, then stop the group.
      const env = { ...userEnvironment(machineNodeFolder()), npm_config_prefer_offline: 'true' };
      const shell = spawn('bash', ['-e', '-c', commands], {
        cwd: clone,
        env,
        detached: true,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let printed = '';
      shell.stdout.on('data', (chunk) => (printed += chunk));
      shell.stderr.on('data', (chunk) => (printed += chunk));
      const exited = new Promise<number | null>((done) => shell.on('exit', (code) => done(code)));
      let lesson = '';
      try {
        const address = await new Promise<string>((done, fail) => {
          const timer = setInterval(() => {
            const url = printed.match(/http:\/\/localhost:\d+\//)?.[0];
            if (url) {
              clearInterval(timer);
              done(url);
            }
          }, 250);
          void exited.then((code) => {
            clearInterval(timer);
            fail(new Error(`the commands exited with ${code} before a dev server started:\n${printed.slice(-6000)}`));
          });
        });
        for (let attempt = 0; !lesson.includes('memlane-diagram'); attempt += 1) {
          if (attempt > 600)
            throw new Error(`npm run dev never served the lesson with a diagram:\n${printed.slice(-6000)}`);
          lesson = await fetch(`${address}lessons/names-and-lists/`).then(
            (response) => response.text(),
            () => '',
          );
          if (!lesson.includes('memlane-diagram')) await new Promise((wait) => setTimeout(wait, 500));
        }
      } finally {
        if (shell.exitCode === null) process.kill(-shell.pid!, 'SIGTERM');
        await exited;
      }
      assert.equal(
        lesson.match(/<svg[^>]*class="memlane-diagram/g)?.length,
        2,
        'npm run dev serves the lesson with its two diagrams',
      );

      const site = join(scratch, 'my-course');
      const manifest = JSON.parse(readFileSync(join(site, 'package.json'), 'utf8')) as {
        dependencies: Record<string, string>;
      };
      assert.equal(
        manifest.dependencies.memlane,
        'file:../memlane/memlane-0.1.0.tgz',
        'the starter asks for the tarball it came from',
      );
      assert.ok(
        readme.includes(`"memlane": "${manifest.dependencies.memlane}"`),
        'the README says which dependency init writes',
      );

      const built = await runOk('npm', ['run', 'build'], site, {}, machineNodeFolder());
      assert.doesNotMatch(
        built.stdout + built.stderr,
        /collection "i18n"/,
        'the starter declares the collection Starlight looks for',
      );
      await checkStarter(join(site, 'dist'), '/lessons/names-and-lists/');
    },
  );
});
