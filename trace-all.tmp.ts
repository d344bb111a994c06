import { readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createSimulator } from './src/simulate/index.ts';
const out = process.argv[2]!;
mkdirSync(out, { recursive: true });
const inputs: [string, string][] = [];
for (const dir of ['tests/fixtures/corpus/snippets', 'tests/fixtures/structures', 'tests/fixtures/hostile']) {
  for (const f of readdirSync(dir).filter((f) => f.endsWith('.py')).sort()) inputs.push([`${dir.split('/').pop()}-${f}`, readFileSync(join(dir, f), 'utf8')]);
}
function walk(dir: string): string[] { return readdirSync(dir, { withFileTypes: true }).flatMap((e) => e.isDirectory() ? walk(join(dir, e.name)) : e.name.endsWith('x') || e.name.endsWith('.md') ? [join(dir, e.name)] : []); }
for (const file of walk('content')) {
  const text = readFileSync(file, 'utf8');
  let i = 0;
  for (const m of text.matchAll(/^```python memory[^\n]*\n([\s\S]*?)^```/gm)) inputs.push([`${file.replace(/\//g, '_')}-${i++}`, m[1]!]);
}
const sim = await createSimulator({ snapshotDir: false });
const t0 = performance.now();
for (const [name, src] of inputs) {
  const trace = await sim.trace(src, { maxSteps: 3000 });
  writeFileSync(join(out, name + '.json'), JSON.stringify(trace, null, 1));
}
console.log(inputs.length, 'traced in', (performance.now() - t0).toFixed(0), 'ms');
await sim.close();
