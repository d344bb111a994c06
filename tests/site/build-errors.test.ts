// A failing snippet or a wrong option stops the build, naming the page file and the line in it.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { buildSite, repoRoot } from './site-harness.ts';

const fixture = (name: string) => join(repoRoot, 'tests/fixtures/sites', name);

async function failingBuild(name: string): Promise<string> {
  const outDir = mkdtempSync(join(tmpdir(), `memlane-${name}-`));
  try {
    const result = await buildSite(fixture(name), outDir);
    assert.notEqual(result.status, 0, `the build of ${name} should fail:\n${result.output.slice(-2000)}`);
    return result.output;
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

describe('build errors', () => {
  it('a snippet that raises names the file, the line, the Python error and marks the line', async () => {
    const output = await failingBuild('broken-snippet');
    // The fence opens on line 7; `average = total / len(scores)` is its third line, line 10 of the file.
    assert.match(output, /content\/index\.md:10: the Python snippet failed: ZeroDivisionError: division by zero/);
    assert.match(output, /10 \| average = total \/ len\(scores\)\n\s+\^{10,}/);
    assert.match(output, /hint: if the snippet is meant to end with this exception, add raises=ZeroDivisionError/);
    // Astro re-renders only changed Markdown: an unchanged broken page must fail the next build too.
    assert.match(await failingBuild('broken-snippet'), /content\/index\.md:10: the Python snippet failed/);
  });

  it('a failing <MemoryDiagram> names the page and the line of its code', async () => {
    const output = await failingBuild('broken-component');
    // `items.push(3)` is the second line of the code prop, line 11 of the page.
    assert.match(output, /content\/index\.mdx:11: the Python snippet failed: AttributeError: 'list' object has no attribute 'push'/);
    assert.match(output, /11 \| items\.push\(3\)\n\s+\^{13}/);
  });

  it('a misspelt option names the fence line and suggests the option meant', async () => {
    const output = await failingBuild('broken-option');
    assert.match(output, /content\/index\.mdx:7: unknown diagram option "stpe"/);
    assert.match(output, /did you mean "step"\?/);
  });
});
