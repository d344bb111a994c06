// The Astro lines the package is tested on: for every major its peer range names, the versions of
// Astro, @astrojs/mdx and Starlight a site of that major installs, and the Node that builds it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './package-harness.ts';

export interface AstroLine {
  astro: string;
  mdx: string;
  starlight: string;
  /** The Node major a site of this line is built with; the newest line also runs on the oldest LTS. */
  node: 22 | 24;
}

export const astroLines: Record<number, AstroLine> = {
  5: { astro: '^5.18.2', mdx: '^4.3.9', starlight: '^0.37.7', node: 24 },
  6: { astro: '^6.4.8', mdx: '^6.0.3', starlight: '^0.40.0', node: 24 },
  7: { astro: '^7.4.8', mdx: '^8.1.4', starlight: '^0.42.9', node: 22 },
};

/** The Astro majors memlane's peer range names (`^5.0.0 || ^7.0.0` names 5 and 7). */
export function peerMajors(): number[] {
  const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as {
    peerDependencies: Record<string, string>;
  };
  return manifest.peerDependencies.astro!.split('||').map((part) => {
    const match = /^\s*\^(\d+)\.\d+\.\d+\s*$/.exec(part);
    if (!match) throw new Error(`peer range part "${part}" is not of the form ^N.0.0`);
    return Number(match[1]);
  });
}
