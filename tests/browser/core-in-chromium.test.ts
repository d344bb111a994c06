// The core runs unchanged in a browser: bundled by esbuild for the browser platform (so any Node-only
// import fails the bundle), run in Chromium on the corpus traces, it draws the same SVGs as Node.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { build } from 'esbuild';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../geometry/chromium.ts';
import { corpusTraceNames, loadTrace } from '../fixtures/traces/load.ts';
import { parseSvg, type SvgNode } from '../render/svg-tree.ts';
import { drawRecorded } from './draw-recorded.ts';

/** An element as data: name, attributes, own text and children, for a structural comparison. */
function shape(node: SvgNode): unknown {
  return { name: node.name, attrs: node.attrs, text: node.text.trim(), children: node.children.map(shape) };
}

describe('the core in Chromium', () => {
  let browser: Browser;
  let page: Page;
  let bundleBytes = 0;

  before(async () => {
    const bundle = await build({
      entryPoints: [new URL('./core-entry.ts', import.meta.url).pathname],
      bundle: true,
      platform: 'browser',
      format: 'iife',
      write: false,
      logLevel: 'silent',
    });
    const code = bundle.outputFiles[0]!.text;
    bundleBytes = code.length;
    browser = await launchChromium();
    page = await browser.newPage();
    await page.setContent('<!doctype html><html><body></body></html>');
    await page.addScriptTag({ content: code });
  });
  after(async () => browser?.close());

  it('bundles for the browser platform without a Node built-in', () => {
    assert.ok(bundleBytes > 10_000, `bundle of ${bundleBytes} bytes`);
  });

  for (const theme of ['site', 'sketch'] as const) {
    it(`draws every corpus trace with the same boxes, positions and text as Node (${theme})`, async () => {
      assert.ok(corpusTraceNames.length >= 10);
      for (const name of corpusTraceNames) {
        const trace = loadTrace(name);
        const inNode = await drawRecorded(trace, theme);
        const inBrowser = await page.evaluate(
          ([t, th]) =>
            (globalThis as unknown as { memlane: { drawRecorded: typeof drawRecorded } }).memlane.drawRecorded(t, th),
          [trace, theme] as const,
        );
        assert.ok('page' in inNode, `${name}: ${JSON.stringify(inNode)}`);
        assert.ok('page' in inBrowser, `${name}: ${JSON.stringify(inBrowser)}`);
        assert.deepEqual(shape(parseSvg(inBrowser.page)), shape(parseSvg(inNode.page)), `${name}: page SVG`);
        assert.deepEqual(shape(parseSvg(inBrowser.first)), shape(parseSvg(inNode.first)), `${name}: first step`);
      }
    });
  }
});
