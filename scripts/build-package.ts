// Compiles src/ into lib/, the JavaScript the installed package runs: one .js per .ts (imports
// rewritten to .js), the plain files beside them, and with --types the .d.ts declarations.
// Only files whose content changed are replaced (write then rename), so two builds may overlap.
// lib/build.json names the build (a hash of every compiled file: the render server's code identity);
// build/lib-sources.json records what it was built from, for the bin's freshness check (fresh-lib.mjs).
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { build, type Plugin } from 'esbuild';
import { libSources, recordLibSources, stampsOf } from './fresh-lib.mjs';

const root = resolve(import.meta.dirname, '..');
const srcDir = join(root, 'src');
export const libDir = join(root, 'lib');
/** The site's own content collections: not part of the package. */
const siteOnly = new Set(['content.config.ts']);

function walk(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? walk(path) : [path];
    });
}

const isCompiled = (path: string) => path.endsWith('.ts') && !path.endsWith('.d.ts');
const relativeTs = /^(\.\.?\/.*)\.ts$/;

/**
 * Every import stays an import; a relative `./x.ts` becomes `./x.js`, the file compiled beside it.
 * JSON is inlined: esbuild would drop the `with { type: 'json' }` that Node needs to import it.
 */
const keepImports: Plugin = {
  name: 'keep-imports',
  setup(pluginBuild) {
    pluginBuild.onResolve({ filter: /.*/ }, (args) => {
      if (args.kind === 'entry-point' || args.path.endsWith('.json')) return undefined;
      return { path: args.path.replace(relativeTs, '$1.js'), external: true };
    });
  },
};

/**
 * The CLI's launcher is compiled as one file with every module it imports statically (Node built-ins
 * only, by design): a warm answer from the render server then loads no other file of memlane's.
 * What it imports on demand (main, the server process) stays an import of the file compiled beside it.
 */
const LAUNCHER = join(srcDir, 'cli', 'launcher.ts');
const inlineStaticImports: Plugin = {
  name: 'inline-static-imports',
  setup(pluginBuild) {
    pluginBuild.onResolve({ filter: /.*/ }, (args) => {
      const local = args.path.startsWith('.');
      if (args.kind === 'entry-point' || (args.kind === 'import-statement' && local)) return undefined;
      if (!local) return { path: args.path, external: true };
      const target = relative(dirname(LAUNCHER), resolve(args.resolveDir, args.path)).replace(/\.ts$/, '.js');
      return { path: target.startsWith('.') ? target : `./${target}`, external: true };
    });
  },
};

function writeIfChanged(path: string, contents: Uint8Array | string): void {
  const bytes = typeof contents === 'string' ? Buffer.from(contents) : Buffer.from(contents);
  if (existsSync(path) && readFileSync(path).equals(bytes)) return;
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, bytes);
  renameSync(temporary, path);
}

/** The .d.ts files tsc wrote, with `./x.ts` specifiers spelled `./x.js` for every consumer's resolver. */
function emitDeclarations(): string[] {
  execFileSync(
    process.execPath,
    [join(root, 'node_modules/typescript/bin/tsc'), '-p', join(root, 'tsconfig.package.json')],
    { stdio: 'inherit' },
  );
  const declarations = walk(libDir).filter((path) => path.endsWith('.d.ts'));
  for (const path of declarations) {
    const text = readFileSync(path, 'utf8');
    writeIfChanged(path, text.replace(/((?:from|import)\s*\(?\s*)(['"])(\.\.?\/[^'"]*)\.ts\2/g, '$1$2$3.js$2'));
  }
  return declarations;
}

/** sha256 over each compiled file's path and bytes: the same sources give the same id. */
function buildIdOf(files: Map<string, Uint8Array>): string {
  const hash = createHash('sha256');
  for (const path of [...files.keys()].sort())
    hash.update(`${path}\n${files.get(path)!.length}\n`).update(files.get(path)!);
  return hash.digest('hex').slice(0, 32);
}

export async function buildPackage({ types = false } = {}): Promise<void> {
  // Stamped before anything is read: a source saved during the build leaves lib/ stale, so the next run builds again.
  const recorded = libSources(root);
  const stamps = stampsOf(root, recorded);
  const sources = walk(srcDir).filter((path) => !siteOnly.has(relative(srcDir, path)));
  const options = {
    outdir: libDir,
    outbase: srcDir,
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    charset: 'utf8',
    logLevel: 'warning',
  } as const;
  const results = await Promise.all([
    build({
      ...options,
      entryPoints: sources.filter((path) => isCompiled(path) && path !== LAUNCHER),
      plugins: [keepImports],
    }),
    build({ ...options, entryPoints: [LAUNCHER], plugins: [inlineStaticImports] }),
  ]);
  const compiled = new Map<string, Uint8Array>();
  for (const file of results.flatMap((result) => result.outputFiles))
    compiled.set(relative(libDir, file.path), file.contents);
  for (const path of sources.filter((source) => !isCompiled(source)))
    compiled.set(relative(srcDir, path), readFileSync(path));
  const written = new Set<string>();
  for (const [path, contents] of compiled) {
    writeIfChanged(join(libDir, path), contents);
    written.add(join(libDir, path));
  }
  const id = buildIdOf(compiled);
  writeIfChanged(join(libDir, 'build.json'), `${JSON.stringify({ id })}\n`);
  written.add(join(libDir, 'build.json'));
  if (types) for (const path of emitDeclarations()) written.add(path);
  // A source that was deleted or renamed leaves nothing behind (declarations are kept unless rebuilt).
  for (const path of walk(libDir)) {
    if (!written.has(path) && (types || !path.endsWith('.d.ts'))) rmSync(path, { force: true });
  }
  recordLibSources(root, recorded, stamps, id);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await buildPackage({ types: process.argv.includes('--types') });
}
