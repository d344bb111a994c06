// The test tiers stay true: every path a tier list names exists, every file that reads the built
// site is listed to have it built once, and the slowest-files report sorts and formats its rows.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import { slowestFilesReport } from '../../scripts/slowest-files-reporter.ts';
import { inStartOrder, namedPaths, sharedSiteList, tierFiles, tierOf } from '../../scripts/test-tiers.ts';
import { repoRoot } from '../site/site-build.ts';

function testFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return name === 'fixtures' ? [] : testFiles(path);
      return name.endsWith('.test.ts') ? [relative(repoRoot, path)] : [];
    });
}

describe('test tiers', () => {
  const files = testFiles(join(repoRoot, 'tests'));

  it('name only paths that exist, so a renamed file cannot drop out of its tier unnoticed', () => {
    assert.deepEqual(
      namedPaths().filter((path) => !existsSync(path)),
      [],
    );
  });

  it("list every file that reads the repository's built site among the users of its shared build", () => {
    const readers = files.filter((file) =>
      /\b(useBuiltSite|builtSite)\(/.test(readFileSync(join(repoRoot, file), 'utf8')),
    );
    const users = new Set(sharedSiteList[0]!.users);
    assert.deepEqual(
      readers.filter((file) => !users.has(file)),
      [],
    );
  });

  it('run the unit tier inside the ci tier, and the package tier only on its own', () => {
    const ci = new Set(tierFiles(files, 'ci'));
    assert.ok(tierFiles(files, 'unit').every((file) => ci.has(file)));
    assert.deepEqual(tierFiles(files, 'package'), ['tests/package/astro-majors.test.ts']);
    assert.equal(tierOf('tests/package/astro-majors.test.ts'), 'package');
    assert.equal(tierOf('tests/core/problems.test.ts'), 'unit');
    assert.equal(tierOf('tests/site/stepping.test.ts'), 'ci');
  });

  it('start the slow files first and keep the others in their order', () => {
    const order = inStartOrder(['tests/core/a.test.ts', 'tests/site/build-errors.test.ts', 'tests/b.test.ts']);
    assert.deepEqual(order, ['tests/site/build-errors.test.ts', 'tests/core/a.test.ts', 'tests/b.test.ts']);
  });
});

describe('the slowest-files report', () => {
  it('lists at most ten files, slowest first, in aligned columns', () => {
    const seconds = new Map(Array.from({ length: 12 }, (_, i) => [`tests/f${i}.test.ts`, i + 0.25]));
    const lines = slowestFilesReport(seconds).trim().split('\n');
    assert.equal(lines[0], 'Slowest 10 test files:');
    assert.equal(lines.length, 11);
    assert.equal(lines[1], '  tests/f11.test.ts    11.3 s');
    assert.equal(lines[10], '  tests/f2.test.ts      2.3 s');
  });

  it('says nothing when no file ran', () => {
    assert.equal(slowestFilesReport(new Map()), '');
  });
});
