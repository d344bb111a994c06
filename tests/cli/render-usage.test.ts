// `memlane render` refuses bad command lines and unreadable files with exit status 2 and a hint,
// before any Python runs.
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fixture, tempDir } from './run-cli.ts';
import { runMain } from './run-main.ts';

async function usageError(args: string[], message: RegExp, hint: RegExp) {
  const result = await runMain(['render', ...args]);
  assert.equal(result.code, 2, result.stderr);
  assert.equal(result.stdout.length, 0);
  assert.match(result.stderr, message);
  assert.match(result.stderr, hint);
}

describe('memlane render: usage errors', () => {
  it('lists every option in --help', async () => {
    const result = await runMain(['render', '--help']);
    assert.equal(result.code, 0);
    const help = result.stdout.toString();
    for (const flag of [
      '-o',
      '--step',
      '--all-steps',
      '--out-dir',
      '--theme',
      '--format',
      '--scale',
      '--with-code',
      '--width',
      '--scalars',
      '--hide',
      '--max-steps',
      '--raises',
    ]) {
      assert.ok(help.includes(flag), `--help mentions ${flag}`);
    }
  });

  it('names an unknown option and suggests the nearest one', () =>
    usageError(
      [fixture('aliasing.py'), '--with-cod'],
      /memlane render: unknown option --with-cod/,
      /hint: did you mean --with-code\?/,
    ));

  it('names a bad value and what is accepted', async () => {
    await usageError(
      [fixture('aliasing.py'), '--theme', 'blue'],
      /--theme "blue" is not valid/,
      /hint: use --theme site .*, --theme light, --theme dark or --theme sketch/,
    );
    await usageError(
      [fixture('aliasing.py'), '--step', '0'],
      /--step "0" is not valid/,
      /hint: use --step auto, --step last, --step first or a step number/,
    );
    await usageError(
      [fixture('aliasing.py'), '-o', 'x.png', '--scale', 'huge'],
      /--scale "huge" is not valid/,
      /0\.25 to 8/,
    );
  });

  it('refuses options that do not go together', async () => {
    await usageError([fixture('aliasing.py'), '--all-steps'], /--all-steps needs --out-dir DIR/, /step-01\.svg/);
    await usageError(
      [fixture('aliasing.py'), '-o', 'x.jpg'],
      /cannot tell the format of "x\.jpg"/,
      /\.svg, \.png, \.gif or \.pdf/,
    );
    await usageError([fixture('aliasing.py'), '--format', 'png'], /PNG output needs a file/, /-o slide\.png/);
  });

  it('asks for a file when none is given', () => usageError([], /no FILE\.py given/, /memlane render FILE\.py/));

  it('names a missing file, a directory and a file that is not UTF-8', async () => {
    const dir = tempDir();
    await usageError(
      [join(dir, 'nope.py')],
      new RegExp(`cannot read ${join(dir, 'nope.py')}: no such file`),
      /hint: check the path/,
    );
    mkdirSync(join(dir, 'folder.py'));
    await usageError([join(dir, 'folder.py')], /folder\.py: it is a directory/, /hint: give one Python file/);
    writeFileSync(join(dir, 'latin1.py'), Buffer.from([0x78, 0x20, 0x3d, 0x20, 0x22, 0xe9, 0x22, 0x0a]));
    await usageError(
      [join(dir, 'latin1.py')],
      /latin1\.py:\d+: invalid UTF-8 at byte \d+ \(line \d+\): it is not UTF-8 text/,
      /hint: save the file as UTF-8/,
    );
  });
});
