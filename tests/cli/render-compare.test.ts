// `memlane render a.py b.py`: the sides of a comparison in one picture, labelled by file, what differs
// marked in the file itself (SVG and PNG) and said under it; every moment; a failing side named by file.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { sideLabels } from '../../src/cli/render-comparison.ts';
import { palettes } from '../../src/render/themes.ts';
import { findAll, parseXml, textOf, type XmlElement } from '../slides/xml-tree.ts';
import { countColour, rgbOf } from './png-pixels.ts';
import { fixture, pngSize, tempDir } from './run-cli.ts';
import { runMain } from './run-main.ts';

const shallow = fixture('shallow-copy.py');
const deep = fixture('deep-copy.py');

const titleOf = (svg: XmlElement) => textOf(svg.children.find((e) => e.name === 'title')!);
const sidesOf = (root: XmlElement) => root.children.filter((e) => e.name === 'svg');
const differing = (svg: XmlElement) => findAll(svg, (e) => e.attributes['data-differs'] === 'true');

async function renderOk(args: string[]) {
  const result = await runMain(['render', ...args]);
  assert.equal(result.code, 0, result.stderr);
  return result;
}

/** A PNG of the pair and how many of its pixels are in `colour`. */
async function pairPng(files: string[], args: string[], colour: string) {
  const out = join(tempDir(), 'pair.png');
  await renderOk([...files, '-o', out, ...args]);
  const png = readFileSync(out);
  return { size: pngSize(png), marked: countColour(png, rgbOf(colour)) };
}

describe('memlane render: a comparison of files', () => {
  it('draws both sides in one SVG, each labelled by its file stem, what differs marked and said', async () => {
    const { stdout, stderr } = await renderOk([shallow, deep]);
    assert.equal(stderr, '');
    const root = parseXml(stdout.toString());
    assert.equal(root.attributes['data-compare'], '');
    assert.match(titleOf(root), /^Compare shallow-copy and deep-copy, moment (\d+) of \1$/);
    const sides = sidesOf(root);
    assert.deepEqual(
      sides.map((side) => titleOf(side).replace(/, step .*/, '')),
      ['shallow-copy', 'deep-copy'],
    );
    const labels = root.children.filter((e) => e.name === 'text').map(textOf);
    assert.deepEqual(labels, ['shallow-copy', 'deep-copy'], 'each side has its label drawn above it');
    // The inner lists and the arrows to them differ: shared in the shallow copy, not in the deep one.
    for (const side of sides) {
      const marked = differing(side);
      assert.ok(
        marked.some((e) => e.attributes['data-object-id'] !== undefined),
        'a marked object',
      );
      assert.ok(
        marked.some((e) => e.attributes['data-arrow-to'] !== undefined),
        'a marked arrow',
      );
    }
    const style = findAll(root, (e) => e.name === 'style')
      .map(textOf)
      .join('\n');
    const arrowRule = `.memlane-diagram [data-differs] .ml-arrow-line { stroke: ${palettes.light.differs}`;
    assert.ok(style.includes(arrowRule), 'the file carries the rule that paints marked arrows');
    const sentence = textOf(findAll(root, (e) => e.attributes.class === 'memlane-differs')[0]!);
    assert.match(sentence, /clone\[0\] is grid\[0\].* shallow-copy.*, not .*deep-copy/);
  });

  it('writes the same bytes on every run', async () => {
    const out = [join(tempDir(), 'a.svg'), join(tempDir(), 'b.svg')];
    for (const file of out) await renderOk([shallow, deep, '--with-code', '-o', file]);
    assert.deepEqual(readFileSync(out[0]!), readFileSync(out[1]!));
  });

  it("paints the marks in the theme's differs colour in a PNG, light and dark, with code too", async () => {
    const light = await pairPng([shallow, deep], [], palettes.light.differs);
    assert.ok(light.size.width > 800 && light.size.height > 300, JSON.stringify(light.size));
    assert.ok(light.marked > 1000, `${light.marked} pixels of the differs colour`);
    const dark = await pairPng([shallow, deep], ['--theme', 'dark', '--with-code'], palettes.dark.differs);
    assert.ok(dark.marked > 1000, `${dark.marked} pixels of the dark differs colour`);
    // The colour comes from the marks: one file alone has none of it.
    const alone = await pairPng([shallow], [], palettes.light.differs);
    assert.equal(alone.marked, 0);
  });

  it('writes one file per aligned moment with --all-steps, names zero-padded in order', async () => {
    const { stdout } = await renderOk([shallow, deep, '--step', '1']);
    const moments = Number(/moment 1 of (\d+)/.exec(titleOf(parseXml(stdout.toString())))![1]);
    assert.ok(moments >= 4, `${moments} moments`);
    const dir = tempDir();
    const { stderr } = await renderOk([shallow, deep, '--all-steps', '--out-dir', dir]);
    const names = readdirSync(dir).sort();
    const digits = String(moments).length;
    assert.deepEqual(
      names,
      Array.from({ length: moments }, (_, i) => `step-${String(i + 1).padStart(digits, '0')}.svg`),
    );
    names.forEach((name, i) => {
      const title = titleOf(parseXml(readFileSync(join(dir, name), 'utf8')));
      assert.match(title, new RegExp(`, moment ${i + 1} of ${moments}$`));
    });
    assert.match(stderr, new RegExp(`wrote ${moments} files to `));
  });

  it('picks a moment with --step first and refuses one past the last', async () => {
    const { stdout } = await renderOk([shallow, deep, '--step', 'first']);
    const root = parseXml(stdout.toString());
    assert.match(titleOf(root), /moment 1 of/);
    assert.equal(differing(root).length, 0, 'nothing differs before the copies are made');
    assert.match(textOf(root), /Nothing differs in what the names share\./);
    const past = await runMain(['render', shallow, deep, '--step', '99']);
    assert.equal(past.code, 2);
    assert.match(past.stderr, /99/);
  });

  it('names the failing side by its file, line and caret, and writes nothing', async () => {
    const out = join(tempDir(), 'pair.svg');
    const result = await runMain(['render', shallow, fixture('zero-division.py'), '-o', out]);
    assert.equal(result.code, 1, result.stderr);
    assert.match(result.stderr, /zero-division\.py:2: the Python snippet failed: ZeroDivisionError/);
    assert.match(result.stderr, /\n {2}2 \| {5}return a \/ b\n {9}\s*\^+/);
    assert.match(result.stderr, /hint: /);
    assert.doesNotMatch(result.stderr, /shallow-copy/);
    assert.equal(existsSync(out), false);
    const syntax = await runMain(['render', fixture('syntax-error.py'), deep]);
    assert.equal(syntax.code, 1);
    assert.match(syntax.stderr, /syntax-error\.py:1: the Python snippet failed: SyntaxError: /);
  });

  it('says so in --help', async () => {
    const help = (await runMain(['render', '--help'])).stdout.toString();
    assert.match(help, /memlane render A\.py B\.py \[C\.py\] \[options\]/);
    assert.match(help, /memlane render shallow\.py deep\.py -o pair\.svg/);
  });

  it('refuses four files with a hint', async () => {
    const result = await runMain(['render', shallow, deep, fixture('aliasing.py'), fixture('calls.py')]);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /a comparison has at most 3 sides, got 4 files/);
    assert.match(result.stderr, /hint: compare two or three programs/);
  });

  it('draws three sides', async () => {
    const { stdout } = await renderOk([shallow, deep, fixture('aliasing.py')]);
    assert.equal(sidesOf(parseXml(stdout.toString())).length, 3);
  });

  it('renders one file whose code holds `# @side` lines as a comparison, labelled by them', async () => {
    const { stdout } = await renderOk([fixture('copies-sides.py')]);
    const root = parseXml(stdout.toString());
    assert.deepEqual(
      sidesOf(root).map((side) => titleOf(side).replace(/, step .*/, '')),
      ['copy.copy', 'copy.deepcopy'],
    );
    assert.ok(differing(root).length > 0);
    const bad = join(tempDir(), 'sides.py');
    writeFileSync(bad, `${readFileSync(fixture('copies-sides.py'), 'utf8')}clone[2].append(1)\n`);
    const failed = await runMain(['render', bad]);
    assert.equal(failed.code, 1);
    assert.match(failed.stderr, /sides\.py:11: copy\.deepcopy: the Python snippet failed: IndexError/);
    assert.match(failed.stderr, /\n {2}11 \| clone\[2\]\.append\(1\)\n/);
  });
});

describe('side labels', () => {
  it('are the stems, else the names, else the paths as given', () => {
    assert.deepEqual(sideLabels(['a/shallow.py', 'b/deep.py']), ['shallow', 'deep']);
    assert.deepEqual(sideLabels(['a/copy.py', 'b/copy.txt']), ['copy.py', 'copy.txt']);
    assert.deepEqual(sideLabels(['a/copy.py', 'b/copy.py']), ['a/copy.py', 'b/copy.py']);
  });
});
