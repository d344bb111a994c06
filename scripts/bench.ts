// `npm run bench`: runs every benchmark in scripts/bench/ in order and prints its figures.
// Each module exports `name` and `run(): Promise<Figure[]>`; nothing here asserts a time.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildPackage } from './build-package.ts';

export interface Figure {
  label: string;
  value: number | string;
  unit?: string;
  /** The target the figure is compared with, in words (e.g. "< 3000 ms"). */
  target?: string;
}

const dir = new URL('./bench/', import.meta.url);
const args = process.argv.slice(2);

if (args[0] === '--one') {
  // One benchmark, in a process of its own: what an earlier one loaded (Pyodide, Graphviz, elkjs,
  // a built site) and the garbage it left do not weigh on this one's figures.
  const mod = (await import(new URL(args[1]!, dir).href)) as { name: string; run(): Promise<Figure[]> };
  console.log(`\n## ${mod.name}`);
  for (const f of await mod.run()) {
    const value = typeof f.value === 'number' ? +f.value.toFixed(2) : f.value;
    console.log(
      `  ${f.label.padEnd(48)} ${String(value).padStart(10)} ${f.unit ?? ''}` +
        `${f.target ? `   (target ${f.target})` : ''}`,
    );
  }
} else {
  // The benchmarks' temporary files (snapshots, outputs) go to one folder, removed when the run ends.
  const scratch = mkdtempSync(join(tmpdir(), 'memlane-bench-'));
  process.env['TMPDIR'] = scratch;
  process.on('exit', () => rmSync(scratch, { recursive: true, force: true }));
  process.on('SIGINT', () => process.exit(130));
  // The site and the installed command (scripts/memlane.mjs) run the compiled lib/: compile the current sources.
  await buildPackage();
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.ts') && (!args.length || args.some((s) => f.includes(s))))
    .sort();
  console.log(
    `memlane bench: ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${cpus().length} x ` +
      `${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB`,
  );
  let failed = 0;
  for (const file of files) {
    const child = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), '--one', file], {
      stdio: 'inherit',
    });
    if (child.status !== 0) {
      failed++;
      console.error(`memlane bench: ${file} failed (${child.signal ?? `exit ${child.status}`})`);
    }
  }
  process.exitCode = failed ? 1 : 0;
}
