// node:test reporter: after the run, lists the ten slowest test files (wall time of each file's process).
// MEMLANE_TEST_TIMES=path also writes every finished file's seconds as JSON, after each file (a run
// stopped early keeps what it measured), for the benchmarks page.
import { writeFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';

interface TestEvent {
  type: string;
  data: { name?: string; file?: string; nesting?: number; details?: { duration_ms?: number } };
}

const SHOWN = 10;

/** Formats the slowest files, longest first, as the lines printed under the spec reporter's summary. */
export function slowestFilesReport(seconds: Map<string, number>, shown = SHOWN): string {
  const rows = [...seconds].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, shown);
  if (rows.length === 0) return '';
  const width = Math.max(...rows.map(([file]) => file.length));
  const lines = rows.map(([file, s]) => `  ${file.padEnd(width)}  ${s.toFixed(1).padStart(6)} s`);
  return `\nSlowest ${rows.length} test files:\n${lines.join('\n')}\n`;
}

function writeTimes(path: string, seconds: Map<string, number>): void {
  const sorted = [...seconds].sort((a, b) => b[1] - a[1]).map(([file, s]) => [file, Number(s.toFixed(2))]);
  writeFileSync(path, `${JSON.stringify(Object.fromEntries(sorted), null, 2)}\n`);
}

export default async function* slowestFiles(source: AsyncIterable<TestEvent>): AsyncGenerator<string> {
  const seconds = new Map<string, number>();
  for await (const event of source) {
    const { name, file, nesting, details } = event.data ?? {};
    // A file's own completion event is the one named by its path (as given to the runner) at the top level.
    if (
      event.type === 'test:complete' &&
      nesting === 0 &&
      file &&
      name &&
      resolve(name) === resolve(file) &&
      details?.duration_ms
    ) {
      seconds.set(relative(process.cwd(), file), details.duration_ms / 1000);
      if (process.env.MEMLANE_TEST_TIMES) writeTimes(process.env.MEMLANE_TEST_TIMES, seconds);
    }
  }
  yield slowestFilesReport(seconds);
}
