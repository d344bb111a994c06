// The reset between runs on a small stand-in for Pyodide's module: memory below the allocator's top comes back
// byte for byte, what a run took above it is zeroed, and a change outside memory is reported, not hidden.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { takeBaseline } from '../../src/simulate/interpreter-memory.mjs';

const SBRK_PTR = 16;
const DIR = 0o040000;
const FILE = 0o100000;

/** A module with 64 KiB of memory whose sbrk pointer says `top`, and a file system of one folder and one file. */
function standIn(top: number) {
  const buffer = new ArrayBuffer(65_536);
  const module = {
    HEAPU8: new Uint8Array(buffer),
    HEAPU32: new Uint32Array(buffer),
    _emscripten_get_sbrk_ptr: () => SBRK_PTR,
    wasmTable: { length: 10 },
  };
  for (let at = 0; at < buffer.byteLength; at++) module.HEAPU8[at] = (at * 7 + 3) & 0xff;
  module.HEAPU32[SBRK_PTR >>> 2] = top;
  // biome-ignore lint/suspicious/noExplicitAny: a stand-in for Emscripten's file-system nodes, a cyclic record.
  const root: any = { name: '/', mode: DIR, contents: {} };
  root.parent = root;
  root.contents.notes = { name: 'notes', mode: FILE, parent: root, contents: new Uint8Array([1, 2, 3]), usedBytes: 3 };
  let cwd = '/';
  const FS = {
    root,
    streams: [] as unknown[],
    nextInode: 5,
    nameTable: [] as unknown[],
    isFile: (mode: number) => (mode & 0o170000) === FILE,
    isDir: (mode: number) => (mode & 0o170000) === DIR,
    cwd: () => cwd,
    chdir: (path: string) => (cwd = path),
    hashAddNode: () => {},
  };
  return { module, FS, pyodide: { _module: module, FS } };
}

describe('the interpreter reset', () => {
  test('memory below the top comes back byte for byte; above it, what a run took is zero again', () => {
    const top = 4096;
    const { module, pyodide } = standIn(top);
    const baseline = takeBaseline(pyodide);
    assert.equal(baseline.bytes, top, 'only memory below the top is kept');
    const before = module.HEAPU8.slice();
    assert.ok(
      before.subarray(top).every((byte) => byte === 0),
      'unused memory above the top is zeroed once',
    );
    // A run writes below the top, takes 8 KiB more and writes there.
    module.HEAPU8.fill(0xee, 100, 200);
    module.HEAPU32[SBRK_PTR >>> 2] = top + 8192;
    module.HEAPU8.fill(0xaa, top, top + 8192);
    assert.equal(baseline.unchanged(), true);
    baseline.restore();
    assert.deepEqual(module.HEAPU8, before);
  });

  test('the file system comes back: file bytes, folder entries and the working folder', () => {
    const { FS, pyodide } = standIn(4096);
    const baseline = takeBaseline(pyodide);
    FS.root.contents.notes.contents = new Uint8Array([9]);
    FS.root.contents.notes.usedBytes = 1;
    FS.root.contents.planted = {
      name: 'planted',
      mode: FILE,
      parent: FS.root,
      contents: new Uint8Array(1),
      usedBytes: 1,
    };
    FS.chdir('/tmp');
    baseline.restore();
    assert.deepEqual([...FS.root.contents.notes.contents], [1, 2, 3]);
    assert.deepEqual(Object.keys(FS.root.contents), ['notes']);
    assert.equal(FS.cwd(), '/');
  });

  test('a run that changed what lives outside memory (the function table) is reported', () => {
    const { module, pyodide } = standIn(4096);
    const baseline = takeBaseline(pyodide);
    module.wasmTable.length = 11;
    assert.equal(baseline.unchanged(), false);
  });
});
