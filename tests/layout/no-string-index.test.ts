// Heap objects, frames and steps are typed (HeapObject is a union by kind): the stages that draw
// and explain them read fields by name, never `obj['field']`, so the compiler checks every read.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';

const STAGES = ['src/layout', 'src/render', 'src/exercises'];

/** A value read through a string index: `obj['kind']`, `heap.get(id)?.['repr']`, `f(x)["name"]`; not `Box['kind']`. */
const STRING_INDEX_READ = /(?:\b[a-z_$][\w$]*|[)\]])(?:\?\.)?\[\s*['"`]/g;

const withoutComments = (source: string) => source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return sourceFiles(path);
      return /\.(ts|mts|js|mjs)$/.test(name) ? [path] : [];
    });
}

/** Every string-index read in `source`, as "line N: text". */
function stringIndexReads(source: string): string[] {
  return withoutComments(source)
    .split('\n')
    .flatMap((line, i) => (line.match(STRING_INDEX_READ) ? [`line ${i + 1}: ${line.trim()}`] : []));
}

describe('no string-index reads in the stages after the trace', () => {
  it('the check finds the reads it is for, and not types or array literals', () => {
    for (const read of ["obj['kind']", "heap.get(id)?.['repr']", 'first(x)["name"]', "rows[0]['text']"]) {
      assert.equal(stringIndexReads(`const v = ${read};`).length, 1, read);
    }
    const fines = ["type L = Mark['label'];", "const s = new Set(['int']);", "x = a ? ['b'] : [];", "// obj['kind']"];
    for (const fine of fines) {
      assert.deepEqual(stringIndexReads(fine), [], fine);
    }
  });

  for (const dir of STAGES) {
    it(`${dir} reads no field through a string index`, () => {
      const files = sourceFiles(dir);
      assert.ok(files.length > 3, `${dir} has its source files`);
      const reads = files.flatMap((file) =>
        stringIndexReads(readFileSync(file, 'utf8')).map((read) => `${file} ${read}`),
      );
      assert.deepEqual(reads, [], 'read fields by name from the typed objects (src/trace/types.ts)');
    });
  }
});
