// Code on pages shows the characters typed: with a monospace face that has ligatures (JetBrains Mono,
// whole) as the site's, Chromium draws a code block, output, answers, diagram values and the live
// editor without joining `<=`, `!=`, `->` or `==` into one sign.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { build } from 'esbuild';
import type { Browser, Page } from 'playwright-core';
import { slideFaces } from '../../src/slides/font-files.ts';
import { launchChromium } from '../geometry/chromium.ts';

const code = 'a &lt;= b != c -&gt; d == e';
const mono = slideFaces.find(
  (face) => face.family === 'JetBrains Mono' && face.weight === 400 && face.style === 'normal',
)!;
const css = readFileSync(new URL('../../components/memlane.css', import.meta.url), 'utf8');
const page = `<!doctype html><html><head><style>
@font-face {
  font-family: 'Ligature Mono';
  src: url(data:font/ttf;base64,${readFileSync(mono.file).toString('base64')}) format('truetype');
}
:root { --__sl-font-mono: 'Ligature Mono'; }
body { margin: 0; }
${css}
/* The three blocks alike but for ligatures; the reference draws each character in a box of its own, so nothing can
   join. */
#block, #plain, #apart {
  margin: 0; padding: 4px; width: 300px;
  font-family: 'Ligature Mono'; font-size: 20px; font-weight: 400; line-height: 1.5;
}
#block code, #plain code, #apart code { display: block; font-family: inherit; font-size: inherit; }
#apart span { display: inline-block; }
</style></head><body>
<pre class="memlane-code-block" id="block"><code>${code}</code></pre>
<pre class="plain" id="plain"><code>${code}</code></pre>
<pre class="apart" id="apart"><code>${code.replace(/&[a-z]+;|./g, (char) => `<span>${char}</span>`)}</code></pre>
<div class="memlane-stage"><svg width="10" height="10"><text id="value">a</text></svg></div>
<div class="memlane" id="editor"></div>
</body></html>`;

/**
 * Runs in the page (a string, so the test's compiler adds no helpers): mounts the live editor, then reads each kind of
 * code's ligature settings.
 */
const probeStyles = `(() => {
  globalThis.createCodeEditor(document.getElementById('editor'), 'ok = 1 <= 2', new Map(), () => {});
  const output = Object.assign(document.createElement('div'), {
    className: 'memlane-output',
    innerHTML: '<pre>x</pre>',
  });
  const answer = Object.assign(document.createElement('input'), { className: 'memlane-exercise-input' });
  document.body.append(output, answer);
  return [output.querySelector('pre'), answer, document.getElementById('value'), document.querySelector('.cm-content')]
    .map((element) => [getComputedStyle(element).fontVariantLigatures, getComputedStyle(element).fontFeatureSettings]);
})()`;

describe('code without ligatures on pages', () => {
  let browser: Browser;
  let tab: Page;
  before(async () => {
    const editor = await build({
      stdin: {
        contents:
          `import { createCodeEditor } from './components/live/code-editor.ts';\n` +
          `globalThis.createCodeEditor = createCodeEditor;`,
        resolveDir: new URL('../../', import.meta.url).pathname,
        loader: 'ts',
      },
      bundle: true,
      platform: 'browser',
      format: 'iife',
      write: false,
      logLevel: 'silent',
    });
    browser = await launchChromium();
    tab = await browser.newPage();
    await tab.setContent(page);
    await tab.addScriptTag({ content: editor.outputFiles[0]!.text });
    // The face must be loaded before anything is drawn, or a fallback font would be.
    assert.equal(
      await tab.evaluate<number>(`document.fonts.load("20px 'Ligature Mono'").then((faces) => faces.length)`),
      1,
      'the whole JetBrains Mono is loaded',
    );
  });
  after(async () => browser?.close());

  it('draws a code block exactly as its characters one by one', async () => {
    const [block, plain, apart] = await Promise.all(
      ['#block', '#plain', '#apart'].map((id) => tab.locator(id).screenshot()),
    );
    assert.ok(!plain!.equals(apart!), 'the face joins them where nothing says not to (so the check can fail)');
    assert.ok(block!.equals(apart!), 'the code block shows every character');
  });

  it('turns ligatures off for output, answers, diagram values and the live editor', async () => {
    const styles = await tab.evaluate<[string, string][]>(probeStyles);
    for (const [ligatures, features] of styles) {
      assert.equal(ligatures, 'none');
      // Chromium lists the features sorted.
      assert.equal(features, '"calt" 0, "liga" 0');
    }
  });
});
