// A failing snippet or a wrong option stops the build, naming the page file and the line in it, with
// a caret under what Python points at; a build lists every problem of every page, each once. One
// broken site (tests/fixtures/sites/broken-site) built twice: as it is, then unchanged with MEMLANE_DEBUG=1.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { buildSite, repoRoot } from './site-harness.ts';

const fixture = join(repoRoot, 'tests/fixtures/sites/broken-site');
const brokenPages = ['component', 'index', 'option', 'second', 'snippet'];

/** The failed build's output, and which pages its output folder held before it was removed. */
async function failingBuild(env: NodeJS.ProcessEnv = {}): Promise<{ output: string; pagesLeft: string[] }> {
  const outDir = mkdtempSync(join(tmpdir(), 'memlane-broken-site-'));
  try {
    const result = await buildSite(fixture, outDir, env);
    assert.notEqual(result.status, 0, `the build of the broken site should fail:\n${result.output.slice(-2000)}`);
    const html = (page: string) => join(outDir, page === 'index' ? '' : page, 'index.html');
    return { output: result.output, pagesLeft: brokenPages.filter((page) => existsSync(html(page))) };
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

let first: { output: string; pagesLeft: string[] };
let debug: { output: string; pagesLeft: string[] };
before(async () => {
  first = await failingBuild();
  // Astro re-renders only changed Markdown: the unchanged broken pages must fail the next build too.
  debug = await failingBuild({ MEMLANE_DEBUG: '1' });
});

describe('build errors', () => {
  it('a snippet that raises names the file, the line, the Python error and marks the line', () => {
    // The fence opens on line 7; `average = total / len(scores)` is its third line, line 10 of the file.
    assert.match(
      first.output,
      /content\/snippet\.md:10: the Python snippet failed: ZeroDivisionError: division by zero/,
    );
    // Python points at `total / len(scores)`, columns 11 to 29.
    assert.match(first.output, /\n {2}10 \| average = total \/ len\(scores\)\n {17}\^{19}\n/);
    assert.match(
      first.output,
      /hint: if the snippet is meant to end with this exception, add raises=ZeroDivisionError/,
    );
    assert.match(debug.output, /content\/snippet\.md:10: the Python snippet failed/, 'the next build fails too');
  });

  it('a failing <MemoryDiagram> names the page and the line of its code', () => {
    // `items.push(3)` is the second line of the code prop, line 11 of the page.
    assert.match(
      first.output,
      /content\/component\.mdx:11: the Python snippet failed: AttributeError: 'list' object has no attribute 'push'/,
    );
    assert.match(first.output, /\n {2}11 \| items\.push\(3\)\n {7}\^{10}\n/);
  });

  it('a misspelt option names the fence line and suggests the option meant', () => {
    assert.match(first.output, /content\/option\.mdx:7: unknown diagram option "stpe"/);
    assert.match(first.output, /did you mean "step"\?/);
  });

  it('a build lists every problem of every page, each once, with no Node stack trace, then fails', () => {
    // A deploy that ignores the failure publishes no page with an error box in place of a diagram.
    assert.deepEqual(first.pagesLeft, [], 'the broken pages are left out');
    const leftOut = /The pages that show them were left out of the build: ([^\n]*)/.exec(first.output)?.[1] ?? '';
    assert.deepEqual(
      leftOut.split(', ').sort(),
      brokenPages.map((page) => `${page === 'index' ? '' : `${page}/`}index.html`).sort(),
    );
    const problems = [
      new RegExp(
        String.raw`content\/index\.md:9: the Python snippet failed: ZeroDivisionError: division by zero\n {2}9 \| ` +
          String.raw`average = sum\(scores\) \/ len\(scores\)\n {16}\^{25}\nhint: `,
        'g',
      ),
      new RegExp(
        String.raw`content\/index\.md:19: the Python snippet failed: SyntaxError: '\[' was never closed\n {2}19 \| ` +
          String.raw`items = \[1, 2\n {15}\^\nhint: fix the Python syntax at the caret`,
        'g',
      ),
      new RegExp(
        String.raw`content\/second\.mdx:9: the Python snippet failed: NameError: name 'cuont' is not defined\n {2}9` +
          String.raw` \| total = count \+ cuont\n {22}\^{5}\nhint: `,
        'g',
      ),
      /content\/snippet\.md:10: the Python snippet failed: ZeroDivisionError/g,
      /content\/component\.mdx:11: the Python snippet failed: AttributeError/g,
      /content\/option\.mdx:7: unknown diagram option "stpe"/g,
    ];
    for (const problem of problems)
      assert.equal(first.output.match(problem)?.length, 1, `once: ${problem.source}\n${first.output}`);
    assert.match(first.output, /6 python memory snippets failed:/);
    assert.equal(first.output.match(/the Python snippet failed/g)?.length, 5, 'no problem is printed twice');
    assert.doesNotMatch(first.output, /^\s+at /m, 'no stack trace');
    assert.doesNotMatch(first.output, /Stack trace:|\{\s*$|\[object Object\]/m, 'no stack or object dump');
  });

  it("MEMLANE_DEBUG=1 adds each problem's stack, for a bug in Memlane itself", () => {
    assert.match(
      debug.output,
      new RegExp(
        String.raw`content\/snippet\.md:10: the Python snippet failed: ZeroDivisionError[\s\S]*hint: [^\n]*\n\s+at ` +
          String.raw`.*snippet-to-diagram`,
      ),
    );
  });
});
