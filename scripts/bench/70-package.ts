// The package a user downloads: the tarball's size, and what installing it for the command alone
// brings (packages and bytes), beside the same install with Astro as npm would add a required peer.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Figure } from '../bench.ts';
import { installAlone } from '../install-alone.ts';

export const name = 'The package (npm pack, installed for the command alone)';

export async function run(): Promise<Figure[]> {
  const root = join(import.meta.dirname, '../..');
  const into = mkdtempSync(join(tmpdir(), 'memlane-pack-'));
  try {
    const [packed] = JSON.parse(
      execFileSync('npm', ['pack', '--json', '--pack-destination', into], {
        cwd: root,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      }),
    ) as { filename: string; size: number; unpackedSize: number }[];
    const tarball = join(into, packed!.filename);
    const alone = installAlone(tarball, ['--prefer-offline']);
    // What the same install was while Astro was a required peer: npm 7+ installs required peers.
    const withAstro = installAlone(tarball, ['--prefer-offline', 'astro@^7']);
    for (const folder of [alone.folder, withAstro.folder]) rmSync(folder, { recursive: true, force: true });
    return [
      { label: 'tarball', value: packed!.size / 1024, unit: 'KB' },
      { label: 'unpacked', value: packed!.unpackedSize / 1024, unit: 'KB' },
      { label: 'installed for the CLI: packages', value: alone.packages },
      { label: 'installed for the CLI: files', value: alone.bytes / 2 ** 20, unit: 'MB' },
      { label: 'installed for the CLI: Astro among them', value: alone.astro ? 'yes' : 'no', target: 'no' },
      { label: 'with Astro 7 beside it: packages', value: withAstro.packages },
      { label: 'with Astro 7 beside it: files', value: withAstro.bytes / 2 ** 20, unit: 'MB' },
    ];
  } finally {
    rmSync(into, { recursive: true, force: true });
  }
}
