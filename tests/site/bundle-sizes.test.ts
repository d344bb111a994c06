// The site's scripts stay under Vite's 500 kB chunk warning: the live editor loads without the trace
// checker and the diagram worker without CodeMirror, so an author's build prints no size warning.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';
import { builtSite } from './site-harness.ts';

/** Vite warns about a chunk over 500 kB, counting 1000 bytes to the kB. */
const VITE_WARNING_BYTES = 500 * 1000;

describe("the built site's scripts", () => {
  it('are each under the size Vite warns about, the editor and the diagram worker included', async () => {
    const assets = join(await builtSite(), '_astro');
    const scripts = readdirSync(assets).filter((name) => name.endsWith('.js'));
    for (const part of ['live-editor', 'diagram-worker'])
      assert.ok(
        scripts.some((name) => name.startsWith(part)),
        `the build has ${part}`,
      );
    const over = scripts
      .map((name) => ({ name, bytes: statSync(join(assets, name)).size }))
      .filter(({ bytes }) => bytes > VITE_WARNING_BYTES);
    assert.deepEqual(over, []);
  });

  it("keep the island's first-paint script under 6 KB gzipped (motion, questions, editor load later)", async () => {
    const site = await builtSite();
    const html = readFileSync(join(site, 'course', 'aliasing', 'index.html'), 'utf8');
    const entry = /<script type="module" src="\/_astro\/(page\.[^"]+\.js)"/.exec(html)?.[1];
    assert.ok(entry, 'the page script is on the page');
    // The page script and the modules it imports statically (import ... from), not the ones it imports on demand.
    const firstPaint = new Set<string>();
    const visit = (name: string) => {
      if (firstPaint.has(name)) return;
      firstPaint.add(name);
      const text = readFileSync(join(site, '_astro', name), 'utf8');
      for (const [, imported] of text.matchAll(/(?:^|[;}\s])import[^()"'`]*?from\s*"\.\/([^"]+\.js)"/g))
        visit(imported!);
    };
    visit(entry);
    const gzipped = [...firstPaint].reduce(
      (sum, name) => sum + gzipSync(readFileSync(join(site, '_astro', name)), { level: 9 }).length,
      0,
    );
    assert.ok(firstPaint.size >= 1 && [...firstPaint].every((name) => !/live-editor|diagram-motion/.test(name)));
    assert.ok(gzipped < 6 * 1024, `first paint: ${gzipped} bytes gzipped (${[...firstPaint].join(', ')})`);
  });
});
