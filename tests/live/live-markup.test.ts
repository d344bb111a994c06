// The live-editing markup of a diagram: "Edit code" (over the diagram) unless the fence opts out,
// "Open in playground" carrying the shown code and the fence's options when the site has a
// playground, and the data the editor starts from; the picture's readable width and HTML legend.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { describe, it } from 'node:test';
import { defaultDiagramOptions, type DiagramOptions } from '../../src/core/index.ts';
import { diagramToHtml, type DiagramParts } from '../../src/page/diagram-to-html.ts';
import { liveAssets } from '../../src/integration/live-assets.ts';
import { drawnWidth, legendHtml } from '../../src/page/diagram-view.ts';
import { codeFromHash, readShareHash } from '../../src/page/share-link.ts';
import type { Trace } from '../../src/trace/types.ts';

const trace: Trace = {
  format: 'memlane-trace',
  version: 1,
  python: '3.14.2',
  source: 'x = 1',
  stdout: '',
  error: null,
  steps: [{ line: 1, event: 'line', frames: [], heap: {} } as unknown as Trace['steps'][number]],
};
const parts = (editable: boolean, playground: string | null, options: Partial<DiagramOptions> = {}): DiagramParts => ({
  trace,
  snippet: { code: 'x = "<b>"', notes: new Map(), sourceLines: [1] },
  options: { ...defaultDiagramOptions, editable, ...options },
  id: 'demo',
  shownStep: 1,
  svg: '<svg class="memlane-diagram" width="10"></svg>',
  codeHtml: '<pre></pre>',
  live: { liveUrl: '/_memlane/live/', playground, timeoutMs: 10_000 },
});

describe('live editing markup', () => {
  it('an editable diagram has a disabled, hidden "Edit code" (the island reveals it) and its data', () => {
    const html = diagramToHtml(parts(true, '/playground/'));
    assert.match(
      html,
      /<button type="button"[^>]*data-live-action="edit" aria-expanded="false" disabled hidden>.*Edit code<\/button>/,
    );
    const data = JSON.parse(
      /data-live="([^"]*)"/
        .exec(html)![1]!
        .replace(/&quot;/g, '"')
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&amp;/g, '&'),
    );
    assert.deepEqual(data, {
      code: 'x = "<b>"',
      options: { ...defaultDiagramOptions, editable: true },
      liveUrl: '/_memlane/live/',
      timeoutMs: 10_000,
    });
    const href = /href="([^"]*)">[\s\S]*?Open in playground/.exec(html)![1]!;
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

  it('the playground link carries the options that change the picture, and the bar comes before the diagram', () => {
    const html = diagramToHtml(
      parts(true, '/playground/', { hide: ['w'], scalars: 'heap', step: 3, title: 'Shown', id: 'own' }),
    );
    const href = /href="([^"]*)">[\s\S]*?Open in playground/.exec(html)![1]!.replace(/&amp;/g, '&');
    assert.deepEqual(readShareHash(new URL(href, 'http://site').hash), {
      code: 'x = "<b>"',
      options: [
        ['step', '3'],
        ['scalars', 'heap'],
        ['hide', 'w'],
      ],
    });
    assert.ok(
      html.indexOf('memlane-live-bar') < html.indexOf('<memlane-diagram'),
      'the editor opens over the diagram, under its button',
    );
  });

  it('draws a diagram no smaller than its natural size, and larger until its smallest text is 11 px', () => {
    assert.equal(drawnWidth('<svg class="memlane-diagram" width="400" font-size="12"><text>a</text></svg>'), 400);
    assert.equal(
      drawnWidth('<svg class="memlane-diagram" width="420" font-size="12"><text font-size="10.5">a</text></svg>'),
      440,
    );
    assert.equal(drawnWidth('<svg class="memlane-diagram"></svg>'), undefined);
    assert.match(
      diagramToHtml(parts(true, null)),
      /class="memlane-stage" style="--memlane-svg-width:10px;--memlane-svg-natural:10px"/,
    );
  });

  it('puts the legend and notes in HTML, each sample beside its words', () => {
    const html = legendHtml(
      {
        entries: [
          { sample: 'mutable', text: 'mutable object' },
          { sample: 'immortal', text: 'immortal <no>' },
        ],
        notes: ['Some objects are not drawn.'],
      },
      'site',
    );
    assert.match(
      html,
      new RegExp(
        String.raw`<ul aria-label="Legend"><li><svg [^>]*class="memlane-legend-sample"[^>]*data-theme="site"[^>]*ar` +
          String.raw`ia-hidden="true"[^>]*><rect [^>]*class="ml-mutable"[\s\S]*?<\/svg><span>mutable ` +
          String.raw`object<\/span><\/li>`,
      ),
    );
    assert.match(html, /<span>immortal &lt;no&gt;<\/span>/);
    assert.match(html, /<p class="memlane-legend-note">Some objects are not drawn.<\/p>/);
    assert.equal(legendHtml({ entries: [], notes: [] }, 'site'), '');
  });
});
