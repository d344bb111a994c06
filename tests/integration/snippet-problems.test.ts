// Snippet problems kept instead of thrown: each shown in its diagram's place and recorded once, a
// <MemoryDiagram> prop placed at its line, and the one build error that lists them without a stack.
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { propsToRawOptions } from '../../src/core/index.ts';
import { SnippetsFailedError } from '../../src/integration/build-failure.ts';
import { SnippetError } from '../../src/integration/snippet-error.ts';
import { diagramOrProblem, takeProblems } from '../../src/integration/snippet-problems.ts';
import { closeSimulator, snippetToDiagram, type PipelineSettings } from '../../src/integration/snippet-to-diagram.ts';

const settings: PipelineSettings = {
  cacheDir: false,
  defaults: {},
  timeoutMs: 10_000,
  fingerprint: 'test',
  playground: 'playground/',
  live: { liveUrl: '/_memlane/live/', playground: '/playground/', timeoutMs: 10_000 },
};
after(() => closeSimulator());

const divide = (file: string, firstLine: number) => () =>
  snippetToDiagram(
    { written: 'x = 1\ny = x / 0', rawOptions: {}, location: { file, firstLine }, fallbackId: 'd' },
    settings,
  );

describe('snippet problems', () => {
  it(
    'a failing snippet gives its problem in its place, recorded once however often its page renders; by ' +
      'page and line',
    async () => {
      takeProblems();
      const html = await diagramOrProblem(divide('content/b.md', 20));
      assert.match(
        html,
        /^<aside class="memlane-problem"[\s\S]*<pre>content\/b\.md:21: the Python snippet failed: ZeroDivisionError/,
      );
      await diagramOrProblem(divide('content/b.md', 20));
      await diagramOrProblem(divide('content/a.md', 5));
      assert.deepEqual(
        takeProblems().map((p) => `${p.loc.file}:${p.loc.line}`),
        ['content/a.md:6', 'content/b.md:21'],
      );
      assert.deepEqual(takeProblems(), [], 'taken once');
    },
  );

  it('a <MemoryDiagram> prop that is wrong is placed on the line of the element', async () => {
    const { problems } = propsToRawOptions({ stpe: 'last' }, 'prop of <MemoryDiagram>');
    const html = await diagramOrProblem(() =>
      snippetToDiagram(
        {
          written: 'x = 1',
          rawOptions: {},
          location: { file: 'content/c.mdx', firstLine: 12 },
          fallbackId: 'd',
          problem: problems[0],
        },
        settings,
      ),
    );
    assert.match(
      html,
      new RegExp(
        String.raw`<pre>content\/c\.mdx:11: unknown prop of &lt;MemoryDiagram&gt; &quot;stpe&quot;\nhint: did you ` +
          String.raw`mean &quot;step&quot;\?`,
      ),
    );
    takeProblems();
  });

  it('any other error is not a snippet problem: it is thrown', async () => {
    await assert.rejects(
      diagramOrProblem(() => Promise.reject(new TypeError('a bug'))),
      /a bug/,
    );
  });

  it('the build error lists every problem as written, with no stack unless MEMLANE_DEBUG asks for it', () => {
    const problems = [
      new SnippetError(
        { kind: 'option', line: 0, message: 'unknown diagram option "stpe"', hint: 'did you mean "step"?' },
        { file: 'content/a.md', firstLine: 8 },
      ),
      new SnippetError(
        {
          kind: 'python',
          line: 1,
          message: "the Python snippet failed: NameError: name 'document' is not defined",
          hint: 'add raises=NameError',
          excerpt: 'document',
        },
        { file: 'content/b.md', firstLine: 4 },
      ),
    ];
    const quiet = new SnippetsFailedError(problems, [], false);
    assert.equal(
      quiet.message,
      `2 python memory snippets failed:\n\n${problems[0]!.message}\n\n${problems[1]!.message}\n`,
    );
    assert.equal(quiet.stack, '');
    assert.equal(String(quiet), 'MemlaneSnippetsFailed', "a snippet's words do not reach Astro's guesses at hints");
    assert.match(new SnippetsFailedError(problems, [], true).message, /hint: did you mean "step"\?\n\s+at /);
  });
});
