// A clean interpreter for every run: the interpreter's state is taken once, before the first snippet, and put
// back after each one: its WebAssembly memory byte for byte (every Python object, module and setting), and the
// emulated file system (files, folders, open files, the working folder). Shared by the Node sandbox and the
// browser's worker. Plain ESM that imports nothing (the worker loads it from text).
//
// What lives outside those two, Pyodide's references to JavaScript values, the function table and the
// loaded libraries, is only compared: a run that changed it leaves an interpreter that must be replaced.

/** Fields of the module whose size or count no run may change. */
function outsideState(module) {
  return [
    module._hiwire_num_refs?.() ?? 0,
    module.wasmTable?.length ?? 0,
    Object.keys(module.LDSO?.loadedLibsByName ?? {}).length,
    Object.keys(module.GOT ?? {}).length,
  ].join(' ');
}

/** A node's own fields, and a copy of a file's bytes or a folder's entries. */
function nodeRecord(FS, node) {
  const record = { node, fields: { ...node }, bytes: undefined, entries: undefined };
  if (FS.isFile(node.mode) && node.contents) {
    const used = node.usedBytes ?? node.contents.length;
    record.bytes = node.contents.slice(0, used);
  } else if (FS.isDir(node.mode) && node.contents && typeof node.contents === 'object') {
    record.entries = { ...node.contents };
  }
  return record;
}

function fileSystemRecord(FS) {
  const nodes = [];
  const seen = new Set();
  const visit = (node) => {
    if (!node || seen.has(node)) return;
    seen.add(node);
    const record = nodeRecord(FS, node);
    nodes.push(record);
    if (record.entries) for (const child of Object.values(record.entries)) visit(child);
    if (node.mounted) visit(node.mounted.root);
  };
  visit(FS.root);
  const streams = FS.streams.map(
    (stream) => stream && { stream, fields: { ...stream }, shared: stream.shared && { ...stream.shared } },
  );
  return { nodes, streams, cwd: FS.cwd(), nextInode: FS.nextInode, nameTableSize: FS.nameTable.length };
}

function restoreFileSystem(FS, record) {
  for (const { node, fields, bytes, entries } of record.nodes) {
    for (const key of Object.keys(node)) if (!(key in fields)) delete node[key];
    Object.assign(node, fields);
    if (bytes) {
      node.contents = bytes.slice();
      node.usedBytes = bytes.length;
    } else if (entries) {
      node.contents = { ...entries };
    }
  }
  // The lookup cache knows nodes by folder and name: rebuilt from the nodes that exist again.
  FS.nameTable = new Array(record.nameTableSize);
  for (const { node } of record.nodes) if (node.parent && node.parent !== node) FS.hashAddNode(node);
  FS.streams.length = 0;
  record.streams.forEach((saved, fd) => {
    if (!saved) return;
    const { stream, fields, shared } = saved;
    Object.assign(stream, fields);
    if (shared) Object.assign(stream.shared, shared);
    FS.streams[fd] = stream;
  });
  FS.nextInode = record.nextInode;
  FS.chdir(record.cwd);
}

/** The top of the allocator's heap (emscripten's sbrk pointer): no byte above it is in use. */
function heapTop(module) {
  return module._emscripten_get_sbrk_ptr
    ? module.HEAPU32[module._emscripten_get_sbrk_ptr() >>> 2]
    : module.HEAPU8.length;
}

/**
 * The interpreter's state now, to go back to after every run.
 * Pre: no Python code is running (the stack is empty) and no snippet has run since the tracer was locked down;
 * the allocator never gives memory back (emscripten's sbrk top only rises), so a run writes nothing above the top
 * it reached, and the top after the run is the highest it reached.
 * Post: `unchanged()` says whether the run left what cannot be put back as it was (if not, the host replaces the
 * interpreter); `restore()` puts the memory and files back.
 * @param {{ _module: any, FS: any }} pyodide
 */
export function takeBaseline(pyodide) {
  const module = pyodide._module;
  const FS = pyodide.FS;
  // Only memory below the top is kept; above it, nothing is in use, so it is zeroed once here and a reset keeps it
  // zero (the allocator takes new memory as zeros) by zeroing what a run took beyond the top.
  const top = heapTop(module);
  module.HEAPU8.fill(0, top);
  const memory = module.HEAPU8.slice(0, top);
  const files = fileSystemRecord(FS);
  const outside = outsideState(module);
  const stackPointer = module.___stack_pointer?.value;
  return {
    /** Bytes of WebAssembly memory the baseline holds. */
    bytes: memory.byteLength,
    unchanged: () => outsideState(module) === outside,
    restore() {
      const heap = module.HEAPU8;
      const reached = Math.min(heapTop(module), heap.length);
      heap.set(memory);
      if (reached > memory.length) heap.fill(0, memory.length, reached);
      if (stackPointer !== undefined) module.___stack_pointer.value = stackPointer;
      restoreFileSystem(FS, files);
    },
  };
}
