// What `memlane render` writes: one step or every step, SVG or PNG, themes, code beside the diagram,
// sizes, options that change the drawing, and the same bytes for the same input.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { findAll, parseXml, textOf, type XmlElement } from '../slides/xml-tree.ts';
import { brightness, topLeftPixel } from './png-pixels.ts';
import { type CliResult, fixture, pngSize, tempDir } from './run-cli.ts';
import { runMain } from './run-main.ts';

// Each distinct command runs once; the determinism test reruns on purpose.
const runs = new Map<string, Promise<CliResult>>();
const outDir = tempDir();

function cachedRun(args: string[]): Promise<CliResult> {
  const key = JSON.stringify(args);
  if (!runs.has(key)) runs.set(key, runMain(['render', ...args]));
  return runs.get(key)!;
}

async function render(args: string[]): Promise<Buffer> {
  const result = await cachedRun(args);
  assert.equal(result.code, 0, result.stderr);
  return result.stdout;
}

/** Renders to a file named `name` (its extension picks the format) and returns its bytes. */
async function renderFile(name: string, args: string[]): Promise<{ bytes: Buffer; stderr: string }> {
  const out = join(outDir, name);
  const result = await cachedRun([...args, '-o', out]);
  assert.equal(result.code, 0, result.stderr);
  return { bytes: readFileSync(out), stderr: result.stderr };
}

const titleOf = (svg: XmlElement) => textOf(svg.children.find((e) => e.name === 'title')!);
const objectIds = (svg: XmlElement) =>
  findAll(svg, (e) => e.attributes['data-object-id'] !== undefined).map((e) => e.attributes['data-object-id']);

describe('memlane render: output', () => {
  let steps: number;
  before(async () => {
    const trace = await runMain(['trace', fixture('aliasing.py')]);
    steps = JSON.parse(trace.stdout.toString()).steps.length;
    assert.ok(steps >= 4);
  });

  it('writes the last step as a standalone, well-formed SVG following the diagram contract', async () => {
    const { bytes, stderr } = await renderFile('last.svg', [fixture('aliasing.py'), '--scalars', 'heap']);
    const text = bytes.toString();
    assert.ok(text.startsWith('<?xml'));
    const svg = parseXml(text);
    assert.equal(svg.attributes.xmlns, 'http://www.w3.org/2000/svg');
    assert.match(svg.attributes.viewBox ?? '', /^[\d.-]+ [\d.-]+ [\d.]+ [\d.]+$/);
    assert.equal(titleOf(svg), `aliasing.py, step ${steps} of ${steps}`);
    assert.ok(textOf(svg.children.find((e) => e.name === 'desc')!).trim().length > 20, 'desc says the state in words');
    assert.ok(objectIds(svg).length >= 4, 'the list, its three strings and the int are drawn');
    assert.ok(findAll(svg, (e) => e.attributes['data-frame-id'] !== undefined).length >= 1);
    assert.ok(findAll(svg, (e) => e.attributes['data-arrow-to'] !== undefined).length >= 2);
    assert.equal(findAll(svg, (e) => e.attributes['data-steps'] !== undefined).length, 0, 'one step, no step ranges');
    assert.equal(
      findAll(svg, (e) => e.name === 'script' || Object.keys(e.attributes).some((a) => /^on/i.test(a))).length,
      0,
    );
    for (const word of ['fruits', 'basket', 'lime']) assert.ok(textOf(svg).includes(word), `the diagram shows ${word}`);
    assert.match(stderr, new RegExp(`wrote .*last\\.svg \\(step ${steps} of ${steps}\\)`));
  });

  it('writes SVG to standard output without -o, the same bytes as the file', async () => {
    const out = join(tempDir(), 'same.svg');
    const [toStdout, toFile] = await Promise.all([
      runMain(['render', fixture('aliasing.py')]),
      runMain(['render', fixture('aliasing.py'), '-o', out]),
    ]);
    assert.equal(toStdout.code, 0, toStdout.stderr);
    assert.equal(toFile.code, 0, toFile.stderr);
    assert.deepEqual(toStdout.stdout, readFileSync(out));
  });

  it('draws the requested step: --step 1 shows less than the last step', async () => {
    const first = parseXml((await render([fixture('aliasing.py'), '--step', '1'])).toString());
    assert.equal(titleOf(first), `aliasing.py, step 1 of ${steps}`);
    const last = parseXml((await render([fixture('aliasing.py')])).toString());
    assert.ok(objectIds(first).length < objectIds(last).length);
    assert.ok(!textOf(first).includes('count'));
  });

  it('writes PNG by extension or --format, sized by the SVG, --scale (2 by default) and --width', async () => {
    const svg = parseXml((await render([fixture('aliasing.py')])).toString());
    const png = await renderFile('a.png', [fixture('aliasing.py')]);
    // Twice the SVG's pixels unless asked otherwise: crisp on a projector.
    assert.deepEqual(pngSize(png.bytes), {
      width: Math.round(2 * Number(svg.attributes.width)),
      height: Math.round(2 * Number(svg.attributes.height)),
    });
    assert.match(png.stderr, /\d+×\d+ px/);
    const single = await renderFile('b.png', [fixture('aliasing.py'), '--scale', '1']);
    assert.deepEqual(pngSize(single.bytes), {
      width: Math.round(Number(svg.attributes.width)),
      height: Math.round(Number(svg.attributes.height)),
    });
    const fitted = await renderFile('c', [fixture('aliasing.py'), '--format', 'png', '--width', '900', '--scale', '2']);
    assert.equal(pngSize(fitted.bytes).width, 1800);
    const fittedSvg = parseXml((await render([fixture('aliasing.py'), '--width', '900'])).toString());
    assert.equal(fittedSvg.attributes.width, '900');
    assert.equal(fittedSvg.attributes.viewBox, svg.attributes.viewBox);
  });

  it('paints the theme: light PNGs are light, dark PNGs are dark, sketch differs from light', async () => {
    const light = await renderFile('a.png', [fixture('aliasing.py')]);
    const dark = await renderFile('d.png', [fixture('aliasing.py'), '--theme', 'dark']);
    assert.ok(brightness(topLeftPixel(light.bytes)) > 0.8);
    assert.ok(brightness(topLeftPixel(dark.bytes)) < 0.25);
    const lightSvg = await render([fixture('aliasing.py')]);
    const sketchSvg = await render([fixture('aliasing.py'), '--theme', 'sketch']);
    assert.notDeepEqual(sketchSvg, lightSvg);
    parseXml(sketchSvg.toString());
  });

  it('draws the source beside the diagram with the running line marked', async () => {
    const trace = JSON.parse((await runMain(['trace', fixture('calls.py')])).stdout.toString());
    const index = trace.steps.findIndex((s: { stack: unknown[] }) => s.stack.length === 2);
    const step = trace.steps[index];
    const svg = parseXml((await render([fixture('calls.py'), '--with-code', '--step', String(index + 1)])).toString());
    assert.equal(svg.attributes.class, 'memlane-slide');
    const code = findAll(svg, (e) => e.attributes.class === 'memlane-code')[0]!;
    assert.ok(textOf(code).includes('def area(width, height):'));
    const marked = findAll(code, (e) => e.attributes['data-current-line'] !== undefined);
    assert.deepEqual(
      marked.map((e) => e.attributes['data-current-line']),
      [String(step.line)],
    );
    const words: Record<string, string | undefined> = {
      call: '← call to area',
      return: '← area returns 12',
      line: undefined,
    };
    const label = findAll(code, (e) => e.name === 'text' && textOf(e).startsWith('←')).map(textOf);
    assert.deepEqual(label, words[step.event] ? [words[step.event]] : [], `the label of a ${step.event} step`);
    const diagram = svg.children.find((e) => e.name === 'svg')!;
    assert.ok(
      findAll(diagram, (e) => e.attributes['data-frame-id'] !== undefined).length >= 2,
      'the call to area is drawn',
    );
    assert.ok(Number(diagram.attributes.x) > 0);
  });

  it(
    'says what the marked line does: start, call, ' + 'return with its value, raise, and the exception leaving',
    async () => {
      const dir = tempDir();
      const result = await runMain([
        'render',
        fixture('zero-division.py'),
        '--raises',
        'ZeroDivisionError',
        '--with-code',
        '--all-steps',
        '--out-dir',
        dir,
      ]);
      assert.equal(result.code, 0, result.stderr);
      const labels = readdirSync(dir)
        .sort((a, b) => parseInt(a.slice(5), 10) - parseInt(b.slice(5), 10))
        .map(
          (file) =>
            findAll(
              parseXml(readFileSync(join(dir, file), 'utf8')),
              (e) => e.name === 'text' && textOf(e).startsWith('←'),
            ).map(textOf)[0],
        )
        .filter((label) => label !== undefined);
      assert.deepEqual(labels, [
        '← start of program',
        '← call to div',
        '← raises ZeroDivisionError',
        '← div passes ZeroDivisionError on',
        '← raises ZeroDivisionError',
        '← ZeroDivisionError ends the program',
      ]);
    },
  );

  it(
    'writes every step to DIR/step-NN, zero-padded so names sort in step order, and removes step files of ' +
      'other runs',
    async () => {
      const dir = tempDir();
      // A longer run's file, and an unpadded name an older memlane wrote.
      writeFileSync(join(dir, 'step-099.svg'), 'old');
      writeFileSync(join(dir, 'step-1.svg'), 'old');
      writeFileSync(join(dir, 'notes.txt'), 'mine');
      const snippet = fixture('hash-orders.py');
      const [result, single, trace] = await Promise.all([
        runMain(['render', snippet, '--all-steps', '--out-dir', dir]),
        runMain(['render', snippet, '--step', '1']),
        runMain(['trace', snippet]),
      ]);
      assert.equal(result.code, 0, result.stderr);
      const total = (JSON.parse(trace.stdout.toString()) as { steps: unknown[] }).steps.length;
      assert.ok(total >= 10 && total < 100, `two digits of steps, not ${total}`);
      const expected = Array.from({ length: total }, (_, i) => `step-${String(i + 1).padStart(2, '0')}.svg`);
      const listed = readdirSync(dir).filter((name) => name !== 'notes.txt');
      assert.ok(existsSync(join(dir, 'notes.txt')), 'other files are left alone');
      // Sorted as text, as slide tools sort them, the names come in step order.
      assert.deepEqual(listed.sort(), expected);
      listed.forEach((name, i) =>
        assert.equal(
          titleOf(parseXml(readFileSync(join(dir, name), 'utf8'))),
          `hash-orders.py, step ${i + 1} of ${total}`,
        ),
      );
      assert.match(result.stderr, new RegExp(`wrote ${total} files to .* \\(step-01\\.svg … step-${total}\\.svg\\)`));
      assert.deepEqual(
        readFileSync(join(dir, 'step-01.svg')),
        single.stdout,
        'all-steps files equal the single-step renders',
      );
      const pngDir = join(dir, 'png');
      assert.equal(
        (await runMain(['render', fixture('aliasing.py'), '--all-steps', '--out-dir', pngDir, '--format', 'png'])).code,
        0,
      );
      assert.deepEqual(
        readdirSync(pngDir).sort(),
        Array.from({ length: steps }, (_, i) => `step-${i + 1}.png`),
        'one digit for fewer than 10 steps',
      );
    },
  );

  it(
    'draws scalars inline with --scalars inline, boxes with --scalars heap, and leaves hidden names out ' +
      'with --hide',
    async () => {
      const heap = parseXml((await render([fixture('aliasing.py'), '--scalars', 'heap'])).toString());
      const inline = parseXml((await render([fixture('aliasing.py'), '--scalars', 'inline'])).toString());
      const auto = parseXml((await render([fixture('aliasing.py'), '--scalars', 'auto'])).toString());
      assert.ok(objectIds(inline).length < objectIds(heap).length);
      assert.ok(objectIds(auto).length < objectIds(heap).length, 'with auto, unshared scalars sit in their slot');
      assert.ok(textOf(inline).includes('3'), 'count = 3 is still shown, inside its slot');
      const hidden = await runMain(['render', fixture('aliasing.py'), '--hide', 'basket,nosuch']);
      assert.equal(hidden.code, 0);
      const names = findAll(parseXml(hidden.stdout.toString()), (e) => e.attributes['data-frame-id'] !== undefined)
        .map(textOf)
        .join(' ');
      assert.ok(names.includes('fruits') && !names.includes('basket'));
      assert.match(hidden.stderr, /note: --hide nosuch: no such name in the snippet/);
    },
  );

  it('reads the snippet from standard input with -, and creates the output directory', async () => {
    const out = join(tempDir(), 'talk', 'slides', 'stdin.svg');
    const result = await runMain(['render', '-', '-o', out], { input: readFileSync(fixture('aliasing.py'), 'utf8') });
    assert.equal(result.code, 0, result.stderr);
    const svg = parseXml(readFileSync(out, 'utf8'));
    assert.equal(titleOf(svg), `<stdin>, step ${steps} of ${steps}`);
    assert.deepEqual(objectIds(svg), objectIds(parseXml((await render([fixture('aliasing.py')])).toString())));
  });

  it('gives byte-identical SVG and PNG on two runs', async () => {
    const args = [fixture('calls.py'), '--with-code', '--theme', 'sketch', '--step', '4'];
    const [svgA, svgB, pngA, pngB] = await Promise.all([
      runMain(['render', ...args]),
      runMain(['render', ...args]),
      runMain(['render', ...args, '--scale', '1.5', '-o', join(outDir, 'first.png')]),
      runMain(['render', ...args, '--scale', '1.5', '-o', join(outDir, 'second.png')]),
    ]);
    for (const result of [svgA, svgB, pngA, pngB]) assert.equal(result.code, 0, result.stderr);
    assert.ok(svgA.stdout.length > 1000);
    assert.deepEqual(svgA.stdout, svgB.stdout);
    assert.deepEqual(readFileSync(join(outDir, 'first.png')), readFileSync(join(outDir, 'second.png')));
  });
});
