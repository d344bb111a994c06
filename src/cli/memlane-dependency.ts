// The "memlane" dependency a starter site writes: the tarball or folder this memlane was installed
// from (npx --package ./memlane-x.tgz, npm install ./memlane-x.tgz), else the registry's version range.
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';

export interface MemlaneDependency {
  /** What package.json says, e.g. `^0.1.0` or `file:../memlane-0.1.0.tgz`. */
  spec: string;
  /** The tarball or folder a `file:` spec names, as an absolute path. */
  from?: string;
}

const dependencyFields = ['dependencies', 'devDependencies', 'optionalDependencies'] as const;

/**
 * The spec the installer of memlane's folder `root` was given, when it names a local file. npm and npx
 * install into `<prefix>/node_modules/memlane` and record the request in `<prefix>/package.json`
 * (npx: `file:` relative to its cache folder), so the starter can ask for the same file.
 */
export function installedFromFile(root: string): string | undefined {
  const modules = dirname(root);
  if (basename(modules) !== 'node_modules' || basename(root) !== 'memlane') return undefined;
  const prefix = dirname(modules);
  let manifest: Record<string, unknown>;
  try {
    manifest = JSON.parse(readFileSync(join(prefix, 'package.json'), 'utf8')) as Record<string, unknown>;
  } catch {
    return undefined;
  }
  for (const field of dependencyFields) {
    const spec = (manifest[field] as Record<string, unknown> | undefined)?.memlane;
    if (typeof spec !== 'string' || !spec.startsWith('file:')) continue;
    const target = spec.slice('file:'.length);
    const path = isAbsolute(target) ? target : resolve(prefix, target);
    if (existsSync(path)) return path;
  }
  return undefined;
}

/**
 * What the starter in `siteDir` depends on: a `file:` spec relative to the site when memlane came from
 * a local tarball or folder (the registry may not have that version), else `^version`.
 */
export function memlaneDependency(root: string, version: string, siteDir: string): MemlaneDependency {
  const from = installedFromFile(root);
  if (!from) return { spec: `^${version}` };
  const path = relative(resolve(siteDir), from).split('\\').join('/');
  return { spec: `file:${path.startsWith('.') ? path : `./${path}`}`, from };
}
