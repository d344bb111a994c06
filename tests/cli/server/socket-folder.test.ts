// The socket folder: made private, refused when it is a link, a file or open to others; socket names
// and their length limit; a stale socket removed only while it is the one that was seen.
import assert from 'node:assert/strict';
import { chmodSync, mkdtempSync, renameSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import {
  inodeOf,
  ownSocket,
  removeStaleSocket,
  socketDir,
  socketFiles,
  socketPath,
  unsafeDir,
} from '../../../src/cli/server/socket-folder.ts';

const base = () => mkdtempSync(join(tmpdir(), 'mlf-'));

describe('the socket folder', () => {
  it('is MEMLANE_SERVER_DIR, else memlane-<uid> in the temporary folder', () => {
    assert.equal(socketDir({ MEMLANE_SERVER_DIR: '/x/y' }), '/x/y');
    assert.equal(socketDir({}), join(tmpdir(), `memlane-${process.getuid!()}`));
  });

  it('is created private, and refused when open to others, a link or a file', () => {
    const dir = base();
    const made = join(dir, 'made');
    assert.equal(unsafeDir(made), null);
    assert.equal(statSync(made).mode & 0o777, 0o700);
    chmodSync(made, 0o755);
    assert.match(unsafeDir(made)!, /can be reached by other users \(mode 755\)/);
    symlinkSync(made, join(dir, 'link'));
    assert.match(unsafeDir(join(dir, 'link'))!, /is not a folder/);
    writeFileSync(join(dir, 'file'), '');
    assert.match(unsafeDir(join(dir, 'file'))!, /is not a folder/);
  });

  it('names sockets by id, none longer than a Unix socket path may be, and lists only those', () => {
    const dir = base();
    assert.equal(socketPath(dir, '0123456789abcdef'), join(dir, 'render-0123456789abcdef.sock'));
    assert.equal(socketPath(join(dir, 'x'.repeat(100)), '0123456789abcdef'), null);
    for (const name of ['render-0123456789abcdef.sock', 'render-xyz.sock', 'notes.txt'])
      writeFileSync(join(dir, name), '');
    assert.deepEqual(socketFiles(dir), [join(dir, 'render-0123456789abcdef.sock')]);
    assert.deepEqual(socketFiles(join(dir, 'missing')), []);
    assert.equal(ownSocket(join(dir, 'render-0123456789abcdef.sock')), false, 'a plain file is no socket');
  });

  it('removes a stale socket only while it is the one seen, and tells a socket of its own', async () => {
    const dir = base();
    const path = join(dir, 'render-0123456789abcdef.sock');
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(path, resolve));
    assert.equal(ownSocket(path), true);
    const seen = inodeOf(path);
    // Another server has meanwhile put its own socket there (the old one kept aside, so no inode is reused): it stays.
    renameSync(path, `${path}.old`);
    writeFileSync(path, '');
    removeStaleSocket(path, seen);
    assert.notEqual(inodeOf(path), undefined);
    removeStaleSocket(path, inodeOf(path));
    assert.equal(inodeOf(path), undefined);
    server.close();
  });
});
