import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  defaultDiagramOptions,
  fenceSpelling,
  propsToRawOptions,
  readDiagramOptions,
  readFenceMeta,
} from '../../src/core/index.ts';

function fromMeta(meta: string) {
  const read = readFenceMeta(meta);
  if (!read.ok) return read;
  return readDiagramOptions(read.raw, fenceSpelling);
}

function rejects(meta: string, message: RegExp, hint: RegExp): void {
  const read = fromMeta(meta);
  assert.ok(!read.ok, `${meta} is refused`);
  assert.match(read.problems[0]!.message, message);
  assert.match(read.problems[0]!.hint, hint);
}

describe('fence meta', () => {
  it('reads every option, quoted values with spaces included', () => {
    assert.deepEqual(
      fromMeta(
        `memory step=3 scalars=inline hide=tmp,i exited=show raises=TypeError title="Two names, one list" ` +
          `theme=sketch shorten-above=12 fit-width=false max-steps=50 max-memory=64 id=shared`,
      ),
      {
        ok: true,
        options: {
          step: 3,
          scalars: 'inline',
          hide: ['tmp', 'i'],
          exited: 'show',
          raises: 'TypeError',
          title: 'Two names, one list',
          theme: 'sketch',
          shortenAbove: 12,
          fitWidth: false,
          maxSteps: 50,
          maxMemory: 64,
          id: 'shared',
          editable: true,
        },
      },
    );
    assert.deepEqual(fromMeta(`memory title='single quotes'`), {
      ok: true,
      options: { ...defaultDiagramOptions, title: 'single quotes' },
    });
  });

  it('suggests the nearest option for a misspelt key, and reads what it cannot parse as such', () => {
    rejects('memory stpe=3', /unknown diagram option "stpe"/, /did you mean "step"/);
    rejects('memory maxsteps=3', /unknown diagram option "maxsteps"/, /max-steps/);
    rejects('memory hide=a, b', /cannot read "b"/, /lists take no spaces/);
  });

  it('rejects keys without values and repeated keys', () => {
    rejects('memory title', /"title" has no value/, /title=/);
    rejects('memory step=1 step=2', /given twice/, /keep one/);
    rejects('memory title=', /has no value/, /title/);
  });

  it('applies defaults given by the integration, and fence options win over them', () => {
    const meta = readFenceMeta('memory step=2');
    assert.ok(meta.ok);
    const read = readDiagramOptions(meta.raw, fenceSpelling, { scalars: 'inline', step: 'first' });
    assert.ok(read.ok);
    assert.equal(read.options.scalars, 'inline');
    assert.equal(read.options.step, 2);
  });
});

describe('component props and memlane() defaults', () => {
  it('accept the options by name or fence spelling, as numbers, arrays and booleans', () => {
    const { raw, problems } = propsToRawOptions(
      { step: 4, maxSteps: 20, hide: ['a', 'b'], exited: true, title: 'T', id: undefined },
      'prop',
    );
    assert.deepEqual(problems, []);
    assert.deepEqual(raw, { step: '4', maxSteps: '20', hide: 'a,b', exited: 'show', title: 'T' });
    assert.deepEqual(propsToRawOptions({ 'max-steps': 5 }, 'prop').raw, { maxSteps: '5' });
  });

  it('are checked by the same schemas as fences, and a misspelt prop says what was meant', () => {
    assert.ok(!readDiagramOptions(propsToRawOptions({ scalars: 'boxes' }, 'prop').raw, fenceSpelling).ok);
    const { problems } = propsToRawOptions({ scalar: 'inline' }, 'prop of <MemoryDiagram>');
    assert.match(problems[0]!.message, /unknown prop of <MemoryDiagram> "scalar"/);
    assert.match(problems[0]!.hint, /did you mean "scalars"/);
  });
});
