// The build-time pipeline for one snippet: options -> cache -> simulate -> layout -> render -> HTML.
// Pyodide is started only on a cache miss, once per process (shared by Markdown, MDX and components).
// Every stage is imported statically: Astro loads the config through a module runner that is
// closed by the time remark plugins run, so a later dynamic import would fail.
import { traceToLayout } from '../layout/trace-to-layout.ts';
import { layoutToSvg } from '../render/layout-to-svg.ts';
import '../node/svgdom-window.ts';
import { createSimulator } from '../simulate/index.ts';
import type { Trace } from '../trace/types.ts';
import { cacheKey, readCached, writeCached } from './diagram-cache.ts';
import { DiagramOptionError, resolveDiagramOptions } from './diagram-options.ts';
import { diagramToHtml } from './diagram-to-html.ts';
import { extractNotes } from './extract-notes.ts';
import { highlightPython } from './highlight-code.ts';
import { SnippetError, caretExcerpt, unexpectedTraceError, writtenLine } from './snippet-error.ts';
import type { DiagramOptions, MemlaneOptions, SnippetLocation } from './types.ts';

export interface SnippetRequest {
  /** The code as written in the page, notes included. */
  written: string;
  /** Option strings from the fence meta or component props. */
  rawOptions: Record<string, string>;
  location: SnippetLocation;
  /** Id used when the author gave none (unique within the page). */
  fallbackId: string;
}

export interface PipelineSettings extends MemlaneOptions {
  /** Changes whenever Memlane's code or version does. */
  fingerprint: string;
}

interface SimulatorLike {
  trace(source: string, options?: { maxSteps?: number; timeoutMs?: number; filename?: string }): Promise<Trace>;
  close(): Promise<void>;
}

const simulatorSlot = Symbol.for('memlane.simulator');
type SimulatorHolder = { [simulatorSlot]?: Promise<SimulatorLike> };

/**
 * One interpreter per process, even when this module is loaded twice (config and SSR bundle).
 * Created here rather than with sharedSimulator() so that closing it at the end of a build
 * leaves nothing stale behind for a later build in the same process.
 */
function simulator(): Promise<SimulatorLike> {
  const holder = globalThis as SimulatorHolder;
  if (!holder[simulatorSlot]) {
    const starting = createSimulator() as Promise<SimulatorLike>;
    holder[simulatorSlot] = starting;
    // A failed start is not kept: the next snippet tries again (and reports the same cause).
    starting.catch(() => {
      if (holder[simulatorSlot] === starting) delete holder[simulatorSlot];
    });
  }
  return holder[simulatorSlot];
}

/**
 * Starts the interpreter now, so its start-up overlaps Astro's own work instead of waiting for
 * the first snippet. For cold builds only: a warm build must never start it.
 */
export function prewarmSimulator(): void {
  simulator().catch(() => {
    // The first snippet that needs it reports the failure with its page and line.
  });
}

/** Stops the interpreter if one was started, so `astro build` can exit. */
export async function closeSimulator(): Promise<void> {
  const holder = globalThis as SimulatorHolder;
  const pending = holder[simulatorSlot];
  delete holder[simulatorSlot];
  if (pending) await (await pending).close();
}

export async function snippetToDiagram(request: SnippetRequest, settings: PipelineSettings): Promise<string> {
  const { location } = request;
  const fenceLine = location.firstLine - 1;
  let options: DiagramOptions;
  try {
    options = resolveDiagramOptions(request.rawOptions, settings.defaults);
  } catch (error) {
    if (error instanceof DiagramOptionError) throw new SnippetError(location.file, fenceLine, error.message, error.hint);
    throw error;
  }
  const snippet = extractNotes(request.written);
  if (snippet.code.trim() === '') {
    throw new SnippetError(location.file, fenceLine, 'the python memory block is empty', 'write some Python in it, or remove the block');
  }
  const id = options.id ?? request.fallbackId;
  const key = cacheKey({ fingerprint: settings.fingerprint, code: snippet.code, notes: [...snippet.notes], options, id, timeoutMs: settings.timeoutMs });
  const cached = readCached(settings.cacheDir, key);
  if (cached !== undefined) return cached;

  const trace = await (await simulator()).trace(snippet.code, { maxSteps: options.maxSteps, timeoutMs: settings.timeoutMs, filename: location.file });
  checkOutcome(trace, options, request, snippet);
  const total = trace.steps.length;
  const shownStep = options.step === 'first' ? 1 : options.step === 'last' ? total : options.step;
  if (shownStep > total) {
    throw new SnippetError(location.file, fenceLine, `step=${options.step} but the snippet runs only ${total} steps`, `use step=last or a number from 1 to ${total}`);
  }
  const layout = traceToLayout(trace, { scalars: options.scalars, hide: options.hide, showExited: options.exited === 'show' });
  const svg = layoutToSvg(layout, { step: 'all', shownStep, theme: options.theme, title: options.title ?? undefined, idPrefix: id });
  const codeHtml = await highlightPython(snippet.code, { current: trace.steps[shownStep - 1]!.line, next: trace.steps[shownStep]?.line });
  const html = diagramToHtml({ trace, snippet, options, id, shownStep, svg, codeHtml });
  writeCached(settings.cacheDir, key, html);
  return html;
}

/** A snippet must run to its end, or end with exactly the exception `raises=` names. */
function checkOutcome(trace: Trace, options: DiagramOptions, request: SnippetRequest, snippet: ReturnType<typeof extractNotes>): void {
  const { location } = request;
  const error = trace.error;
  if (error && error.type !== options.raises) throw unexpectedTraceError(error, snippet, location, options.raises);
  if (!error && options.raises) {
    const lastLine = snippet.code.split('\n').length;
    throw new SnippetError(location.file, location.firstLine + writtenLine(snippet, lastLine) - 1,
      `the fence says raises=${options.raises}, but the snippet ran to its end without an exception`,
      `remove raises=${options.raises}, or make the code raise it`,
      caretExcerpt(location.firstLine + writtenLine(snippet, lastLine) - 1, snippet.code.split('\n')[lastLine - 1] ?? ''));
  }
  if (trace.steps.length === 0) {
    throw new SnippetError(location.file, location.firstLine - 1, 'the snippet ran no steps', 'write at least one statement');
  }
}
