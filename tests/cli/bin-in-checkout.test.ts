// The bin in a checkout runs the compiled lib/ like an install does, after bringing lib/ up to date:
// built on first use, reused while no source changes, built again after an edit, and a clear error
// when it cannot be built. Each case runs on a copy of the repository's sources, never touching lib/.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { repoRoot } from './run-cli.ts';

/** A checkout of the sources (no lib/, no build/), sharing the repository's node_modules. */
function checkout(): string {
  const dir = mkdtempSync(join(tmpdir(), 'memlane-checkout-'));
  for (const part of ['src', 'scripts', 'package.json'])
    cpSync(join(repoRoot, part), join(dir, part), { recursive: true });
  symlinkSync(join(repoRoot, 'node_modules'), join(dir, 'node_modules'));
  return dir;
}

function memlane(dir: string, args: string[]) {
  const env = { ...process.env, MEMLANE_SERVER: '0' };
  const result = spawnSync(process.execPath, [join(dir, 'scripts/memlane.mjs'), ...args], {
    cwd: dir,
    env,
    encoding: 'utf8',
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const buildId = (dir: string) => (JSON.parse(readFileSync(join(dir, 'lib/build.json'), 'utf8')) as { id: string }).id;
const recordTime = (dir: string) => statSync(join(dir, 'build/lib-sources.json')).mtimeMs;

describe('the bin in a checkout', () => {
  it('builds lib/ on first use, reuses it, and builds it again when a source changes', () => {
    const dir = checkout();
    const help = memlane(repoRoot, ['render', '--help']);
    const first = memlane(dir, ['render', '--help']);
    assert.equal(first.code, 0, first.stderr);
    assert.equal(first.stdout, help.stdout);
    const built = buildId(dir);
    assert.equal(built, buildId(repoRoot), 'the same sources give the same build id');
    const recorded = recordTime(dir);

    assert.equal(memlane(dir, ['--version']).code, 0);
    assert.equal(recordTime(dir), recorded, 'an unchanged checkout is not built again');

    const usage = join(dir, 'src/cli/render-usage.ts');
    writeFileSync(usage, readFileSync(usage, 'utf8').replace('Exit status:', 'Exit status, edited:'));
    const edited = memlane(dir, ['render', '--help']);
    assert.equal(edited.code, 0, edited.stderr);
    assert.match(edited.stdout, /Exit status, edited:/, 'the edit is in the output');
    assert.notEqual(buildId(dir), built);
  });

  it('says so, with a hint, when lib/ cannot be built', () => {
    const dir = checkout();
    writeFileSync(join(dir, 'lib'), 'a file where the compiled folder would go\n');
    const result = memlane(dir, ['render', '--help']);
    assert.equal(result.code, 1);
    assert.equal(result.stdout, '');
    assert.match(result.stderr, /memlane: cannot compile src\/ into lib\/: .+\n/);
    assert.match(result.stderr, /\nhint: run "npm run build:package" to see why\n$/);
  });
});
