// `astro dev` only: Vite's error overlay for snippet problems. A page that shows problems sends them
// from the browser once it has loaded (components/dev-overlay.ts), so the overlay outlives the reload
// that brought the page; the server raises it for the first, through Astro's own dress for errors
// (the page's code around the line, a caret, "Open in editor"). A build fails instead (index.ts).
import { isAbsolute, resolve } from 'node:path';
import type { AstroIntegration } from 'astro';
import type { OverlayProblem } from './problem-block.ts';

type DevServer = Parameters<NonNullable<AstroIntegration['hooks']['astro:server:setup']>>[0]['server'];

export const overlayEvent = 'memlane:problems';

export function raiseOverlayForProblems(server: DevServer, root: string): void {
  const hot = server.environments.client.hot;
  hot.on(overlayEvent, (data: unknown) => {
    const problems = readProblems(data);
    if (problems.length > 0) hot.send({ type: 'error', err: overlayError(problems, root) });
  });
}

/** The overlay's error: the first problem placed in its file, the others named by line. */
function overlayError([first, ...others]: OverlayProblem[], root: string) {
  const file = isAbsolute(first!.file) ? first!.file : resolve(root, first!.file);
  const more =
    others.length === 0
      ? ''
      : `\n\n${others.length} more on this page: ${others.map((p) => `${p.file}:${p.line}`).join(', ')}`;
  return {
    name: 'MemlaneSnippetError',
    title: 'A python memory snippet failed',
    message: `${first!.file}:${first!.line}: ${first!.message}${more}`,
    hint: first!.hint,
    stack: '',
    id: file,
    loc: { file, line: first!.line, column: first!.column ?? 1 },
    plugin: 'memlane',
  };
}

/** The page's problems as it sent them (any browser tab can send anything: take only the shape). */
function readProblems(data: unknown): OverlayProblem[] {
  const texts = (data as { problems?: unknown } | null)?.problems;
  if (!Array.isArray(texts)) return [];
  return texts.slice(0, 50).flatMap((text) => {
    try {
      const p = JSON.parse(String(text)) as Partial<OverlayProblem>;
      const ok =
        typeof p.file === 'string' &&
        typeof p.line === 'number' &&
        typeof p.message === 'string' &&
        typeof p.hint === 'string' &&
        (p.column === undefined || typeof p.column === 'number');
      return ok ? [p as OverlayProblem] : [];
    } catch {
      return [];
    }
  });
}
