// Snippets cannot reach JavaScript, the host's files, commands or network, nor each other.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { createSimulator, type Simulator } from '../../src/simulate/index.ts';
import { assertValid } from './trace-facts.ts';

/** Pids of this process's children that run the sandbox script (Linux /proc). */
function sandboxChildren(): number[] {
  return readdirSync('/proc').filter((name) => /^\d+$/.test(name)).flatMap((pid) => {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const command = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      return parent === process.pid && command.includes('sandbox-host.mjs') ? [Number(pid)] : [];
    } catch {
      return []; // the process ended while we looked
    }
  });
}

/**
 * Snippet lines that walk the object graph to a JsProxy (Pyodide's import machinery holds `js` in
 * a dict) and bind JavaScript's Function constructor to `Function`, to run code in the
 * interpreter's process. The walk is compiled under another file name so it is not traced.
 */
const walker = [
  'is_proxy = lambda o: type(type(o)).__name__ == "_JsProxyMetaClass"',
  'proxies = [v for d in gc.get_objects() if type(d) is dict for v in list(d.values()) if is_proxy(v)]',
  'Function = next(p.Function for p in proxies if hasattr(p, "Function"))',
].join('\n');
const reachFunctionConstructor = ['import gc', 'found = {"gc": gc}', `exec(compile(${JSON.stringify(walker)}, "walker", "exec"), found)`, 'Function = found["Function"]'];

// Both kinds of start must keep the same rules: a full start, and a restore from its snapshot.
const snapshotDir = mkdtempSync(join(tmpdir(), 'memlane-sandbox-snapshot-'));
const ATTACK_MARKER = 'memlane-forged-snapshot';

for (const start of ['full', 'snapshot'] as const) {
  describe(`sandbox, interpreter ${start === 'full' ? 'started in full' : 'restored from the snapshot'}`, () => {
    let simulator: Simulator;
    before(async () => {
      simulator = await createSimulator({ snapshotDir });
      assert.equal(simulator.startedFrom, start);
    });
    after(() => simulator.close());
    const run = async (source: string, options = {}) => assertValid(await simulator.trace(source, options));
    const lines = (stdout: string) => stdout.trimEnd().split('\n');

    test('js, pyodide, pyodide_js and friends are absent, as if never installed', async () => {
      const source = [
        'import sys',
        'for name in ["js", "pyodide", "pyodide_js", "_pyodide", "_pyodide_core", "pyodide.ffi", "micropip", "ctypes"]:',
        '    try:',
        '        __import__(name)',
        '        print(name, "imported")',
        '    except ModuleNotFoundError as error:',
        '        print(name, "absent")',
        'sys.meta_path.clear()',
        'try:',
        '    import js',
        'except ImportError:',
        '    print("still absent")',
      ].join('\n');
      const trace = await run(source, { maxSteps: 10_000 });
      assert.equal(trace.error, null);
      assert.deepEqual(lines(trace.stdout), [
        'js absent', 'pyodide absent', 'pyodide_js absent', '_pyodide absent', '_pyodide_core absent',
        'pyodide.ffi absent', 'micropip absent', 'ctypes absent', 'still absent',
      ]);
    });

    test('nothing the snippet can reach from sys leads to a JavaScript module', async () => {
      const source = [
        'import sys, types',
        'blocked = ("js", "pyodide", "_pyodide", "pyodide_js", "_pyodide_core")',
        'leaks = [n for n in sys.modules if n.split(".")[0] in blocked]',
        'tracer = sys.gettrace()',
        'seen = list(vars(sys).values())',
        'if tracer is not None:',
        '    seen += list(tracer.__func__.__globals__.values())',
        'seen += list(type(sys.stdout).write.__globals__.values())',
        'leaks += [v.__name__ for v in seen if isinstance(v, types.ModuleType) and v.__name__.split(".")[0] in blocked]',
        'print(leaks)',
      ].join('\n');
      const trace = await run(source, { maxSteps: 10_000 });
      assert.equal(trace.error, null, JSON.stringify(trace.error));
      assert.equal(trace.stdout, '[]\n');
    });

    test('a snippet that reaches JavaScript still cannot touch host files or start commands', async () => {
      const hostFile = join(tmpdir(), `memlane-escape-${process.pid}-${Date.now()}.txt`);
      writeFileSync(hostFile, 'untouched');
      const marker = `${hostFile}.created`;
      const attempts = [
        `process.getBuiltinModule('fs').readFileSync(${JSON.stringify(hostFile)}, 'utf8')`,
        `process.getBuiltinModule('fs').writeFileSync(${JSON.stringify(hostFile)}, 'escaped')`,
        `process.getBuiltinModule('fs').writeFileSync(${JSON.stringify(marker)}, 'escaped')`,
        `process.getBuiltinModule('child_process').execSync('touch ${marker}').toString()`,
        `new (process.getBuiltinModule('worker_threads').Worker)('1', { eval: true })`,
      ];
      const source = [
        ...reachFunctionConstructor,
        'print(Function.name)',
        `for body in ${JSON.stringify(attempts.map((code) => `return ${code}`))}:`,
        '    try:',
        '        print("ran:", Function.new(body)())',
        '    except Exception as error:',
        '        print("denied" if "Access to this API has been restricted" in str(error) else str(error)[:200])',
      ].join('\n');
      const trace = await run(source, { maxSteps: 10_000 });
      assert.equal(trace.error, null, JSON.stringify(trace.error));
      assert.deepEqual(lines(trace.stdout), ['Function', 'denied', 'denied', 'denied', 'denied', 'denied']);
      assert.equal(readFileSync(hostFile, 'utf8'), 'untouched');
      assert.equal(existsSync(marker), false);
      rmSync(hostFile, { force: true });
      const next = await run('a = [1, 2]\nb = a\n');
      assert.equal(next.error, null);
      assert.equal(next.steps.at(-1)!.stack[0]!.locals.length, 2);
    });

    test('a message of the wrong shape from the sandbox ends it; the next snippet gets a fresh one', async () => {
      const source = [
        ...reachFunctionConstructor,
        'Function.new("process.send({ kind: \'trace\', id: 1, json: 42 })")()',
        'x = 1',
      ].join('\n');
      await assert.rejects(simulator.trace(source), /the sandbox sent a message of the wrong shape/);
      const next = await run('y = [1]\n');
      assert.equal(next.error, null);
    });

    test('close() leaves no sandbox process behind', async () => {
      const own = await createSimulator();
      const children = sandboxChildren();
      assert.ok(children.length >= 2, `the test's two simulators each run a sandbox process (found ${children.length})`);
      await own.trace('x = 1\n');
      await own.close();
      const left = sandboxChildren();
      assert.equal(left.length, children.length - 1, 'exactly one sandbox ended');
      await assert.rejects(own.trace('x = 1\n'), /closed/);
    });

    test('input() fails with a clear message', async () => {
      const trace = await run('name = input("Your name? ")\n');
      assert.equal(trace.error?.type, 'RuntimeError');
      assert.match(trace.error!.message, /input\(\) is not available/);
      assert.equal(trace.error!.line, 1);
    });

    test('host files can be neither read nor written', async () => {
      const hostFile = resolve('package.json');
      // /tmp itself (not the run's temporary folder): a folder that exists in the sandbox's own file system too.
      const marker = join('/tmp', `memlane-sandbox-${process.pid}-${Date.now()}.txt`);
      const source = [
        'import os',
        `print(os.path.exists(${JSON.stringify(hostFile)}))`,
        'try:',
        `    open(${JSON.stringify(hostFile)}).read()`,
        '    print("read")',
        'except OSError as error:',
        '    print(type(error).__name__)',
        `with open(${JSON.stringify(marker)}, "w") as f:`,
        '    f.write("escaped")',
        'print(sorted(os.listdir("/")))',
      ].join('\n');
      const trace = await run(source);
      assert.equal(trace.error, null, JSON.stringify(trace.error));
      const [exists, read, root] = lines(trace.stdout);
      assert.equal(exists, 'False');
      assert.equal(read, 'FileNotFoundError');
      assert.equal(existsSync(marker), false, 'a file written by the snippet must not appear on the host');
      // Only Emscripten's in-memory file system: no host directory is mounted.
      assert.equal(root, "['dev', 'home', 'lib', 'proc', 'tmp']");
      rmSync(marker, { force: true });
    });

    test('host commands cannot run', async () => {
      const marker = join(tmpdir(), `memlane-command-${process.pid}-${Date.now()}`);
      const source = [
        'import os, subprocess',
        'attempts = [',
        `    lambda: os.system("touch ${marker}"),`,
        `    lambda: subprocess.run(["touch", ${JSON.stringify(marker)}]),`,
        `    lambda: os.popen("touch ${marker}"),`,
        '    lambda: os.fork(),',
        ']',
        'for attempt in attempts:',
        '    try:',
        '        attempt()',
        '        print("ran")',
        '    except OSError as error:',
        '        print(type(error).__name__)',
      ].join('\n');
      const trace = await run(source);
      assert.equal(trace.error, null, JSON.stringify(trace.error));
      assert.deepEqual(lines(trace.stdout), ['PermissionError', 'OSError', 'OSError', 'OSError']);
      assert.equal(existsSync(marker), false);
    });

    test('the network is out of reach', async () => {
      let connections = 0;
      const server = createServer((_req, res) => res.end('reached'));
      server.on('connection', () => connections++);
      await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
      const { port } = server.address() as AddressInfo;
      try {
        const source = [
          'import socket, urllib.request',
          'try:',
          `    print(urllib.request.urlopen("http://127.0.0.1:${port}/", timeout=2).read())`,
          'except Exception as error:',
          '    print("urlopen failed")',
          'try:',
          `    socket.create_connection(("127.0.0.1", ${port}), timeout=2)`,
          '    print("connected")',
          'except Exception as error:',
          '    print("socket failed")',
          'server = socket.socket()',
          'try:',
          '    server.bind(("127.0.0.1", 0))',
          '    server.listen()',
          '    print("listening")',
          'except OSError:',
          '    print("listen failed")',
        ].join('\n');
        const trace = await run(source, { maxSteps: 10_000 });
        assert.deepEqual(lines(trace.stdout), ['urlopen failed', 'socket failed', 'listen failed']);
        assert.equal(connections, 0, 'the host server saw no connection at all');
      } finally {
        server.close();
      }
    });

    test('threads cannot start, as in CPython built without them', async () => {
      const trace = await run('import threading\nt = threading.Thread(target=print)\nt.start()\n');
      assert.equal(trace.error?.type, 'RuntimeError');
      assert.equal(trace.error!.message, "can't start new thread");
    });

    test('one snippet cannot change what the next one sees', async () => {
      const vandal = [
        'import builtins, sys, math, json, gc',
        'builtins.len = lambda x: 42',
        'del builtins.print',
        'math.pi = 3',
        'json.dumps = None',
        'gc.get_objects = None',
        'import weakref',
        'weakref.ref = None',
        'sys.modules["fake_module"] = sys',
        'sys.setrecursionlimit(80)',
        'sys.path.append("/nowhere")',
        'sys.stdout = None',
        'try:',
        '    sys.settrace(None)',
        'except RuntimeError as error:',
        '    refused = str(error)',
        'gc.disable()',
        'shared_name = "left behind"',
      ].join('\n');
      const first = await run(vandal);
      assert.equal(first.error, null, JSON.stringify(first.error));
      assert.ok(first.steps.some((step) => step.line === 18), 'the tracer outlives the vandalism');
      assert.equal(first.tracerFaults, undefined);
      const check = [
        'import sys, math, gc, json',
        'print(len([1, 2]), math.pi, "fake_module" in sys.modules, sys.getrecursionlimit())',
        'print("/nowhere" in sys.path, gc.isenabled(), "shared_name" in globals(), json.dumps([1]), callable(gc.get_objects))',
      ].join('\n');
      const second = await run(check);
      assert.equal(second.error, null, JSON.stringify(second.error));
      assert.equal(second.stdout, '2 3.141592653589793 False 1000\nFalse True False [1] True\n');
      assert.ok(second.steps.length > 3, 'the vandal\'s settrace(None) does not stop the next trace');
    });

    test('each snippet starts with fresh globals and ids', async () => {
      const a = await run('x = [1]\n');
      const b = await run('print("x" in globals())\ny = [2]\n');
      assert.equal(b.stdout, 'False\n');
      assert.equal(a.steps.at(-1)!.stack[0]!.id, 'f1');
      assert.equal(b.steps.at(-1)!.stack[0]!.id, 'f1');
      assert.equal(b.steps.at(-1)!.stack[0]!.locals[0]![1].ref, 'o1');
    });

    test('the tracer is not in sys.modules: a snippet cannot import it by name', async () => {
      const trace = await run('import sys\nprint([n for n in sys.modules if "memlane" in n])\n');
      assert.equal(trace.stdout, '[]\n');
      for (const name of ['_memlane_tracer', '_memlane_tracer.run', 'memlane_tracer']) {
        const attempt = await run(`import ${name}\n`);
        assert.equal(attempt.error?.type, 'ModuleNotFoundError', name);
      }
    });

    test('a snapshot sent after start-up ends the sandbox and is never saved', async () => {
      const source = [
        ...reachFunctionConstructor,
        `Function.new("process.send({ kind: 'snapshot', bytes: new TextEncoder().encode('${ATTACK_MARKER}'.repeat(1000)) })")()`,
        'x = 1',
      ].join('\n');
      await assert.rejects(simulator.trace(source), /the sandbox sent a snapshot when none was due/);
      assert.equal((await run('y = [1]\n')).error, null);
      const file = join(snapshotDir, 'interpreter.snapshot');
      if (existsSync(file)) assert.equal(readFileSync(file).indexOf(ATTACK_MARKER), -1);
    });
  });
}
