// The launcher's one decision, in this process: which command lines go to the resident server, run
// here, or start a server for next time (the real bin and server are spawned in render-server.test.ts).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { launch, type LaunchParts } from '../../src/cli/launcher.ts';
import type { CodeIdentity } from '../../src/cli/server/code-identity.ts';

const identity: CodeIdentity = { key: '{}', id: '0123456789abcdef' };

/** Stand-ins that record what the launcher did. */
function parts(overrides: Partial<LaunchParts> & { serverCode?: number } = {}) {
  const did: string[] = [];
  const given: Partial<LaunchParts> = {
    io: {
      cwd: '/',
      stdout: { write: () => true },
      stderr: { write: () => true },
      readStdin: async () => Buffer.alloc(0),
      resident: false,
    },
    env: { MEMLANE_SERVER: '1' },
    packageRoot: '/pkg',
    runHere: async (argv) => (did.push(`here ${argv.join(' ')}`), argv.includes('--bad') ? 2 : 0),
    runResident: async () => (did.push('resident'), 0),
    codeIdentity: () => identity,
    runOnServer: async (_id, argv) =>
      overrides.serverCode === undefined
        ? { fallback: true }
        : (did.push(`server ${argv.join(' ')}`), { code: overrides.serverCode }),
    clientSocket: () => '/tmp/memlane.sock',
    startServer: async (bin) => void did.push(`start ${bin}`),
    ...overrides,
  };
  return { did, given };
}

describe('launch', () => {
  it('runs `server run` as the resident server', async () => {
    const { did, given } = parts();
    assert.equal(await launch(['server', 'run'], '/bin/memlane', given), 0);
    assert.deepEqual(did, ['resident']);
  });

  it('gives render to the server of this code when one answers, and returns its status', async () => {
    const { did, given } = parts({ serverCode: 1 });
    assert.equal(await launch(['render', 'x.py'], '/bin/memlane', given), 1);
    assert.deepEqual(did, ['server render x.py']);
  });

  it('runs render here without a server, then starts one for next time', async () => {
    const { did, given } = parts();
    assert.equal(await launch(['render', 'x.py'], '/bin/memlane', given), 0);
    assert.deepEqual(did, ['here render x.py', 'start /bin/memlane']);
  });

  it('starts no server after a bad command line, nor for help, watch, init, or with MEMLANE_SERVER=0', async () => {
    for (const [argv, env] of [
      [['render', 'x.py', '--bad'], { MEMLANE_SERVER: '1' }],
      [['render', '--help'], { MEMLANE_SERVER: '1' }],
      [['render', 'x.py', '--watch'], { MEMLANE_SERVER: '1' }],
      [['init'], { MEMLANE_SERVER: '1' }],
      [['render', 'x.py'], { MEMLANE_SERVER: '0' }],
      [['render', 'x.py'], { CI: 'true' }],
    ] as const) {
      const { did, given } = parts({ env: { ...env } });
      await launch([...argv], '/bin/memlane', given);
      assert.deepEqual(did, [`here ${argv.join(' ')}`], argv.join(' '));
    }
  });

  it('runs here, with no server, when the code has no identity (no lib/build.json)', async () => {
    const { did, given } = parts({ codeIdentity: () => null });
    assert.equal(await launch(['trace', 'x.py'], '/bin/memlane', given), 0);
    assert.deepEqual(did, ['here trace x.py']);
  });
});
