// A failing snippet or a wrong option stops the build, naming the page file and the line in it, with
// a caret under what Python points at; a build lists every problem of every page, each once.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { buildSite, repoRoot } from './site-harness.ts';

const fixture = (name: string) => join(repoRoot, 'tests/fixtures/sites', name);

/** The failed build's output; `inspect` sees its output folder before it is removed. */
async function failingBuild(name: string, env: NodeJS.ProcessEnv = {}, inspect?: (outDir: string) => void): Promise<string> {
  const outDir = mkdtempSync(join(tmpdir(), `memlane-${name}-`));
  try {
    const result = await buildSite(fixture(name), outDir, env);
    assert.notEqual(result.status, 0, `the build of ${name} should fail:\n${result.output.slice(-2000)}`);
    inspect?.(outDir);
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
    // Python points at `total / len(scores)`, columns 11 to 29.
    assert.match(output, /\n {2}10 \| average = total \/ len\(scores\)\n {17}\^{19}\n/);
    assert.match(output, /hint: if the snippet is meant to end with this exception, add raises=ZeroDivisionError/);
    // Astro re-renders only changed Markdown: an unchanged broken page must fail the next build too.
    assert.match(await failingBuild('broken-snippet'), /content\/index\.md:10: the Python snippet failed/);
  });

  it('a failing <MemoryDiagram> names the page and the line of its code', async () => {
    const output = await failingBuild('broken-component');
    // `items.push(3)` is the second line of the code prop, line 11 of the page.
    assert.match(output, /content\/index\.mdx:11: the Python snippet failed: AttributeError: 'list' object has no attribute 'push'/);
    assert.match(output, /\n {2}11 \| items\.push\(3\)\n {7}\^{10}\n/);
  });

  it('a misspelt option names the fence line and suggests the option meant', async () => {
    const output = await failingBuild('broken-option');
    assert.match(output, /content\/index\.mdx:7: unknown diagram option "stpe"/);
    assert.match(output, /did you mean "step"\?/);
  });

  it('a build lists every problem of every page, each once, with no Node stack trace, then fails', async () => {
    const output = await failingBuild('broken-pages', {}, (outDir) => {
      // A deploy that ignores the failure publishes no page with an error box in place of a diagram.
      assert.ok(!existsSync(join(outDir, 'index.html')) && !existsSync(join(outDir, 'second', 'index.html')), 'the broken pages are left out');
    });
    assert.match(output, /The pages that show them were left out of the build: index\.html, second\/index\.html/);
    const problems = [
      /content\/index\.md:9: the Python snippet failed: ZeroDivisionError: division by zero\n {2}9 \| average = sum\(scores\) \/ len\(scores\)\n {16}\^{25}\nhint: /g,
      /content\/index\.md:19: the Python snippet failed: SyntaxError: '\[' was never closed\n {2}19 \| items = \[1, 2\n {15}\^\nhint: fix the Python syntax at the caret/g,
      /content\/second\.mdx:9: the Python snippet failed: NameError: name 'cuont' is not defined\n {2}9 \| total = count \+ cuont\n {22}\^{5}\nhint: /g,
    ];
    for (const problem of problems) assert.equal(output.match(problem)?.length, 1, `once: ${problem.source}\n${output}`);
    assert.match(output, /3 python memory snippets failed:/);
    assert.equal(output.match(/the Python snippet failed/g)?.length, 3, 'no problem is printed twice');
    assert.doesNotMatch(output, /^\s+at /m, 'no stack trace');
    assert.doesNotMatch(output, /Stack trace:|\{\s*$|\[object Object\]/m, 'no stack or object dump');
  });

  it('MEMLANE_DEBUG=1 adds each problem\'s stack, for a bug in Memlane itself', async () => {
    const output = await failingBuild('broken-snippet', { MEMLANE_DEBUG: '1' });
    assert.match(output, /content\/index\.md:10: the Python snippet failed: ZeroDivisionError[^]*hint: [^\n]*\n\s+at .*snippet-to-diagram/);
  });
});
