// `memlane render --watch`: renders again each time the snippet (or a side of a comparison) is saved,
// with one interpreter kept for the whole session. A bad edit prints its problem and leaves the last
// good output in place; Ctrl-C (or SIGTERM) closes the watchers and the interpreter and ends with status 0.
import { watch } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import type { SimulatorHandle } from '../core/index.ts';
import type { SlideOptions } from '../slides/slide-options.ts';
import { printError, resolveIn, type CliIo } from './cli-io.ts';
import { renderSnippet } from './render-snippet.ts';

/** Editors save in several writes (truncate, write, rename): one render once they have settled. */
const SETTLE_MS = 20;

export interface WatchSession {
  /** The process's interpreter, started again by the handle if a snippet killed it. */
  simulator(): Promise<SimulatorHandle>;
  close(): Promise<void>;
}

/** Every file's bytes, each after its length (so no two sets of files read alike); null if one cannot be read. */
async function readAll(files: string[]): Promise<Buffer | null> {
  const parts = await Promise.all(files.map((file) => readFile(file).catch(() => null)));
  if (parts.some((part) => part === null)) return null;
  return Buffer.concat(parts.flatMap((part) => [Buffer.from(`${part!.length}\n`), part!]));
}

export function watchRender(options: SlideOptions, io: CliIo, session: WatchSession): Promise<number> {
  const files = options.files.map((file) => resolveIn(io, file));
  const shown = options.files.join(', ');
  const output = options.out ?? options.outDir!;
  let lastRendered: Buffer | null = null;
  let rendering: Promise<void> | null = null;
  let pending = false;
  let stopping = false;
  let settle: NodeJS.Timeout | undefined;

  async function renderChanges(): Promise<void> {
    do {
      pending = false;
      // A save that changed nothing (or a second event of one save) is not rendered again.
      const bytes = await readAll(files);
      if (bytes && lastRendered?.equals(bytes)) continue;
      if (bytes) lastRendered = bytes;
      let status: number;
      try {
        status = await renderSnippet(options, io, session.simulator(), performance.now());
      } catch (error) {
        if (stopping) return;
        printError(io, `memlane render: ${(error as Error).message}`);
        status = 1;
      }
      if (status !== 0 && !stopping)
        printError(io, `memlane render: watching ${shown}; ${output} keeps the last good drawing`);
    } while (pending && !stopping);
  }

  function changed(): void {
    clearTimeout(settle);
    settle = setTimeout(() => {
      pending = true;
      rendering ??= renderChanges().finally(() => (rendering = null));
    }, SETTLE_MS);
  }

  // Each file's folder is watched, not the file: an editor that saves by renaming a new file over it replaces the
  // file being watched.
  const namesIn = new Map<string, Set<string>>();
  for (const file of files) namesIn.set(dirname(file), (namesIn.get(dirname(file)) ?? new Set()).add(basename(file)));
  const watchers = [...namesIn].map(([dir, names]) =>
    watch(dir, (_event, changedName) => {
      if (!stopping && (changedName === null || names.has(changedName))) changed();
    }),
  );
  printError(io, `memlane render: watching ${shown}, writing ${output} on every save (Ctrl-C stops)`);
  pending = true;
  rendering = renderChanges().finally(() => (rendering = null));

  return new Promise<number>((resolveExit) => {
    const stop = async () => {
      if (stopping) return;
      stopping = true;
      clearTimeout(settle);
      for (const watcher of watchers) watcher.close();
      await session.close().catch(() => {});
      await rendering?.catch(() => {});
      resolveExit(0);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}
