// `memlane init DIR`: writes a starter site into DIR (Starlight, or plain Astro + MDX with --plain)
// with memlane() configured and one lesson. Never overwrites: a non-empty DIR needs --force, and
// even then no existing file is replaced.
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { UsageError, type Command } from './command.ts';
import { printError, printLine, resolveIn, type CliIo } from './cli-io.ts';
import { memlaneDependency, type MemlaneDependency } from './memlane-dependency.ts';
import { shellNodeVersion } from './shell-node.ts';

const usage = `Usage: memlane init DIR [options]

Writes a starter site into DIR: package.json, astro.config.mjs with memlane(), one lesson with two
memory diagrams and a README. Then: cd DIR && npm install && npm run dev

Options:
  --plain     a plain Astro + MDX site instead of Starlight
  --force     write into DIR even though it is not empty (existing files are never replaced)

Example:
  memlane init my-course`;

/**
 * Memlane's own folder: the nearest one above this module whose package.json is memlane's (the
 * module runs from lib/cli, or from src/cli in tests).
 */
function memlaneRoot(): string {
  for (let dir = dirname(fileURLToPath(import.meta.url)); ; dir = dirname(dir)) {
    const file = join(dir, 'package.json');
    if (existsSync(file) && (JSON.parse(readFileSync(file, 'utf8')) as { name?: string }).name === 'memlane')
      return dir;
    if (dirname(dir) === dir)
      throw new Error("memlane init: cannot find memlane's own package.json above its code\nhint: reinstall memlane");
  }
}

type Flavour = 'starlight' | 'plain';
const lessonPath: Record<Flavour, string> = {
  starlight: 'src/content/docs/lessons/names-and-lists.md',
  plain: 'src/pages/index.mdx',
};
/** The starter's own dependencies besides memlane, at the versions this release is tested with. */
const siteDependencies: Record<Flavour, string[]> = {
  starlight: ['astro', '@astrojs/starlight'],
  plain: ['astro', '@astrojs/mdx'],
};

/**
 * The oldest Node the starter's Astro runs on (the `engines` of the astro in devDependencies; a
 * test keeps them equal). On an older Node the starter gets Node 24 from the npm registry: the
 * `node` package as a dev dependency, whose binary every npm script then runs on.
 */
export const starterNodeFloor = '22.23.4';

export function olderThan(version: string, floor: string): boolean {
  const parts = (text: string): number[] =>
    text
      .replace(/^v/, '')
      .split('.')
      .map((part) => Number.parseInt(part, 10) || 0);
  const [a, b] = [parts(version), parts(floor)];
  for (let i = 0; i < 3; i += 1) if (a[i] !== b[i]) return a[i]! < b[i]!;
  return false;
}

let root: string | undefined;
const templatesDir = (): string => join((root ??= memlaneRoot()), 'templates');
const packageJsonPath = (): string => join((root ??= memlaneRoot()), 'package.json');

function filesUnder(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? filesUnder(path) : [path];
    });
}

/** npm package names are lower case, without spaces, at most 214 characters. */
function packageName(dir: string): string {
  const name = basename(resolve(dir))
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^[._-]+|-+$/g, '');
  return name.slice(0, 214) || 'my-course';
}

const ownManifest = () =>
  JSON.parse(readFileSync(packageJsonPath(), 'utf8')) as { version: string; devDependencies: Record<string, string> };

/** The starter's "memlane" dependency: the file this memlane was installed from, or its version range. */
export const starterMemlane = (dir: string): MemlaneDependency =>
  memlaneDependency((root ??= memlaneRoot()), ownManifest().version, dir);

/** Every file of the starter, by path relative to DIR. */
export function starterFiles(
  dir: string,
  flavour: Flavour,
  nodeVersion = process.versions.node,
  memlane = starterMemlane(dir),
): Map<string, string> {
  const own = ownManifest();
  const files = new Map<string, string>();
  for (const folder of ['shared', flavour]) {
    for (const path of filesUnder(join(templatesDir(), folder))) {
      // npm leaves .gitignore files out of packages, so the template is stored as _gitignore.
      const target = relative(join(templatesDir(), folder), path).replace(/(^|\/)_gitignore$/, '$1.gitignore');
      files.set(target, readFileSync(path, 'utf8'));
    }
  }
  const lesson = readFileSync(join(templatesDir(), 'lesson.md'), 'utf8');
  files.set(
    lessonPath[flavour],
    flavour === 'plain' ? lesson.replace(/^---\n/, '---\nlayout: ../layouts/Lesson.astro\n') : lesson,
  );
  const dependencies = Object.fromEntries(
    siteDependencies[flavour].map((name) => [name, `^${own.devDependencies[name]!}`]),
  );
  dependencies.memlane = memlane.spec;
  const oldNode = olderThan(nodeVersion, starterNodeFloor);
  const packageJson = {
    name: packageName(dir),
    private: true,
    type: 'module',
    scripts: { dev: 'astro dev', build: 'astro build', preview: 'astro preview' },
    dependencies: Object.fromEntries(Object.entries(dependencies).sort(([a], [b]) => a.localeCompare(b))),
    ...(oldNode && { devDependencies: { node: `^${own.devDependencies.node!}` }, allowScripts: { node: true } }),
  };
  files.set('package.json', `${JSON.stringify(packageJson, null, 2)}\n`);
  return new Map([...files].sort(([a], [b]) => a.localeCompare(b)));
}

export const command: Command = {
  summary: 'write a starter Astro site with memory diagrams into a folder',
  usage,
  async run(args: string[], io: CliIo) {
    let parsed;
    try {
      parsed = parseArgs({
        args,
        allowPositionals: true,
        strict: true,
        options: { plain: { type: 'boolean' }, force: { type: 'boolean' } },
      });
    } catch (error) {
      throw new UsageError((error as Error).message.split('.')[0]!);
    }
    const { values, positionals } = parsed;
    if (positionals.length !== 1)
      throw new UsageError(
        positionals.length === 0
          ? 'name the folder to write the site into, e.g. memlane init my-course'
          : `one folder only, got ${positionals.length}`,
      );
    const dir = resolveIn(io, positionals[0]!);
    if (existsSync(dir) && !statSync(dir).isDirectory()) {
      printError(
        io,
        `memlane init: ${dir} is a file, not a folder\nhint: name a new folder, e.g. memlane init my-course`,
      );
      return 2;
    }
    const present = existsSync(dir) ? readdirSync(dir) : [];
    if (present.length > 0 && !values.force) {
      printError(
        io,
        `memlane init: ${dir} is not empty (${present.slice(0, 3).join(', ')}` +
          `${present.length > 3 ? ', ...' : ''})\nhint: name a new or empty folder, or add --force to add ` +
          `the starter's files beside what is there (no file is replaced)`,
      );
      return 2;
    }
    const memlane = starterMemlane(dir);
    // The site's scripts run on the shell's Node, which may be older than the one running init (npx
    // puts a project's node_modules/.bin first, and a checkout of memlane has Node 24 there).
    const nodeVersion = shellNodeVersion();
    const files = starterFiles(dir, values.plain ? 'plain' : 'starlight', nodeVersion, memlane);
    const oldNode = olderThan(nodeVersion, starterNodeFloor);
    const clashes = [...files.keys()].filter((path) => existsSync(join(dir, path)));
    if (clashes.length > 0) {
      printError(
        io,
        `memlane init: ${dir} already has ${clashes.join(', ')}\nhint: move ` +
          `${clashes.length === 1 ? 'it' : 'them'} away or choose another folder; memlane init replaces no file`,
      );
      return 2;
    }
    for (const [path, text] of files) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    const nearby = relative(io.cwd, dir);
    const shown = nearby.startsWith('..') ? dir : nearby || '.';
    const nodeNote = oldNode
      ? `\n\nYour shell runs Node ${nodeVersion}; Astro needs ${starterNodeFloor} or later. The site's ` +
        `package.json adds the npm package "node" (Node 24 from the npm registry) as a dev dependency, ` +
        `which every npm script runs on; remove it once your Node is newer.`
      : '';
    const fileNote = memlane.from
      ? `\n\nmemlane comes from ${memlane.from} ("memlane": "${memlane.spec}" in package.json), the file ` +
        `this memlane was installed from; keep it there, or change the dependency to the registry's version ` +
        `once memlane is published.`
      : '';
    printLine(
      io,
      `memlane init: wrote a ${values.plain ? 'plain Astro + MDX' : 'Starlight'} site to ${shown} (` +
        `${files.size} files)${fileNote}${nodeNote}\n\nNext:\n  cd ${shown}\n  npm install && npm run dev`,
    );
    return 0;
  },
};
