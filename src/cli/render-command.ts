// `memlane render`: a snippet's memory diagram as SVG or PNG for slides, once or on every save.
// Kept light: the command line is checked first, then the interpreter starts in its own process
// while this one loads the drawing code, so the two slow starts overlap.
import { parseSlideOptions, SlideOptionError } from '../slides/slide-options.ts';
import type { CliIo } from './cli-io.ts';
import { UsageError, type Command } from './command.ts';
import { renderUsage } from './render-usage.ts';

async function run(args: string[], io: CliIo): Promise<number> {
  let options;
  try {
    options = parseSlideOptions(args);
  } catch (error) {
    if (error instanceof SlideOptionError) throw new UsageError(error.message, error.hint);
    throw error;
  }
  const { processSimulator, closeSimulator, prewarmSimulator } = await import('../node/simulator-handle.ts');
  prewarmSimulator();
  const { prepareOutput, renderSnippet } = await import('./render-snippet.ts');
  prepareOutput(options);
  if (options.watch) {
    const { watchRender } = await import('./watch-render.ts');
    return watchRender(options, io, { simulator: processSimulator, close: closeSimulator });
  }
  try {
    return await renderSnippet(options, io, processSimulator());
  } finally {
    // The resident server keeps its interpreter for the next request.
    if (!io.resident) await closeSimulator();
  }
}

export const command: Command = {
  summary: "draw a snippet's memory diagram as SVG or PNG, every step as a GIF, or a PDF handout, for slides",
  usage: renderUsage,
  run,
};
