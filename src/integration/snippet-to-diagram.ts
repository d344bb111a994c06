// The page adapter of the core: a snippet's option strings and code -> cache -> codeToDiagram ->
// highlighted code -> HTML. Problems become SnippetErrors placed in the page; options are spelt as
// in a fence. Every stage is imported statically: Astro loads the config through a module runner
// that is closed by the time remark plugins run, so a later dynamic import would fail.
import { shownCodeHtml } from '../highlight/code-to-html.ts';
import {
  codeToDiagram,
  extractNotes,
  fenceSpelling,
  readDiagramOptions,
  type DiagramOptionName,
  type DiagramOptions,
  type Problem,
} from '../core/index.ts';
import { processSimulator } from '../node/simulator-handle.ts';
import { cacheKey, readCached, writeCached } from './diagram-cache.ts';
import { diagramToHtml, type LiveSettings } from '../page/diagram-to-html.ts';
import { compareToHtml } from '../page/compare-to-html.ts';
import { codeToCompare } from '../compare/index.ts';
import { SnippetError } from './snippet-error.ts';
import type { MemlaneOptions, SnippetLocation } from './types.ts';

export { closeSimulator, prewarmSimulator } from '../node/simulator-handle.ts';

export interface SnippetRequest {
  /** The code as written in the page, notes included. */
  written: string;
  /** Option strings by option name, from the fence meta or component props. */
  rawOptions: Partial<Record<DiagramOptionName, string>>;
  location: SnippetLocation;
  /** Id used when the author gave none (unique within the page). */
  fallbackId: string;
  /** The code holds two or three programs, each opened by `# @side LABEL`, stepped together. */
  compare?: boolean;
  /** A problem found before the snippet could run (a <MemoryDiagram> prop), to report in its place. */
  problem?: Problem;
}

export interface PipelineSettings extends MemlaneOptions {
  /** Changes whenever Memlane's code or version does. */
  fingerprint: string;
  /** Live editing's places in the built site. */
  live: LiveSettings;
}

export async function snippetToDiagram(request: SnippetRequest, settings: PipelineSettings): Promise<string> {
  const { location } = request;
  if (request.problem) throw new SnippetError(request.problem, location);
  const read = readDiagramOptions(request.rawOptions, fenceSpelling, settings.defaults);
  if (!read.ok) throw new SnippetError(read.problems[0]!, location);
  const { options } = read;
  const snippet = extractNotes(request.written);
  const id = options.id ?? request.fallbackId;
  const key = cacheKey({
    compare: request.compare ?? false,
    fingerprint: settings.fingerprint,
    code: snippet.code,
    notes: [...snippet.notes],
    options,
    id,
    timeoutMs: settings.timeoutMs,
    live: settings.live,
  });
  const cached = readCached(settings.cacheDir, key);
  if (cached !== undefined) return cached;

  const html = request.compare
    ? await compareHtml(request, settings, options, id)
    : await diagramHtml(request, settings, options, id);
  writeCached(settings.cacheDir, key, html);
  return html;
}

/** What both kinds of diagram ask of the core: the page's spelling, the process's interpreter, its limits. */
async function coreRequest(request: SnippetRequest, settings: PipelineSettings, options: DiagramOptions, id: string) {
  return {
    written: request.written,
    options,
    spelling: fenceSpelling,
    simulator: await processSimulator(),
    renderDefaults: { idPrefix: id },
    timeoutMs: settings.timeoutMs,
    filename: request.location.file,
    htmlLegend: true,
  };
}

async function diagramHtml(
  request: SnippetRequest,
  settings: PipelineSettings,
  options: DiagramOptions,
  id: string,
): Promise<string> {
  const outcome = await codeToDiagram(await coreRequest(request, settings, options, id));
  if (!outcome.ok) throw new SnippetError(outcome.problems[0]!, request.location);
  // The diagram's snippet is the shown code: notes and `# @predict` questions taken out.
  const { diagram } = outcome;
  return diagramToHtml({
    ...diagram,
    id,
    codeHtml: shownCodeHtml(diagram),
    key: diagram.layout.key,
    live: settings.live,
  });
}

async function compareHtml(
  request: SnippetRequest,
  settings: PipelineSettings,
  options: DiagramOptions,
  id: string,
): Promise<string> {
  const outcome = await codeToCompare(await coreRequest(request, settings, options, id));
  if (!outcome.ok) throw new SnippetError(outcome.problems[0]!, request.location);
  const { comparison } = outcome;
  const codeHtml = comparison.sides.map(({ diagram }) => shownCodeHtml(diagram));
  return compareToHtml({ comparison, written: request.written, options, id, codeHtml, live: settings.live });
}
