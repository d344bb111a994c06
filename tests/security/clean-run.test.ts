// A clean interpreter for every run: what one snippet changes (modules, builtins, files, the working folder,
// sys.path, settings) the next never sees, and a run after a vandal traces byte for byte as on a fresh start.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { repoRoot } from '../cli/run-cli.ts';
import { sandboxForTests } from './sandbox-harness.ts';

const sandbox = sandboxForTests();

const VANDAL = [
  'import builtins, sys, os, gc, json, json.encoder, math, fractions',
  'builtins.len = lambda x: 42',
  'del builtins.print',
  'math.pi = 3',
  'json.encoder.JSONEncoder.encode = lambda self, o: "forged"',
  'fractions.Fraction.__repr__ = lambda self: "forged"',
  'sys.modules["fake_module"] = sys',
  'sys.setrecursionlimit(80)',
  'sys.path.insert(0, "/tmp")',
  'os.environ["MEMLANE_LEFT"] = "behind"',
  'gc.disable()',
  'gc.set_threshold(1)',
  'with open("/tmp/left.txt", "w") as handle:',
  '    handle.write("behind")',
  'with open("/home/pyodide/statistics.py", "w") as planted:',
  '    planted.write("PLANTED = True\\n")',
  'with open("/tmp/copy.py", "w") as planted:',
  '    planted.write("PLANTED = True\\n")',
  'open("/tmp/kept-open.txt", "w")',
  'os.mkdir("/tmp/folder")',
  'os.chdir("/tmp")',
  'shared_name = "left behind"',
].join('\n');

const CHECK = [
  'import builtins, sys, os, gc, json, math, fractions, statistics, copy',
  'print(len([1, 2]), math.pi, "fake_module" in sys.modules, sys.getrecursionlimit())',
  'print(repr(sys.path[0]), "/tmp" in sys.path, os.environ.get("MEMLANE_LEFT"), gc.isenabled(), ' +
    'gc.get_threshold()[0] > 1)',
  'print(os.path.exists("/tmp/left.txt"), os.path.exists("/tmp/folder"), os.listdir("/tmp"), os.getcwd())',
  'print(hasattr(statistics, "PLANTED"), hasattr(copy, "PLANTED"), json.dumps([1]), repr(fractions.Fraction(1, 2)))',
  'print("shared_name" in globals(), callable(builtins.print))',
].join('\n');

describe('every run starts from the same clean interpreter', () => {
  test('what one snippet changes, the next does not see', async () => {
    const first = await sandbox.run(VANDAL);
    assert.equal(first.error, null, JSON.stringify(first.error));
    assert.equal(first.tracerFaults, undefined);
    const second = await sandbox.run(CHECK);
    assert.equal(second.error, null, JSON.stringify(second.error));
    assert.equal(
      second.stdout,
      `${[
        '2 3.141592653589793 False 1000',
        "'' False None True True",
        'False False [] /home/pyodide',
        'False False [1] Fraction(1, 2)',
        'False True',
      ].join('\n')}\n`,
    );
  });

  test('a run after a vandal traces to the byte as the same run before it', async () => {
    const bst = readFileSync(join(repoRoot, 'tests/fixtures/structures/s03_bst.py'), 'utf8');
    const before = await sandbox.run(bst);
    await sandbox.run(VANDAL);
    const after = await sandbox.run(bst);
    assert.equal(JSON.stringify(after), JSON.stringify(before));
  });

  test('object addresses repeat from run to run, so a set of objects keeps its order', async () => {
    const source = 'class Box:\n    pass\nboxes = {Box() for _ in range(5)}\nprint([id(b) % 1000 for b in boxes])\n';
    const first = await sandbox.run(source);
    await sandbox.run('junk = [object() for _ in range(1000)]\n');
    const second = await sandbox.run(source);
    assert.equal(second.stdout, first.stdout);
  });
});
