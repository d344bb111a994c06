import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cliDefaultOptions } from '../../src/core/index.ts';
import { parseSlideOptions, SlideOptionError } from '../../src/slides/slide-options.ts';

function rejects(args: string[], message: RegExp, hint?: RegExp) {
  assert.throws(
    () => parseSlideOptions(args),
    (error: unknown) => {
      assert.ok(error instanceof SlideOptionError, String(error));
      assert.match(error.message, message);
      if (hint) assert.match(error.hint, hint);
      return true;
    },
  );
}

describe('parseSlideOptions', () => {
  it('fills in defaults: last step, light theme, SVG to stdout, auto scalars', () => {
    assert.deepEqual(parseSlideOptions(['a.py']), {
      file: 'a.py',
      files: ['a.py'],
      out: null,
      outDir: null,
      allSteps: false,
      format: 'svg',
      scale: 2,
      delayMs: 1500,
      withCode: false,
      width: null,
      watch: false,
      // editable is a pages-only option: the CLI carries its default and has no flag for it.
      diagram: {
        step: 'auto',
        scalars: 'auto',
        hide: [],
        exited: 'hide',
        raises: null,
        title: null,
        theme: 'light',
        shortenAbove: 30,
        fitWidth: 650,
        maxSteps: 1000,
        maxMemory: 256,
        id: null,
        editable: true,
      },
    });
  });

  it('reads every option, in both --flag value and --flag=value forms', () => {
    const options = parseSlideOptions([
      'a.py',
      '-o',
      'x.png',
      '--step=3',
      '--theme',
      'dark',
      '--scale',
      '1.5',
      '--with-code',
      '--width',
      '1600',
      '--scalars',
      'inline',
      '--hide=tmp,i',
      '--max-steps',
      '5000',
      '--raises',
      'TypeError',
    ]);
    assert.deepEqual(options, {
      file: 'a.py',
      files: ['a.py'],
      out: 'x.png',
      outDir: null,
      allSteps: false,
      format: 'png',
      scale: 1.5,
      delayMs: 1500,
      withCode: true,
      width: 1600,
      watch: false,
      diagram: {
        ...cliDefaultOptions,
        step: 3,
        theme: 'dark',
        scalars: 'inline',
        hide: ['tmp', 'i'],
        maxSteps: 5000,
        raises: 'TypeError',
      },
    });
    assert.equal(parseSlideOptions(['a.py', '--step', 'first']).diagram.step, 'first');
    const all = parseSlideOptions(['a.py', '--all-steps', '--out-dir', 'd', '--format', 'png']);
    assert.equal(all.allSteps, true);
    assert.equal(all.outDir, 'd');
    assert.equal(all.format, 'png');
  });

  it('infers the format from -o and refuses a contradiction or an unknown extension', () => {
    assert.equal(parseSlideOptions(['a.py', '-o', 'x.SVG']).format, 'svg');
    assert.equal(parseSlideOptions(['a.py', '-o', 'slide', '--format', 'png']).format, 'png');
    rejects(['a.py', '-o', 'x.svg', '--format', 'png'], /ends in \.svg but --format is png/);
    rejects(['a.py', '-o', 'x.jpg'], /cannot tell the format of "x\.jpg"/, /\.svg, \.png, \.gif or \.pdf/);
  });

  it('reads GIF and PDF: every step in one file, a delay for GIF, code always on a handout page', () => {
    const gif = parseSlideOptions(['a.py', '-o', 'steps.gif', '--delay', '1200', '--width', '1280']);
    assert.deepEqual([gif.format, gif.delayMs, gif.scale, gif.width, gif.withCode], ['gif', 1200, 1, 1280, false]);
    const pdf = parseSlideOptions(['a.py', '-o', 'handout.PDF', '--theme', 'dark']);
    assert.deepEqual([pdf.format, pdf.withCode, pdf.diagram.theme], ['pdf', true, 'dark']);
    assert.equal(parseSlideOptions(['a.py', '-o', 'x', '--format', 'gif']).format, 'gif');
    rejects(['a.py', '-o', 'x.gif', '--all-steps', '--out-dir', 'd'], /every step in one file/, /-o steps\.gif/);
    rejects(['a.py', '-o', 'x.pdf', '--step', '2'], /--step does not apply/);
    rejects(['a.py', '-o', 'x.pdf', '--width', '1280'], /--width does not apply to a PDF/);
    rejects(['a.py', '-o', 'x.pdf', '--scale', '2'], /--scale applies to PNG and GIF/);
    rejects(['a.py', '-o', 'x.png', '--delay', '1200'], /--delay applies to GIF/, /-o steps\.gif/);
    rejects(['a.py', '-o', 'x.gif', '--delay', '5'], /--delay "5" is not valid/, /20 to 60000/);
    rejects(['a.py', '-o', 'x.gif', '--theme', 'site'], /GIF cannot/, /--theme light/);
    rejects(['a.py', '--format', 'pdf'], /PDF output needs a file/);
  });

  it('names the option and what it accepts for a bad value', () => {
    rejects(['a.py', '--step', '0'], /--step "0" is not valid/, /--step last/);
    rejects(['a.py', '--step', 'two'], /--step "two" is not valid/);
    rejects(['a.py', '--theme', 'blue'], /--theme "blue" is not valid/, /light.*dark.*sketch/);
    rejects(['a.py', '-o', 'x.png', '--scale', '0'], /--scale "0"/, /0\.25 to 8/);
    rejects(['a.py', '-o', 'x.png', '--scale', 'big'], /--scale "big"/);
    rejects(['a.py', '--width', '50'], /--width "50"/, /100 to 20000/);
    rejects(['a.py', '--hide', 'a, b'], /--hide "a, b"/, /comma-separated/);
    rejects(['a.py', '--max-steps=-3'], /--max-steps "-3"/);
    rejects(['a.py', '-o', 'x.png', '--theme', 'site'], /PNG cannot/, /--theme light/);
    rejects(['a.py', '--raises', 'Type Error'], /--raises "Type Error"/);
    rejects(['a.py', '--scalars', 'stack'], /--scalars "stack"/);
  });

  it('reads two or three files as the sides of one comparison', () => {
    const pair = parseSlideOptions(['a.py', 'b.py', '-o', 'pair.png']);
    assert.deepEqual([pair.file, pair.files, pair.format], ['a.py', ['a.py', 'b.py'], 'png']);
    assert.deepEqual(parseSlideOptions(['a.py', 'b.py', 'c.py']).files, ['a.py', 'b.py', 'c.py']);
    assert.equal(parseSlideOptions(['a.py', 'b.py', '-o', 'p.svg', '--watch']).watch, true);
  });

  it('refuses unknown, repeated, valueless and misplaced options with a hint', () => {
    rejects(['a.py', '--colour', 'x'], /unknown option --colour/, /the options are/);
    rejects(['a.py', '--with-cod'], /unknown option --with-cod/, /did you mean --with-code/);
    rejects(['a.py', '--step', '1', '--step', '2'], /--step is given twice/);
    rejects(['a.py', '--step'], /--step needs a value/);
    rejects(['a.py', '--step', '--with-code'], /--step needs a value/);
    rejects(['a.py', '-o'], /-o needs a value/);
    // A negative number is the flag's value, not a flag: the option's own check names it.
    rejects(['a.py', '--fit-width', '-5'], /--fit-width "-5" is not valid/, /from 200/);
    rejects(['a.py', '--with-code=yes'], /--with-code takes no value/);
    rejects([], /no FILE\.py given/);
    rejects(['a.py', 'b.py', 'c.py', 'd.py'], /at most 3 sides, got 4 files/, /compare two or three programs/);
    rejects(['a.py', '-'], /standard input cannot be a side/, /save that program to a file/);
    rejects(['a.py', 'a.py'], /"a\.py" is given twice/);
    rejects(['a.py', '--all-steps'], /--all-steps needs --out-dir/);
    rejects(['a.py', '--all-steps', '--out-dir', 'd', '--step', '2'], /cannot be used together/);
    rejects(['a.py', '--all-steps', '--out-dir', 'd', '-o', 'x.svg'], /-o does not apply/);
    rejects(['a.py', '--out-dir', 'd'], /--out-dir is for --all-steps/);
    rejects(['a.py', '--format', 'png'], /PNG output needs a file/);
    rejects(['a.py', '--scale', '2'], /--scale applies to PNG and GIF output/);
  });
});
