// SVG files written by `memlane render`, opened in Chromium on a machine that need not have Inter or
// JetBrains Mono: every glyph is drawn from the faces inside the file (Chromium says which font drew
// each text), every text fits its box, and code shows no ligatures.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { measureText } from '../../src/layout/measure-text.ts';
import { escapeXml } from '../../src/render/escape-markup.ts';
import { embedFonts } from '../../src/slides/embed-fonts.ts';
import { runCli, tempDir } from '../cli/run-cli.ts';
import { launchChromium } from '../geometry/chromium.ts';
import { overflowsInPage } from '../render/text-overflows.ts';

const snippet = `class Person:
    def __init__(self, name):
        self.name = name


class Node:
    def __init__(self, value, next=None):
        self.value = value
        self.next = next


ada = Person("Ada")
head = Node(1, Node(2, Node(3)))
ok = 1 <= 2 != 3
`;

const dir = tempDir();

async function render(name: string, flags: string[]): Promise<string> {
  const path = join(dir, name);
  const result = await runCli(['render', '-', '-o', path, ...flags], { input: snippet });
  assert.equal(result.code, 0, result.stderr);
  return path;
}

/** A copy of the file without its @font-face rules, as memlane wrote it before it embedded them. */
function withoutFonts(path: string): string {
  const copy = path.replace(/\.svg$/, '-bare.svg');
  writeFileSync(copy, readFileSync(path, 'utf8').replace(/<style>\n@font-face[\s\S]*?<\/style>/, ''));
  return copy;
}

/** For every text of the open file, the fonts Chromium drew its glyphs with (DevTools' own account). */
async function fontsDrawing(page: Page): Promise<{ family: string; embedded: boolean; glyphs: number }[]> {
  const session = await page.context().newCDPSession(page);
  try {
    await session.send('DOM.enable');
    await session.send('CSS.enable');
    const { root } = await session.send('DOM.getDocument', { depth: -1 });
    const { nodeIds } = await session.send('DOM.querySelectorAll', { nodeId: root.nodeId, selector: 'text, tspan' });
    const fonts = new Map<string, { family: string; embedded: boolean; glyphs: number }>();
    for (const nodeId of nodeIds) {
      for (const font of (await session.send('CSS.getPlatformFontsForNode', { nodeId })).fonts) {
        const key = `${font.familyName} ${font.isCustomFont}`;
        const seen = fonts.get(key) ?? { family: font.familyName, embedded: font.isCustomFont, glyphs: 0 };
        seen.glyphs += font.glyphCount;
        fonts.set(key, seen);
      }
    }
    return [...fonts.values()];
  } finally {
    await session.detach();
  }
}

async function open(page: Page, path: string): Promise<void> {
  await page.goto(`file://${path}`);
  await page.evaluate(() => document.fonts.ready);
}

describe('standalone SVG files in Chromium, drawn with the faces inside them', () => {
  let browser: Browser;
  let page: Page;
  let diagram: string;
  let slide: string;
  before(async () => {
    [diagram, slide] = await Promise.all([render('diagram.svg', []), render('slide.svg', ['--with-code'])]);
    browser = await launchChromium();
    page = await browser.newPage();
  });
  after(async () => {
    await browser?.close();
  });

  it('draws every glyph of a slide with its embedded faces, none with a font of the machine', async () => {
    await open(page, slide);
    const fonts = await fontsDrawing(page);
    assert.deepEqual(
      fonts.filter((f) => !f.embedded),
      [],
      'no text falls back to an installed font',
    );
    assert.deepEqual(fonts.map((f) => f.family).sort(), ['Inter', 'Inter SemiBold', 'JetBrains Mono']);
  });

  it("the same file without them is drawn with the machine's fonts (so the check above can fail)", async () => {
    await open(page, withoutFonts(slide));
    const fonts = await fontsDrawing(page);
    assert.ok(fonts.length > 0 && fonts.every((f) => !f.embedded), JSON.stringify(fonts));
  });

  it('sizes every text as the layout measured it: each fits its box, a heading as wide as measured', async () => {
    await open(page, diagram);
    assert.deepEqual(await page.evaluate<string[]>(overflowsInPage), []);
    const heading = 'function __init__(self, name)';
    const drawn = await page.evaluate(
      (text) => [...document.querySelectorAll('text')].find((t) => t.textContent === text)?.getComputedTextLength(),
      heading,
    );
    const measured = measureText(heading, 'heading', 12);
    // Kerning may narrow the drawn text a little; a fallback font is wider or narrower by far more.
    assert.ok(
      drawn !== undefined && drawn <= measured + 0.5 && drawn >= measured * 0.97,
      `drawn ${drawn} px, measured ${measured} px`,
    );
  });

  it('draws `<=`, `!=`, `->` and `==` as the characters typed, exactly as each character drawn alone', async () => {
    const code = 'a <= b != c -> d == e';
    const svg = (texts: string) =>
      embedFonts(
        `<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="280" ` +
          `height="40" viewBox="0 0 280 40" font-family="'JetBrains Mono', monospace" ` +
          `font-size="20"><title>code</title><rect width="280" height="40" fill="#ffffff"/>${texts}</svg>\n`,
      );
    const pictures: Buffer[] = [];
    for (const [name, texts] of [
      ['run', `<text x="4" y="28" xml:space="preserve">${escapeXml(code)}</text>`],
      // JetBrains Mono advances 0.6 em (12 px here): each character at its column, nothing to join.
      [
        'apart',
        [...code]
          .map((char, column) => (char === ' ' ? '' : `<text x="${4 + 12 * column}" y="28">${escapeXml(char)}</text>`))
          .join(''),
      ],
    ] as const) {
      const path = join(dir, `${name}.svg`);
      writeFileSync(path, svg(texts));
      await open(page, path);
      assert.ok((await fontsDrawing(page)).every((f) => f.embedded && f.family === 'JetBrains Mono'));
      pictures.push(await page.screenshot({ clip: { x: 0, y: 0, width: 280, height: 40 } }));
    }
    assert.ok(pictures[0]!.equals(pictures[1]!), 'the line is drawn as its characters one by one');
  });
});
