// `memlane render -o steps.gif | handout.pdf`: the GIF decodes to one frame per step with the asked delay,
// all one size; the PDF has a page per step plus a question page before each answer, and its text extracts.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { GifReader } from 'omggif';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { findAll, parseXml, textOf } from '../slides/xml-tree.ts';
import { fixture, tempDir } from './run-cli.ts';
import { runMain } from './run-main.ts';

const outDir = tempDir();

async function renderTo(name: string, args: string[]): Promise<{ bytes: Buffer; stderr: string }> {
  const out = join(outDir, name);
  const result = await runMain(['render', ...args, '-o', out]);
  assert.equal(result.code, 0, result.stderr);
  return { bytes: readFileSync(out), stderr: result.stderr };
}

/** Every step's description, as the diagram's own SVG says it in <desc> (a slide's desc wraps it). */
async function descriptions(file: string): Promise<string[]> {
  const dir = join(outDir, `desc-${file.replace(/\W/g, '')}`);
  const result = await runMain(['render', file, '--all-steps', '--out-dir', dir]);
  assert.equal(result.code, 0, result.stderr);
  const total = Number(/wrote (\d+) files/.exec(result.stderr)![1]);
  return Array.from({ length: total }, (_, i) => {
    const svg = parseXml(
      readFileSync(join(dir, `step-${String(i + 1).padStart(String(total).length, '0')}.svg`), 'utf8'),
    );
    return unescapeXml(textOf(findAll(svg, (e) => e.attributes.id === 'ml-desc')[0]!));
  });
}

/** The tree keeps entities as written: the PDF holds the characters. */
const unescapeXml = (text: string) =>
  text.replace(
    /&(lt|gt|quot|#39|amp);/g,
    (_, name: string) => ({ lt: '<', gt: '>', quot: '"', '#39': "'", amp: '&' })[name]!,
  );

/** Each page's text, as a PDF reader extracts it. */
async function pageTexts(pdf: Buffer): Promise<string[]> {
  const task = getDocument({ data: new Uint8Array(pdf), useSystemFonts: false });
  const doc = await task.promise;
  const texts: string[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const content = await (await doc.getPage(n)).getTextContent();
    texts.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '));
  }
  await task.destroy();
  return texts;
}

/** Text compared without its spacing: a reader splits and joins lines where the page wraps them. */
const squeezed = (text: string) => text.replace(/\s+/g, '');

describe('memlane render: every step in one GIF or PDF', () => {
  let aliasing: string[];
  let predict: string[];
  before(async () => {
    aliasing = await descriptions(fixture('aliasing.py'));
    predict = await descriptions(fixture('predict.py'));
  });

  it('writes a GIF with one frame per step, each the asked delay, all the size of the animation', async () => {
    const { bytes, stderr } = await renderTo('steps.gif', [
      fixture('aliasing.py'),
      '--delay',
      '1200',
      '--with-code',
      '--width',
      '640',
    ]);
    const gif = new GifReader(bytes);
    assert.equal(gif.numFrames(), aliasing.length);
    assert.equal(gif.width, 640);
    assert.equal(gif.loopCount(), 0, 'loops for ever, as slides play it');
    for (let frame = 0; frame < gif.numFrames(); frame++) {
      const info = gif.frameInfo(frame);
      assert.deepEqual([info.x, info.y, info.width, info.height], [0, 0, gif.width, gif.height]);
      assert.equal(info.delay, 120, 'GIF delays are in hundredths of a second');
    }
    const written = `wrote .*steps\\.gif \\(${aliasing.length} frames, 640×${gif.height} px, 1200 ms`;
    assert.match(stderr, new RegExp(written));
  });

  it('draws dark frames on the dark page colour, the default delay when none is asked', async () => {
    const { bytes } = await renderTo('dark.gif', [fixture('predict.py'), '--theme', 'dark']);
    const gif = new GifReader(bytes);
    assert.equal(gif.numFrames(), predict.length);
    assert.equal(gif.frameInfo(0).delay, 150);
    const pixels = new Uint8Array(gif.width * gif.height * 4);
    for (let frame = 0; frame < gif.numFrames(); frame++) gif.decodeAndBlitFrameRGBA(frame, pixels);
    // The last frame as a viewer shows it: the top-left pixel is the dark page (#17181c), not white.
    assert.ok(pixels[0]! < 0x30 && pixels[1]! < 0x30 && pixels[2]! < 0x30, `top-left ${pixels.slice(0, 3).join(',')}`);
  });

  it('writes a PDF with a page per step, a question page before each answer, its text extractable', async () => {
    const { bytes, stderr } = await renderTo('handout.pdf', [fixture('predict.py')]);
    const pages = (await pageTexts(bytes)).map(squeezed);
    assert.equal(pages.length, predict.length + 2, 'two # @predict questions, each its own page');
    assert.match(stderr, new RegExp(`\\(${pages.length} pages: ${predict.length} steps and 2 questions\\)`));
    const questions = pages.flatMap((text, i) => (/question,line\d/.test(text) ? [i] : []));
    assert.equal(questions.length, 2);
    for (const i of questions) {
      assert.match(pages[i]!, /Predict,line\d/);
      assert.match(pages[i + 1]!, /Answer:/, 'the answer is on the page after its question');
      assert.doesNotMatch(pages[i]!, /Answer:/);
    }
    const stepPages = pages.filter((_, i) => !questions.includes(i));
    stepPages.forEach((text, i) => {
      assert.ok(text.includes(`step${i + 1}of${predict.length},line`), `page ${i + 1}: ${text.slice(0, 80)}`);
      assert.ok(text.includes(squeezed(predict[i]!)), `page of step ${i + 1} has its description`);
      assert.ok(text.includes('fruits'), 'the code is on the page, as text');
    });
    assert.ok(
      pages.some((text) => text.includes(squeezed('Two strings in a new list.'))),
      'the # @note is on its step',
    );
    // JetBrains Mono would draw these as ligatures (which fontkit cannot read): the handout shows them as typed.
    assert.ok(
      pages.every((text) => text.includes('more="..."ifcount!=2else"->"')),
      'the code as typed',
    );
  });

  it('writes the same bytes for the same input, with a fixed creation date', async () => {
    const first = await renderTo('again-1.pdf', [fixture('aliasing.py'), '--theme', 'sketch']);
    const second = await renderTo('again-2.pdf', [fixture('aliasing.py'), '--theme', 'sketch']);
    assert.ok(first.bytes.equals(second.bytes));
    const pdf = first.bytes.toString('latin1');
    const dateObject = /\/CreationDate (\d+) 0 R/.exec(pdf)![1];
    assert.match(pdf, new RegExp(`\\n${dateObject} 0 obj\\n\\(D:20000101000000Z\\)`), 'the fixed creation date');
    const gifOne = await renderTo('again-1.gif', [fixture('aliasing.py'), '--with-code']);
    const gifTwo = await renderTo('again-2.gif', [fixture('aliasing.py'), '--with-code']);
    assert.ok(gifOne.bytes.equals(gifTwo.bytes));
  });
});

describe('memlane render a.py b.py: every moment of a comparison in one GIF or PDF', () => {
  const pair = [fixture('shallow-copy.py'), fixture('deep-copy.py')];
  const momentsOf = async () => {
    const dir = join(outDir, 'pair-moments');
    const result = await runMain(['render', ...pair, '--all-steps', '--out-dir', dir]);
    assert.equal(result.code, 0, result.stderr);
    return Number(/wrote (\d+) files/.exec(result.stderr)![1]);
  };

  it('writes a GIF with one frame per moment, all one size', async () => {
    const moments = await momentsOf();
    const { bytes } = await renderTo('pair.gif', [...pair, '--with-code']);
    const gif = new GifReader(new Uint8Array(bytes));
    assert.equal(gif.numFrames(), moments);
    const sizes = new Set(
      Array.from({ length: moments }, (_, i) => `${gif.frameInfo(i).width}x${gif.frameInfo(i).height}`),
    );
    assert.equal(sizes.size, 1);
  });

  it('writes a PDF with a page per moment, each saying what differs as text', async () => {
    const moments = await momentsOf();
    const { bytes } = await renderTo('pair.pdf', pair);
    const texts = await pageTexts(bytes);
    assert.equal(texts.length, moments);
    assert.match(squeezed(texts.at(-1)!), /moment\d+of\d+/);
    assert.match(squeezed(texts.at(-1)!), /clone\[0\]isgrid\[0\]/);
  });
});
