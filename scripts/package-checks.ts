// What makes the packed tarball fit to publish: publint's verdict on its manifest and files, no
// "private", and every package its shipped code imports named in its dependencies.
import { execFileSync } from 'node:child_process';
import { builtinModules } from 'node:module';
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';

export interface Manifest {
  name: string;
  version: string;
  private?: boolean;
  bin?: Record<string, string>;
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
}

/** The tarball's files in a fresh folder (npm packs them under `package/`); returns that folder. */
export function unpackTarball(tarball: string): string {
  const into = mkdtempSync(join(tmpdir(), 'memlane-unpacked-'));
  execFileSync('tar', ['-xzf', tarball, '-C', into]);
  return join(into, 'package');
}

const filesUnder = (dir: string): string[] =>
  readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? filesUnder(path) : [path];
    });

/** publint's errors and warnings (suggestions too, with `strict`) for the unpacked package, one line each. */
export async function publintProblems(packageDir: string): Promise<string[]> {
  const { messages, pkg } = await publint({ pkgDir: packageDir, pack: false, level: 'suggestion', strict: true });
  return messages.map(
    (message) => `publint ${message.type}: ${formatMessage(message, pkg, { color: false }) ?? message.code}`,
  );
}

/**
 * The package a bare import specifier names (`@scope/name/sub` → `@scope/name`); none for relative, builtin or
 * virtual ones.
 */
export function importedPackage(specifier: string): string | undefined {
  if (/^(\.|\/|node:|data:|astro:|virtual:|#)/.test(specifier) || builtinModules.includes(specifier.split('/')[0]!))
    return undefined;
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

// `from 'x'`, `import 'x'`, `import('x')` and `export … from 'x'`: what a shipped module loads (type-only
// imports are erased before anything runs, so they need no dependency).
const importPattern = /^(?!\s*import\s+type\b).*?(?:\bfrom\s*|\bimport\s*\(?\s*)(['"])([^'"\s,()]+)\1/gm;

/** Every file whose imports name a package the manifest neither depends on nor takes as a peer. */
export function undeclaredImports(packageDir: string, manifest: Manifest): string[] {
  const declared = new Set([
    manifest.name,
    ...Object.keys(manifest.dependencies ?? {}),
    ...Object.keys(manifest.peerDependencies ?? {}),
  ]);
  const problems: string[] = [];
  for (const file of filesUnder(packageDir).filter(
    (path) => /\.(m?js|astro|ts)$/.test(path) && !path.endsWith('.d.ts'),
  )) {
    if (relative(packageDir, file).startsWith('templates/')) continue; // the starters' own package.json lists theirs
    for (const [, , specifier] of readFileSync(file, 'utf8').matchAll(importPattern)) {
      const name = importedPackage(specifier!);
      if (name && !declared.has(name))
        problems.push(
          `${relative(packageDir, file)} imports "${specifier}", but package.json does not list ${name} in ` +
            `dependencies or peerDependencies`,
        );
    }
  }
  return [...new Set(problems)];
}

/** What publishing needs of the manifest beyond publint: not private, a bin that exists, Astro an optional peer. */
export function manifestProblems(packageDir: string, manifest: Manifest): string[] {
  const problems: string[] = [];
  if (manifest.private) problems.push('package.json says "private": true, so npm publish refuses it');
  for (const [name, path] of Object.entries(manifest.bin ?? {})) {
    let text = '';
    try {
      text = readFileSync(join(packageDir, path), 'utf8');
    } catch {
      problems.push(`bin ${name}: ${path} is not in the package`);
      continue;
    }
    if (!text.startsWith('#!/usr/bin/env node'))
      problems.push(`bin ${name}: ${path} does not start with #!/usr/bin/env node`);
  }
  for (const peer of Object.keys(manifest.peerDependencies ?? {})) {
    if (!manifest.peerDependenciesMeta?.[peer]?.optional)
      problems.push(`peer dependency ${peer} is not optional: npm installs it even for the CLI alone`);
  }
  return problems;
}

/** Every problem of the tarball, publint's first; empty when it is fit to publish. */
export async function tarballProblems(tarball: string): Promise<string[]> {
  const packageDir = unpackTarball(tarball);
  const manifest = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as Manifest;
  return [
    ...(await publintProblems(packageDir)),
    ...manifestProblems(packageDir, manifest),
    ...undeclaredImports(packageDir, manifest),
  ];
}
