import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  DiagramOptionError, defaultDiagramOptions, parseFenceMeta, propsToRawOptions, resolveDiagramOptions,
} from '../../src/integration/diagram-options.ts';

const fromMeta = (meta: string) => resolveDiagramOptions(parseFenceMeta(meta));

function rejects(meta: string, message: RegExp, hint: RegExp): void {
  assert.throws(() => fromMeta(meta), (error: unknown) => {
    assert.ok(error instanceof DiagramOptionError, `expected a DiagramOptionError for ${meta}`);
    assert.match(error.message, message);
    assert.match(error.hint, hint);
    return true;
  });
}

describe('fence meta', () => {
  it('gives the defaults for a bare `memory`', () => {
    assert.deepEqual(fromMeta('memory'), defaultDiagramOptions);
  });

  it('reads every option, quoted values with spaces included', () => {
    assert.deepEqual(
      fromMeta(`memory step=3 scalars=inline hide=tmp,i exited=show raises=TypeError title="Two names, one list" theme=sketch max-steps=50 id=shared`),
      { step: 3, scalars: 'inline', hide: ['tmp', 'i'], exited: 'show', raises: 'TypeError', title: 'Two names, one list', theme: 'sketch', maxSteps: 50, id: 'shared' },
    );
    assert.equal(fromMeta(`memory title='single quotes'`).title, 'single quotes');
    assert.equal(fromMeta('memory step=first').step, 'first');
  });

  it('suggests the nearest option for a misspelt key', () => {
    rejects('memory stpe=3', /unknown diagram option "stpe"/, /did you mean "step"/);
    rejects('memory maxsteps=3', /unknown diagram option "maxsteps"/, /max-steps/);
  });

  it('names the option and what it accepts for a bad value', () => {
    rejects('memory step=zero', /bad value for "step": "zero"/, /step=last/);
    rejects('memory step=0', /bad value for "step"/, /step number/);
    rejects('memory scalars=stack', /"scalars"/, /heap.*inline/);
    rejects('memory hide=a, b', /cannot read|bad value/, /.+/);
    rejects('memory theme=dark', /"theme"/, /site.*sketch/);
    rejects('memory max-steps=-1', /"max-steps"/, /whole number/);
    rejects('memory id=Has_Caps', /"id"/, /lowercase/);
    rejects('memory raises="not a type"', /"raises"/, /exception type/);
  });

  it('rejects keys without values and repeated keys', () => {
    rejects('memory title', /"title" has no value/, /title=/);
    rejects('memory step=1 step=2', /given twice/, /keep one/);
    rejects('memory title=', /has no value/, /title/);
  });

  it('applies defaults given by the integration, and fence options win over them', () => {
    const options = resolveDiagramOptions(parseFenceMeta('memory step=2'), { scalars: 'inline', step: 'first' });
    assert.equal(options.scalars, 'inline');
    assert.equal(options.step, 2);
  });
});

describe('component props', () => {
  it('accept the same options as camelCase, numbers, arrays and booleans', () => {
    const raw = propsToRawOptions({ step: 4, maxSteps: 20, hide: ['a', 'b'], exited: true, title: 'T', id: undefined });
    assert.deepEqual(raw, { step: '4', 'max-steps': '20', hide: 'a,b', exited: 'show', title: 'T' });
    assert.deepEqual(resolveDiagramOptions(raw).hide, ['a', 'b']);
  });

  it('are validated by the same schema as fences', () => {
    assert.throws(() => resolveDiagramOptions(propsToRawOptions({ scalars: 'boxes' })), DiagramOptionError);
  });
});
