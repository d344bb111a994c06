// The bin runs the CLI from its esbuild bundle: built on first use in a fresh checkout, built again
// after a source changes, and replaced by the TypeScript sources (tsx) when no bundle can be written.
// Each case runs on a copy of the repository's sources, so the real build/ is never touched.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { repoRoot } from './run-cli.ts';

/** A checkout of the sources (no build/), sharing the repository's node_modules. */
function checkout(): string {
  const dir = mkdtempSync(join(tmpdir(), 'memlane-checkout-'));
  for (const part of ['src', 'scripts', 'package.json']) cpSync(join(repoRoot, part), join(dir, part), { recursive: true });
  symlinkSync(join(repoRoot, 'node_modules'), join(dir, 'node_modules'));
  return dir;
}

function memlane(dir: string, args: string[]) {
  const result = spawnSync(process.execPath, [join(dir, 'scripts/memlane.mjs'), ...args], { cwd: dir, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const bundles = (dir: string) => readdirSync(join(dir, 'build/cli')).filter((name) => /^[0-9a-f]{32}$/.test(name)).sort();
const current = (dir: string) => (JSON.parse(readFileSync(join(dir, 'build/cli/current.json'), 'utf8')) as { hash: string }).hash;

describe('the CLI bundle', () => {
  it('is built on first use, reused, and built again when a source changes', () => {
    const dir = checkout();
    const help = memlane(repoRoot, ['render', '--help']);
    const first = memlane(dir, ['render', '--help']);
    assert.equal(first.code, 0, first.stderr);
    assert.equal(first.stdout, help.stdout);
    assert.equal(bundles(dir).length, 1);
    const built = current(dir);
    assert.deepEqual(bundles(dir), [built]);

    assert.equal(memlane(dir, ['--version']).code, 0);
    assert.deepEqual(bundles(dir), [built], 'an unchanged checkout reuses its bundle');

    const usage = join(dir, 'src/cli/render-usage.ts');
    writeFileSync(usage, readFileSync(usage, 'utf8').replace('for slides.', 'for slides, edited.'));
    const edited = memlane(dir, ['render', '--help']);
    assert.equal(edited.code, 0, edited.stderr);
    assert.match(edited.stdout, /for slides, edited\./, 'the edit is in the output');
    assert.notEqual(current(dir), built);
    assert.equal(bundles(dir).length, 2);
  });

  it('falls back to the TypeScript sources when build/ cannot be written', () => {
    const dir = checkout();
    writeFileSync(join(dir, 'build'), 'a file where the bundle folder would go\n');
    appendFileSync(join(dir, 'src/cli/render-usage.ts'), '\n// edited in the checkout\n');
    const result = memlane(dir, ['render', '--help']);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /^Usage: memlane render FILE\.py/);
  });
});
