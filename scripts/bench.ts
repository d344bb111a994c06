// `npm run bench`: runs every benchmark in scripts/bench/ in order and prints its figures.
// Each module exports `name` and `run(): Promise<Figure[]>`; nothing here asserts a time.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { buildPackage } from './build-package.ts';

export interface Figure {
  label: string;
  value: number | string;
  unit?: string;
  /** The target the figure is compared with, in words (e.g. "< 3000 ms"). */
  target?: string;
}

const only = process.argv.slice(2);
// The benchmarks' temporary files (snapshots, outputs) go to one folder, removed when the run ends.
const scratch = mkdtempSync(join(tmpdir(), 'memlane-bench-'));
process.env['TMPDIR'] = scratch;
process.on('exit', () => rmSync(scratch, { recursive: true, force: true }));
process.on('SIGINT', () => process.exit(130));
// The site and the installed command (scripts/memlane.mjs) run the compiled lib/: compile the current sources.
await buildPackage();
const dir = new URL('./bench/', import.meta.url);
const files = readdirSync(dir).filter((f) => f.endsWith('.ts')).sort();

console.log(`memlane bench: ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${cpus().length} x ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB`);
for (const file of files) {
  const mod = (await import(new URL(file, dir).href)) as { name: string; run(): Promise<Figure[]> };
  if (only.length && !only.some((s) => file.includes(s))) continue;
  console.log(`\n## ${mod.name}`);
  for (const f of await mod.run()) {
    const value = typeof f.value === 'number' ? +f.value.toFixed(2) : f.value;
    console.log(`  ${f.label.padEnd(48)} ${String(value).padStart(10)} ${f.unit ?? ''}${f.target ? `   (target ${f.target})` : ''}`);
  }
}
