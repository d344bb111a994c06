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
  const streams = FS.streams.map((stream) => stream && { stream, fields: { ...stream }, shared: stream.shared && { ...stream.shared } });
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

/**
 * The interpreter's state now, to go back to after every run.
 * Pre: no Python code is running (the stack is empty) and no snippet has run since the tracer was locked down.
 * Post: `reset()` puts the state back and says true, or says false when a run changed what cannot be put back
 * (the host then replaces the interpreter).
 * @param {{ _module: any, FS: any }} pyodide
 */
export function takeBaseline(pyodide) {
  const module = pyodide._module;
  const FS = pyodide.FS;
  const memory = module.HEAPU8.slice();
  const files = fileSystemRecord(FS);
  const outside = outsideState(module);
  const stackPointer = module.___stack_pointer?.value;
  return {
    /** Bytes of WebAssembly memory the baseline holds. */
    bytes: memory.byteLength,
    reset() {
      if (outsideState(module) !== outside) return false;
      const heap = module.HEAPU8;
      // Memory a run took beyond the baseline's is zeroed up to the heap's top (the allocator takes new memory
      // as zeros); above it, every earlier reset left zeros already.
      const top = module._emscripten_get_sbrk_ptr ? module.HEAPU32[module._emscripten_get_sbrk_ptr() >>> 2] : heap.length;
      heap.set(memory);
      if (top > memory.length) heap.fill(0, memory.length, Math.min(top, heap.length));
      if (stackPointer !== undefined) module.___stack_pointer.value = stackPointer;
      restoreFileSystem(FS, files);
      return true;
    },
  };
}
