// One snippet, four places, one set of colours: the page's static code pane, the diagram worker's
// code pane after a run, a slide's SVG code panel and the live editor, drawn together in Chromium
// with memlane.css, give every character the same colour and style, in the light and the dark theme.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { build } from 'esbuild';
import type { Browser, Page } from 'playwright-core';
import { codeToHtml } from '../../src/highlight/code-to-html.ts';
import { codeToSvgPanel } from '../../src/slides/code-to-svg-panel.ts';
import { highlightPython } from '../../src/slides/highlight-code.ts';
import { launchChromium } from '../geometry/chromium.ts';

const code = `import math
class Point:  # where a point is
    def __init__(self, x=0):
        self.x = x * 2 + 0.5
def area(r):
    print(f"r={r!r}", len([1, 'a']), True, None)
    return math.pi * r ** 2 if r >= 0 and not False else -1
`;
const currentLine = 4;
const css = readFileSync(new URL('../../components/memlane.css', import.meta.url), 'utf8');
const root = new URL('../../', import.meta.url).pathname;

/** The worker's code pane, made by the very module the diagram worker bundles. */
async function workerCodeHtml(): Promise<string> {
  const worker = readFileSync(new URL('../../components/live/diagram-worker.ts', import.meta.url), 'utf8');
  const from = /import \{[^}]*\bshownCodeHtml\b[^}]*\} from '([^']+)'/.exec(worker)?.[1];
  assert.equal(from, 'memlane/browser', 'the diagram worker imports shownCodeHtml from memlane/browser');
  const module = await import('../../src/browser.ts');
  // A run shown at its step on the current line, with no step after it.
  const shown = { trace: { steps: [{ line: currentLine }] }, shownStep: 1, snippet: { code } };
  return module.shownCodeHtml(shown as unknown as Parameters<typeof module.shownCodeHtml>[0]);
}

function slidePanel(theme: 'light' | 'dark'): string {
  const panel = codeToSvgPanel({ tokens: highlightPython(code, theme), currentLine, dark: theme === 'dark' });
  const size = `width="${panel.width}" height="${panel.height}"`;
  return `<svg xmlns="http://www.w3.org/2000/svg" ${size}>${panel.markup}</svg>`;
}

/**
 * Runs in the page: every visible character under `selector`, in order, with its drawn colour and
 * style (`fill` in SVG, where only a tspan's characters are code; `color` in HTML).
 */
const probe = `(selector) => {
  const root = document.querySelector(selector);
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const out = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    const svg = parent instanceof SVGElement;
    if (svg && parent.tagName !== 'tspan') continue;
    const style = getComputedStyle(parent);
    const drawn = (svg ? style.fill : style.color) + ' ' + style.fontStyle;
    for (const char of node.data) if (char.trim()) out.push(char + ' ' + drawn);
  }
  return out;
}`;

describe('the same code in the same colours on a page, a slide and in the editor', () => {
  let browser: Browser;
  let tab: Page;
  before(async () => {
    const editor = await build({
      stdin: {
        contents:
          "import { createCodeEditor } from './components/live/code-editor.ts';\n" +
          'globalThis.createCodeEditor = createCodeEditor;',
        resolveDir: root,
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
    await tab.setContent(`<!doctype html><html><head><style>${css}</style></head><body>
<div class="memlane-code" id="page">${codeToHtml(code, { current: currentLine })}</div>
<div class="memlane-code" id="worker">${await workerCodeHtml()}</div>
<div id="slide-light">${slidePanel('light')}</div>
<div id="slide-dark">${slidePanel('dark')}</div>
<div class="memlane-editor-code" id="editor"></div>
</body></html>`);
    await tab.addScriptTag({ content: editor.outputFiles[0]!.text });
    const mount = `createCodeEditor(document.getElementById('editor'), ${JSON.stringify(code)}, new Map(), () => {})`;
    await tab.evaluate(mount);
  });
  after(async () => browser?.close());

  for (const theme of ['light', 'dark'] as const) {
    it(`gives every character one colour and style everywhere, ${theme}`, async () => {
      await tab.evaluate(`document.documentElement.dataset.theme = ${JSON.stringify(theme)}`);
      const read = (selector: string) => tab.evaluate<string[]>(`(${probe})(${JSON.stringify(selector)})`);
      const page = await read('#page');
      assert.equal(page.map((entry) => entry[0]).join(''), code.replace(/\s/g, ''), 'the page shows every character');
      const colours = new Set(page.map((entry) => entry.split(' ').slice(1).join(' ')));
      assert.ok(colours.size >= 7, `the sample is coloured in ${colours.size} ways, enough to tell kinds apart`);
      assert.deepEqual(await read('#worker'), page, 'the diagram worker colours code like the page');
      assert.deepEqual(await read(`#slide-${theme}`), page, 'a slide colours code like the page');
      assert.deepEqual(await read('#editor .cm-content'), page, 'the live editor colours code like the page');
    });
  }

  it('colours the dark theme unlike the light one', async () => {
    const read = async (theme: string) => {
      await tab.evaluate(`document.documentElement.dataset.theme = ${JSON.stringify(theme)}`);
      return tab.evaluate<string[]>(`(${probe})('#page')`);
    };
    assert.notDeepEqual(await read('light'), await read('dark'));
  });
});
