// The live-editing markup of a diagram: "Edit code" unless the fence opts out, "Open in playground"
// carrying the shown code when the site has a playground, and the data the editor starts from.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { describe, it } from 'node:test';
import { defaultDiagramOptions } from '../../src/core/index.ts';
import { diagramToHtml, type DiagramParts } from '../../src/integration/diagram-to-html.ts';
import { liveAssets } from '../../src/integration/live-assets.ts';
import { codeFromHash } from '../../src/live/share-link.ts';
import type { Trace } from '../../src/trace/types.ts';

const trace: Trace = {
  format: 'memlane-trace', version: 1, python: '3.14.2', source: 'x = 1', stdout: '', error: null,
  steps: [{ line: 1, event: 'line', frames: [], heap: {} } as unknown as Trace['steps'][number]],
};
const parts = (editable: boolean, playground: string | null): DiagramParts => ({
  trace, snippet: { code: 'x = "<b>"', notes: new Map(), sourceLines: [1] }, options: { ...defaultDiagramOptions, editable }, id: 'demo', shownStep: 1,
  svg: '<svg class="memlane-diagram" width="10"></svg>', codeHtml: '<pre></pre>',
  live: { liveUrl: '/_memlane/live/', playground, timeoutMs: 10_000 },
});

describe('live editing markup', () => {
  it('an editable diagram has a disabled, hidden "Edit code" (the island reveals it) and its data', () => {
    const html = diagramToHtml(parts(true, '/playground/'));
    assert.match(html, /<button type="button"[^>]*data-live-action="edit" aria-expanded="false" disabled hidden>.*Edit code<\/button>/);
    const data = JSON.parse(/data-live="([^"]*)"/.exec(html)![1]!.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&'));
    assert.deepEqual(data, { code: 'x = "<b>"', options: { ...defaultDiagramOptions, editable: true }, liveUrl: '/_memlane/live/', timeoutMs: 10_000 });
    const href = /href="([^"]*)">[^]*?Open in playground/.exec(html)![1]!;
    assert.equal(codeFromHash(new URL(href, 'http://site').hash), 'x = "<b>"');
  });

  it('editable=false keeps the playground link and drops Edit code; no playground drops the link', () => {
    const fixed = diagramToHtml(parts(false, '/playground/'));
    assert.doesNotMatch(fixed, /Edit code|data-live=/);
    assert.match(fixed, /Open in playground/);
    const alone = diagramToHtml(parts(true, null));
    assert.match(alone, /Edit code/);
    assert.doesNotMatch(alone, /Open in playground/);
    assert.doesNotMatch(diagramToHtml(parts(false, null)), /memlane-live-bar/);
  });

  it('copies every interpreter file from a place that exists', () => {
    const assets = liveAssets();
    assert.ok(assets.some((a) => a.path === 'pyodide.asm.wasm') && assets.some((a) => a.path.startsWith('tracer/')));
    for (const asset of assets) assert.ok(existsSync(asset.from), asset.from);
  });
});
