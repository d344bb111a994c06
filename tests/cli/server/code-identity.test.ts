// What names the code a server runs: nothing without a compiled lib/, the same key for the same
// folder and build, another for another build or snapshot folder; an earlier build of the same place
// is told from other code.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { buildId, codeIdentity, codeOf, supersedes } from '../../../src/cli/server/code-identity.ts';

/** A package folder with a package.json, lib/simulate and (when given) lib/build.json. */
function packageFolder(id?: string): string {
  const root = mkdtempSync(join(tmpdir(), 'mli-'));
  writeFileSync(join(root, 'package.json'), JSON.stringify({ name: 'memlane', version: '9.9.9' }));
  mkdirSync(join(root, 'lib', 'simulate'), { recursive: true });
  writeFileSync(join(root, 'lib', 'simulate', 'sandbox-host.mjs'), '// sandbox\n');
  if (id !== undefined) writeFileSync(join(root, 'lib', 'build.json'), JSON.stringify({ id }));
  return root;
}

const ID = '0123456789abcdef0123456789abcdef';

describe('the code identity', () => {
  it('is null without a compiled lib/ or with a build id that is not one', () => {
    assert.equal(codeIdentity(packageFolder()), null);
    assert.equal(codeIdentity(packageFolder('not hex')), null);
    assert.equal(buildId(packageFolder('not hex')), null);
  });

  it('names the folder, its build, version and snapshot folder; the socket id is 16 hex digits of it', () => {
    const root = packageFolder(ID);
    const identity = codeIdentity(root, {})!;
    assert.match(identity.id, /^[0-9a-f]{16}$/);
    assert.deepEqual(codeIdentity(root, {}), identity, 'the same code, the same identity');
    const key = JSON.parse(identity.key) as Record<string, unknown>;
    assert.deepEqual([key['root'], key['code'], key['version'], key['snapshots']], [root, ID, '9.9.9', '']);
    assert.equal(codeOf(identity.key), ID);
    assert.notEqual(codeIdentity(root, { MEMLANE_SNAPSHOT_DIR: '/elsewhere' })!.id, identity.id);
    writeFileSync(join(root, 'lib', 'build.json'), JSON.stringify({ id: ID.replace('0', 'f') }));
    assert.notEqual(codeIdentity(root, {})!.id, identity.id, 'a new build is other code');
  });

  it('tells an earlier build of the same place from the code of another folder', () => {
    const root = packageFolder(ID);
    const now = codeIdentity(root, {})!.key;
    const earlier = JSON.stringify({ ...JSON.parse(now), code: 'f'.repeat(32) });
    const elsewhere = JSON.stringify({ ...JSON.parse(now), root: '/another/checkout/' });
    assert.equal(supersedes(now, earlier), true);
    assert.equal(supersedes(now, now), false, 'not itself');
    assert.equal(supersedes(now, elsewhere), false);
    assert.equal(supersedes(now, 'not json'), false);
  });
});
