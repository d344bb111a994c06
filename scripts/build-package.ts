// Compiles src/ into lib/, the JavaScript the installed package runs: one .js per .ts (imports
// rewritten to .js), the plain files beside them, and with --types the .d.ts declarations.
// Only files whose content changed are replaced (write then rename), so two builds may overlap.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { build, type Plugin } from 'esbuild';

const root = resolve(import.meta.dirname, '..');
const srcDir = join(root, 'src');
export const libDir = join(root, 'lib');
/** The site's own content collections: not part of the package. */
const siteOnly = new Set(['content.config.ts']);

function walk(dir: string): string[] {
  return readdirSync(dir).sort().flatMap((name) => {
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
  execFileSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', join(root, 'tsconfig.package.json')], { stdio: 'inherit' });
  const declarations = walk(libDir).filter((path) => path.endsWith('.d.ts'));
  for (const path of declarations) {
    const text = readFileSync(path, 'utf8');
    writeIfChanged(path, text.replace(/((?:from|import)\s*\(?\s*)(['"])(\.\.?\/[^'"]*)\.ts\2/g, '$1$2$3.js$2'));
  }
  return declarations;
}

export async function buildPackage({ types = false } = {}): Promise<void> {
  const sources = walk(srcDir).filter((path) => !siteOnly.has(relative(srcDir, path)));
  const result = await build({
    entryPoints: sources.filter(isCompiled),
    outdir: libDir,
    outbase: srcDir,
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    charset: 'utf8',
    logLevel: 'warning',
    plugins: [keepImports],
  });
  const written = new Set<string>();
  for (const file of result.outputFiles) {
    writeIfChanged(file.path, file.contents);
    written.add(file.path);
  }
  for (const path of sources.filter((source) => !isCompiled(source))) {
    const target = join(libDir, relative(srcDir, path));
    writeIfChanged(target, readFileSync(path));
    written.add(target);
  }
  if (types) for (const path of emitDeclarations()) written.add(path);
  // A source that was deleted or renamed leaves nothing behind (declarations are kept unless rebuilt).
  for (const path of walk(libDir)) {
    if (!written.has(path) && (types || !path.endsWith('.d.ts'))) rmSync(path, { force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await buildPackage({ types: process.argv.includes('--types') });
}
