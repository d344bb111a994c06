// The house style holds in CI: Biome's formatter and linter pass (biome.jsonc), and no source line is over
// 120 characters, including the strings, comments and Python that a formatter leaves as they are.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';

const root = resolve(import.meta.dirname, '../..');
const MAX_LINE = 120;
/** Data, not code: recorded traces, golden pictures, snippets written by others. */
const DATA = /^tests\/fixtures\/(corpus|golden|traces|structures|hostile)\//;

function sourceFiles(): string[] {
  const listed = execFileSync('git', ['ls-files', '-co', '--exclude-standard'], { cwd: root, encoding: 'utf8' });
  return listed.split('\n').filter((file) => /\.(ts|mts|mjs|js|cjs|py|astro|css)$/.test(file) && !DATA.test(file));
}

describe('house style', () => {
  it('Biome formats and lints every TypeScript and JavaScript file cleanly (npm run lint)', () => {
    const biome = join(root, 'node_modules/.bin/biome');
    const run = spawnSync(biome, ['ci', '--colors=off', '.'], { cwd: root, encoding: 'utf8' });
    assert.equal(run.status, 0, `${run.stdout}\n${run.stderr}\nhint: npm run format rewrites what it can`);
  });

  it(`no source line is longer than ${MAX_LINE} characters`, () => {
    const long = sourceFiles().flatMap((file) =>
      readFileSync(join(root, file), 'utf8')
        .split('\n')
        .flatMap((line, i) => (line.length > MAX_LINE ? [`${file}:${i + 1}: ${line.length} characters`] : [])),
    );
    assert.deepEqual(long, [], 'hint: break the string or comment, or wrap the Python in parentheses');
  });
});
