// The one error that stops a build with snippet problems: every problem once, as the author needs it
// (file:line, Python error, caret, hint), and no Node stack trace, which only points into Memlane.
// MEMLANE_DEBUG=1 adds each problem's stack, for a bug in Memlane itself. The pages that show a
// problem are taken out of the output folder, so a deploy that ignores the failure publishes none.
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { SnippetError } from './snippet-error.ts';

export class SnippetsFailedError extends Error {
  constructor(problems: SnippetError[], removed: string[] = [], debug = Boolean(process.env.MEMLANE_DEBUG)) {
    const count = problems.length === 1 ? '1 python memory snippet' : `${problems.length} python memory snippets`;
    const texts = problems.map((problem) => (debug ? `${problem.message}\n${stackLines(problem)}` : problem.message));
    super(
      `${count} failed:\n\n${texts.join('\n\n')}\n` +
        (removed.length
          ? `\nThe ${removed.length === 1 ? 'page that shows it was' : 'pages that show them were'} left out of ` +
            `the build: ${removed.join(', ')}\n`
          : ''),
    );
    this.name = 'MemlaneSnippetsFailed';
    // Astro prints a stack trace under any error that has one.
    if (!debug) this.stack = '';
  }

  /** Astro hints "Browser APIs are not available" when this text mentions `document` or `window`; a snippet's may. */
  override toString(): string {
    return this.name;
  }
}

function stackLines(error: Error): string {
  return (error.stack ?? '')
    .split('\n')
    .filter((line) => /^\s+at /.test(line))
    .join('\n');
}

/** Deletes every built page that shows a snippet's problem block; returns their paths in the folder. */
export function removePagesWithProblems(outDir: string): string[] {
  const pages = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
      const path = join(dir, entry.name);
      return entry.isDirectory() ? pages(path) : entry.name.endsWith('.html') ? [path] : [];
    });
  const shown = pages(outDir)
    .filter((path) => readFileSync(path, 'utf8').includes('class="memlane-problem"'))
    .sort();
  for (const path of shown) rmSync(path);
  return shown.map((path) =>
    path
      .slice(outDir.length)
      .replace(/^[\\/]/, '')
      .split('\\')
      .join('/'),
  );
}
