// Layer one of the sandbox: a snippet has no route to JavaScript. Each route a review found, and its
// relatives, fails with a Python exception (or finds nothing), in the real sandbox process.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { lines, sandboxForTests, untraced } from './sandbox-harness.ts';

const sandbox = sandboxForTests();

/** Whether an object is (or leads straight to) JavaScript: a JsProxy, or a function of Pyodide's core module.
 * (A class is not: Pyodide's classes are listed by object.__subclasses__(), and their constructors refuse.) */
const IS_JAVASCRIPT = `
def is_javascript(value):
    kind = type(value)
    if issubclass(kind, type):
        return False
    if type(kind).__name__ == "_JsProxyMetaClass" or kind.__module__ in ("pyodide.ffi", "_pyodide_core"):
        return True
    owner = getattr(value, "__self__", None) if kind.__name__ == "builtin_function_or_method" else None
    return getattr(owner, "__name__", None) == "_pyodide_core"
`;

describe('Python reaches no JavaScript', () => {
  test('js, pyodide, pyodide_js, ctypes and friends are absent, even with the import machinery emptied', async () => {
    const source = [
      'import sys, importlib',
      'names = ["js", "pyodide", "pyodide_js", "_pyodide", "_pyodide_core", "pyodide.ffi", "micropip", ' +
        '"ctypes", "_ctypes", "_testinternalcapi"]',
      'for name in names:',
      '    try:',
      '        importlib.import_module(name)',
      '        print(name, "imported")',
      '    except ImportError:',
      '        print(name, "absent")',
      'sys.meta_path.clear()',
      'del sys.modules["importlib"]',
      'try:',
      '    import js',
      'except ImportError:',
      '    print("still absent")',
    ].join('\n');
    const trace = await sandbox.run(source);
    assert.equal(trace.error, null, JSON.stringify(trace.error));
    assert.deepEqual(lines(trace.stdout), [
      ...[
        'js',
        'pyodide',
        'pyodide_js',
        '_pyodide',
        '_pyodide_core',
        'pyodide.ffi',
        'micropip',
        'ctypes',
        '_ctypes',
        '_testinternalcapi',
      ].map((n) => `${n} absent`),
      'still absent',
    ]);
  });

  test('the finders on sys.meta_path hold nothing of JavaScript in their globals, closures or defaults', async () => {
    const walk = `${IS_JAVASCRIPT}
import sys, types
found = []
for finder in sys.meta_path:
    for member in list(vars(type(finder)).values()) + list(getattr(finder, "__dict__", {}).values()):
        function = getattr(member, "__func__", member)
        if type(function) is not types.FunctionType:
            continue
        for value in list(function.__globals__.values()) + [cell.cell_contents for cell in function.__closure__ or ()]:
            if is_javascript(value) or (type(value) is dict and any(is_javascript(v) for v in value.values())):
                found.append(function.__qualname__)
result = (len(sys.meta_path), found)
`;
    const trace = await sandbox.run(untraced(walk, 'result'));
    assert.equal(trace.error, null, JSON.stringify(trace.error));
    assert.match(trace.stdout, /^\(\d+, \[\]\)\n$/);
  });

  test("Pyodide's classes, found through object.__subclasses__(), lead to no JavaScript and make none", async () => {
    const walk = `${IS_JAVASCRIPT}
import types
classes, todo, seen = [], [object], set()
while todo:
    cls = todo.pop()
    if id(cls) in seen:
        continue
    seen.add(id(cls))
    if (type.__dict__["__module__"].__get__(cls) or "").split(".")[0] in ("pyodide", "_pyodide", "js"):
        classes.append(cls)
    todo.extend(type.__subclasses__(cls))
leads, made = [], []
for cls in classes:
    for member in vars(cls).values():
        function = getattr(member, "__func__", member)
        if type(function) is types.FunctionType:
            values = list(function.__globals__.values()) + [
                c.cell_contents for c in function.__closure__ or () if c.cell_contents is not None
            ]
            if any(is_javascript(v) for v in values):
                leads.append(cls.__qualname__)
    for arguments in ((), ("x",), ("x", "y"), (1,)):
        try:
            value = cls(*arguments)
        except BaseException:
            continue
        if is_javascript(value):
            made.append(cls.__qualname__)
result = (len(classes) > 0, leads, sorted(set(made)))
`;
    const trace = await sandbox.run(untraced(walk, 'result'));
    assert.equal(trace.error, null, JSON.stringify(trace.error));
    assert.equal(trace.stdout, '(True, [], [])\n');
  });

  test('builtin modules that lead to JavaScript or native memory cannot be created through _imp', async () => {
    const source = [
      'import _imp, importlib._bootstrap as bootstrap',
      'from importlib.machinery import ModuleSpec, BuiltinImporter',
      'for name in ["_pyodide_core", "_ctypes", "_testcapi", "_testinternalcapi", "_remote_debugging"]:',
      '    for make in (_imp.create_builtin, BuiltinImporter.create_module, bootstrap._builtin_from_name):',
      '        try:',
      '            make(ModuleSpec(name, None) if make is not bootstrap._builtin_from_name else name)',
      '            print(name, "made")',
      '        except ImportError:',
      '            pass',
      'print("done")',
    ].join('\n');
    const trace = await sandbox.run(source);
    assert.equal(trace.error, null, JSON.stringify(trace.error));
    assert.equal(trace.stdout, 'done\n');
  });

  test('extension modules cannot be loaded', async () => {
    const trace = await sandbox.run(
      'import _imp\nfrom importlib.machinery import ModuleSpec\n' +
        '_imp.create_dynamic(ModuleSpec("evil", None, origin="/tmp/evil.so"))\n',
    );
    assert.equal(trace.error?.type, 'ImportError');
  });

  test(
    'nothing reachable from the snippet, by attributes, ' + 'closures or the collector, is JavaScript or the tracer',
    async () => {
      // A breadth-first walk over everything a snippet can name: its builtins, every module, every class,
      // the collector's objects, and from each its attributes, dict, closure cells, defaults, items and self.
      const walk = `${IS_JAVASCRIPT}
import builtins, gc, sys, types
ORIGINALS = {"create_builtin", "create_dynamic", "settrace", "setprofile", "gettrace", "getprofile", "get_objects",
             "get_referrers", "get_referents", "register_callback", "set_events", "system", "signal", "getsignal"}
def tracer_part(value):
    kind = type(value)
    if kind is types.FunctionType:
        return value.__code__.co_filename.startswith("_memlane_tracer")
    if kind is types.ModuleType:
        return str(vars(value).get("__name__", "")).startswith("_memlane_tracer")
    if kind is types.BuiltinFunctionType:
        return value.__name__ in ORIGINALS and getattr(value, "__self__", None) is not None
    return False
todo = [builtins, sys.modules, *sys.modules.values(), *gc.get_objects()]
todo.extend(type.__subclasses__(object))
seen, javascript, tracer = set(), [], []
while todo and len(seen) < 400_000:
    value = todo.pop()
    if id(value) in seen:
        continue
    seen.add(id(value))
    if is_javascript(value):
        javascript.append(repr(type(value)))
        continue
    if tracer_part(value):
        tracer.append(getattr(value, "__qualname__", getattr(value, "__name__", "?")))
        continue
    kind = type(value)
    if kind in (dict, types.MappingProxyType):
        todo.extend(value.keys()); todo.extend(value.values())
    elif kind in (list, tuple, set, frozenset):
        todo.extend(value)
    if kind is type:
        todo.extend(type.__subclasses__(value))
    for name in ("__dict__", "__closure__", "__defaults__", "__kwdefaults__", "__self__", "__func__", "__wrapped__",
                 "__globals__", "cell_contents", "__class__", "__bases__", "__mro__", "f_back", "f_globals", "f_locals",
                 "gi_frame", "tb_frame", "tb_next", "__traceback__", "__context__", "__cause__"):
        try:
            todo.append(getattr(value, name))
        except BaseException:
            pass
result = (len(seen) > 10_000, javascript[:5], tracer[:5])
`;
      const trace = await sandbox.run(untraced(walk, 'result'), { timeoutMs: 120_000 });
      assert.equal(trace.error, null, JSON.stringify(trace.error));
      assert.equal(trace.stdout, '(True, [], [])\n');
    },
  );
});
