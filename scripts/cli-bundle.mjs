// The CLI as an esbuild bundle of src/ (packages stay imports from node_modules) in build/cli/, so
// `memlane` starts without compiling TypeScript; rebuilt when any source it was made from changes.
// Plain JavaScript: it runs before anything can compile TypeScript. `node scripts/cli-bundle.mjs` builds it.
import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const bundlesDir = join(root, 'build', 'cli');
/** Names the current bundle: the hash of its sources and their paths. */
const manifestFile = join(bundlesDir, 'current.json');
const ENTRY = 'src/cli/main.ts';
/** sandbox-host.mjs seen from a bundle's folder, build/cli/<hash>/: the sandbox is started by path. */
const SANDBOX_FROM_BUNDLE = '../../../src/simulate/sandbox-host.mjs';
/** The repository's root seen from a bundle's folder (the render server names its code from there). */
const ROOT_FROM_BUNDLE = '../../../';
/** Older bundles kept, for processes (a --watch) still loading chunks from them. */
const KEPT_BUNDLES = 3;
const loaders = { '.ts': 'ts', '.mts': 'ts', '.mjs': 'js', '.js': 'js', '.json': 'json' };

/** sha256 over each source's path and bytes; this script is one of them, so a new build recipe rebuilds. */
function digest(paths, contents) {
  const hash = createHash('sha256');
  paths.forEach((path, i) => hash.update(`${path}\n${contents[i].length}\n`).update(contents[i]));
  return hash.digest('hex').slice(0, 32);
}

const thisScript = relative(root, fileURLToPath(import.meta.url));

/**
 * Each source's size and times, taken before its bytes are read: the render server's client
 * (src/cli/server-socket.mjs) checks these instead of hashing every source on each run.
 */
const stampOf = ({ size, mtimeMs, ctimeMs }) => `${size}:${mtimeMs}:${ctimeMs}`;
const stampsOf = (paths) => Promise.all(paths.map((path) => stat(join(root, path)).then(stampOf, () => null)));

async function writeManifest(manifest) {
  const staging = `${manifestFile}.${process.pid}-${randomBytes(4).toString('hex')}`;
  await writeFile(staging, JSON.stringify(manifest));
  await rename(staging, manifestFile);
}

/** The entry of the bundle made from the sources as they are now, or null when there is none. */
export async function freshBundle() {
  let manifest;
  try {
    manifest = JSON.parse(await readFile(manifestFile, 'utf8'));
  } catch {
    return null;
  }
  const stamps = await stampsOf(manifest.inputs);
  const contents = await Promise.all(manifest.inputs.map((path) => readFile(join(root, path)).catch(() => null)));
  if (contents.includes(null) || digest(manifest.inputs, contents) !== manifest.hash) return null;
  const entry = join(bundlesDir, manifest.hash, 'main.mjs');
  if (!existsSync(entry)) return null;
  // Sources touched but not changed: their new stamps are recorded, so the server's client trusts them again.
  if (JSON.stringify(stamps) !== JSON.stringify(manifest.stamps)) await writeManifest({ ...manifest, stamps }).catch(() => {});
  return entry;
}

/** Builds the bundle and makes it current; two processes building at once both end with a whole bundle. */
export async function buildBundle() {
  const { build } = await import('esbuild');
  const stamps = new Map([[thisScript, (await stampsOf([thisScript]))[0]]]);
  const sources = new Map([[thisScript, await readFile(fileURLToPath(import.meta.url))]]);
  // Every source is read here, so the hash is of exactly the bytes esbuild bundled, even if one is saved mid-build.
  const recordSources = {
    name: 'record-sources',
    setup(builder) {
      builder.onLoad({ filter: /\.(m?ts|m?js|json)$/ }, async (args) => {
        stamps.set(relative(root, args.path), stampOf(await stat(args.path)));
        const bytes = await readFile(args.path);
        sources.set(relative(root, args.path), bytes);
        return { contents: bytes, loader: loaders[args.path.slice(args.path.lastIndexOf('.'))] };
      });
    },
  };
  await mkdir(bundlesDir, { recursive: true });
  const staging = join(bundlesDir, `.staging-${process.pid}-${randomBytes(4).toString('hex')}`);
  const result = await build({
    entryPoints: [join(root, ENTRY)],
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    outdir: staging,
    outExtension: { '.js': '.mjs' },
    define: { MEMLANE_SANDBOX_HOST: JSON.stringify(SANDBOX_FROM_BUNDLE), MEMLANE_PACKAGE_ROOT: JSON.stringify(ROOT_FROM_BUNDLE) },
    plugins: [recordSources],
    write: false,
    logLevel: 'silent',
  });
  const inputs = [...sources.keys()].sort();
  const hash = digest(inputs, inputs.map((path) => sources.get(path)));
  const target = join(bundlesDir, hash);
  if (!existsSync(join(target, 'main.mjs'))) {
    for (const file of result.outputFiles) {
      await mkdir(dirname(file.path), { recursive: true });
      await writeFile(file.path, file.contents);
    }
    // Another process may have finished the same bundle first; then its copy stands.
    await rename(staging, target).catch(() => {});
  }
  await rm(staging, { recursive: true, force: true });
  await writeManifest({ hash, inputs, stamps: inputs.map((path) => stamps.get(path)) });
  await removeOldBundles(hash);
  return join(target, 'main.mjs');
}

async function removeOldBundles(current) {
  const entries = await readdir(bundlesDir, { withFileTypes: true });
  const bundles = [];
  for (const entry of entries) {
    if (!entry.isDirectory() || entry.name === current) continue;
    const path = join(bundlesDir, entry.name);
    const { mtimeMs } = await stat(path).catch(() => ({ mtimeMs: 0 }));
    // Staging folders of builds that died are removed once they are surely not in use.
    if (entry.name.startsWith('.staging-')) {
      if (Date.now() - mtimeMs > 600_000) await rm(path, { recursive: true, force: true });
    } else bundles.push({ path, mtimeMs });
  }
  bundles.sort((a, b) => b.mtimeMs - a.mtimeMs);
  for (const { path } of bundles.slice(KEPT_BUNDLES - 1)) await rm(path, { recursive: true, force: true });
}

/**
 * The CLI's entry module (main(), processIo()): from the bundle, built first when the sources changed; from the TypeScript
 * sources through tsx when no bundle can be made (esbuild not installed, build/ not writable).
 */
export async function loadCli() {
  try {
    const entry = (await freshBundle()) ?? (await buildBundle());
    return await import(pathToFileURL(entry).href);
  } catch {
    const { register } = await import('tsx/esm/api');
    register();
    return await import('../src/cli/main.ts');
  }
}

if (process.argv[1] && pathToFileURL(process.argv[1]).href === import.meta.url) {
  const entry = await buildBundle();
  console.log(`memlane: CLI bundle ${relative(root, entry)}`);
}
