// The site's scripts stay under Vite's 500 kB chunk warning: the live editor loads without the trace
// checker and the diagram worker without CodeMirror, so an author's build prints no size warning.
import assert from 'node:assert/strict';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
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
});
