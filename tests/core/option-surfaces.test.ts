// One table of cases over both surfaces: a fence's meta and `memlane render`'s flags accept exactly
// the same diagram options, with the same limits, and refuse the same values with the same hints.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  cliDefaultOptions,
  defaultDiagramOptions,
  fenceSpelling,
  optionNames,
  optionTable,
  readDiagramOptions,
  readFenceMeta,
  stageOptions,
  type DiagramOptions,
  type OptionEntry,
} from '../../src/core/index.ts';
import { parseSlideOptions, SlideOptionError } from '../../src/slides/slide-options.ts';

type Name = keyof DiagramOptions;
/** [option, written value, what it reads as, or undefined when it is refused]. */
const cases: [Name, string, unknown][] = [
  ['step', 'auto', 'auto'],
  ['step', 'last', 'last'],
  ['step', 'first', 'first'],
  ['step', '4', 4],
  ['step', '1000000', 1_000_000],
  ['step', '0', undefined],
  ['step', '1000001', undefined],
  ['step', 'two', undefined],
  ['step', '-1', undefined],
  ['scalars', 'inline', 'inline'],
  ['scalars', 'heap', 'heap'],
  ['scalars', 'stack', undefined],
  ['hide', 'tmp,i', ['tmp', 'i']],
  ['hide', 'a,,b', undefined],
  ['hide', '1x', undefined],
  ['exited', 'show', 'show'],
  ['exited', 'yes', undefined],
  ['raises', 'TypeError', 'TypeError'],
  ['raises', 'json.JSONDecodeError', 'json.JSONDecodeError'],
  ['raises', 'Type-Error', undefined],
  ['title', 'Two names', 'Two names'],
  ['title', 'x'.repeat(201), undefined],
  ['theme', 'site', 'site'],
  ['theme', 'light', 'light'],
  ['theme', 'dark', 'dark'],
  ['theme', 'sketch', 'sketch'],
  ['theme', 'blue', undefined],
  ['maxSteps', '1', 1],
  ['maxSteps', '1000000', 1_000_000],
  ['maxSteps', '1000001', undefined],
  ['maxSteps', '0', undefined],
  ['maxSteps', '2.5', undefined],
  ['maxMemory', '16', 16],
  ['maxMemory', '3072', 3072],
  ['maxMemory', '15', undefined],
  ['maxMemory', '3073', undefined],
  ['maxMemory', '1.5', undefined],
  ['id', 'aliasing-2', 'aliasing-2'],
  ['id', 'Has_Caps', undefined],
  ['shortenAbove', '30', 30],
  ['shortenAbove', '4', 4],
  ['shortenAbove', 'false', false],
  ['shortenAbove', '3', undefined],
  ['shortenAbove', 'true', undefined],
  ['shortenAbove', '2.5', undefined],
  ['fitWidth', '650', 650],
  ['fitWidth', '200', 200],
  ['fitWidth', 'false', false],
  ['fitWidth', '199', undefined],
  ['fitWidth', 'wide', undefined],
  ['editable', 'false', false],
  ['editable', 'true', true],
  ['editable', 'no', undefined],
];

/** Options only pages have: `memlane render` has no such flag. */
const pagesOnly = (name: Name) => (optionTable[name] as OptionEntry<unknown>).pagesOnly === true;

const quoted = (value: string) => (/\s/.test(value) ? `"${value}"` : value);

function throughFence(name: Name, value: string): { value?: unknown; hint?: string } {
  const meta = readFenceMeta(`memory ${optionTable[name].fence}=${quoted(value)}`);
  if (!meta.ok) return { hint: meta.problems[0]!.hint };
  const read = readDiagramOptions(meta.raw, fenceSpelling);
  return read.ok ? { value: read.options[name] } : { hint: read.problems[0]!.hint };
}

function throughFlags(name: Name, value: string): { value?: unknown; hint?: string } {
  try {
    return { value: parseSlideOptions(['a.py', `--${optionTable[name].fence}=${value}`]).diagram[name] };
  } catch (error) {
    assert.ok(error instanceof SlideOptionError, String(error));
    assert.match(error.message, new RegExp(`^--${optionTable[name].fence} ".*" is not valid$`));
    return { hint: error.hint };
  }
}

/** A hint with its surface's spelling of settings made neutral: `step=4` and `--step 4` both read `<step 4>`. */
function neutral(hint: string): string {
  let text = hint;
  for (const name of optionNames) {
    const fence = optionTable[name].fence;
    text = text
      .replace(new RegExp(`--${fence} (\\S+)`, 'g'), `<${fence} $1>`)
      .replace(new RegExp(`\\b${fence}=(\\S+)`, 'g'), `<${fence} $1>`);
  }
  return text;
}

describe('fence and CLI options', () => {
  it('cover every option of the table, each accepted and refused on both surfaces', () => {
    for (const name of optionNames) {
      assert.ok(
        cases.some(([n, , v]) => n === name && v !== undefined),
        `${name} has an accepted case`,
      );
      assert.ok(
        cases.some(([n, , v]) => n === name && v === undefined),
        `${name} has a refused case`,
      );
    }
  });

  for (const [name, value, expected] of cases) {
    it(
      `${name} ${JSON.stringify(value.length > 20 ? `${value.slice(0, 8)}…` : value)}: ` +
        `${expected === undefined ? 'refused by both, with one hint' : 'read the same by both'}`,
      () => {
        const fence = throughFence(name, value);
        if (pagesOnly(name)) {
          assert.deepEqual(fence.value, expected);
          if (expected === undefined) assert.ok(fence.hint);
          assert.throws(() => parseSlideOptions(['a.py', `--${optionTable[name].fence}=${value}`]), /unknown option/);
          return;
        }
        const flags = throughFlags(name, value);
        assert.deepEqual(fence.value, expected);
        assert.deepEqual(flags.value, expected);
        if (expected === undefined) {
          assert.ok(fence.hint && flags.hint);
          assert.equal(neutral(flags.hint), neutral(fence.hint));
        }
      },
    );
  }

  it('default alike, except the theme: pages follow the site, slides are light', () => {
    assert.deepEqual({ ...cliDefaultOptions, theme: 'site' }, defaultDiagramOptions);
    assert.equal(parseSlideOptions(['a.py']).diagram.theme, 'light');
    const meta = readFenceMeta('memory');
    assert.ok(meta.ok);
    assert.deepEqual(readDiagramOptions(meta.raw, fenceSpelling), { ok: true, options: defaultDiagramOptions });
  });

  it('name a misspelt option with "did you mean" on both surfaces', () => {
    const meta = readFenceMeta('memory max-step=3');
    assert.ok(!meta.ok);
    assert.match(meta.problems[0]!.message, /unknown diagram option "max-step"/);
    assert.match(meta.problems[0]!.hint, /did you mean "max-steps"\?/);
    assert.throws(
      () => parseSlideOptions(['a.py', '--max-step', '3']),
      (error: SlideOptionError) => {
        assert.match(error.message, /unknown option --max-step/);
        assert.match(error.hint, /did you mean --max-steps\?/);
        return true;
      },
    );
  });

  it("shorten-above and fit-width reach the layout, with the layout's own defaults", () => {
    assert.deepEqual(stageOptions(defaultDiagramOptions).layout, {
      scalars: 'auto',
      hide: [],
      showExited: false,
      shortenAbove: 30,
      fitWidth: 650,
    });
    const flags = parseSlideOptions(['a.py', '--shorten-above', 'false', '--fit-width', '900']).diagram;
    assert.deepEqual([stageOptions(flags).layout.shortenAbove, stageOptions(flags).layout.fitWidth], [false, 900]);
  });
});
