// <MemoryDiagram>'s way to the pipeline memlane() configured. The component imports the bare `memlane`,
// which memlane() keeps external for the site's server bundle (index.ts), so Node loads that entry once
// and the component reaches this very module: no second, unconfigured copy, no global slot.
import { diagramOrProblem } from './snippet-problems.ts';
import { snippetToDiagram, type PipelineSettings, type SnippetRequest } from './snippet-to-diagram.ts';

export type { SnippetRequest } from './snippet-to-diagram.ts';

let configured: PipelineSettings | undefined;

/** Called by memlane() once the site's options are known. */
export function configureMemoryDiagram(settings: PipelineSettings): void {
  configured = settings;
}

/** One <MemoryDiagram>: its HTML, or, when its snippet fails, the problem recorded and shown in its place. */
export function renderMemoryDiagram(request: SnippetRequest): Promise<string> {
  const settings = configured;
  if (!settings) {
    throw new Error(
      '<MemoryDiagram> needs the memlane() integration.\n' +
        'hint: add memlane() to the integrations in astro.config.mjs, importing it by the package name ' +
        "'memlane' (not a path)",
    );
  }
  return diagramOrProblem(() => snippetToDiagram(request, settings));
}
