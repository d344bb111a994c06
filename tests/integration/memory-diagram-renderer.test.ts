// <MemoryDiagram>'s renderer: it refuses with a hint until memlane() configured it, then renders with the
// configured pipeline, a wrong prop recorded as a problem and shown in the diagram's place.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { propsToRawOptions } from '../../src/core/index.ts';
import { configureMemoryDiagram, renderMemoryDiagram } from '../../src/integration/memory-diagram-renderer.ts';
import { takeProblems } from '../../src/integration/snippet-problems.ts';

describe("<MemoryDiagram>'s renderer", () => {
  it('asks for memlane() until it is configured, then renders through it', async () => {
    const { problems } = propsToRawOptions({ stpe: 'last' }, 'prop of <MemoryDiagram>');
    const request = {
      written: 'x = 1',
      rawOptions: {},
      location: { file: 'content/c.mdx', firstLine: 4 },
      fallbackId: 'd',
      problem: problems[0],
    };
    assert.throws(() => renderMemoryDiagram(request), /needs the memlane\(\) integration\.\nhint: add memlane\(\)/);
    configureMemoryDiagram({
      cacheDir: false,
      defaults: {},
      timeoutMs: 10_000,
      fingerprint: 'test',
      playground: 'playground/',
      live: { liveUrl: '/_memlane/live/', playground: '/playground/', timeoutMs: 10_000 },
    });
    takeProblems();
    const html = await renderMemoryDiagram(request);
    assert.match(html, /<pre>content\/c\.mdx:3: unknown prop of &lt;MemoryDiagram&gt; &quot;stpe&quot;/);
    assert.deepEqual(
      takeProblems().map((p) => `${p.loc.file}:${p.loc.line}`),
      ['content/c.mdx:3'],
    );
  });
});
