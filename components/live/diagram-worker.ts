// The reader's runs drawn off the page's thread: this worker reads the interpreter's reply (parsed and checked
// like any untrusted input), lays the trace out and renders it, and hands the page finished markup. A big or
// hostile trace then costs this worker its time, never the page its responsiveness.
import {
  codeToCompare,
  codeToDiagram,
  compareToHtml,
  hasSides,
  diagramToHtml,
  fenceSpelling,
  optionsFromLink,
  replyToTrace,
  shownCodeHtml,
  type DiagramOptions,
  type Problem,
  type RunReply,
  type Trace,
} from 'memlane/browser';
import type { RunSettings, WorkerOutcome, WorkerRequest } from './diagram-messages.ts';
import { runProblemText } from './run-problem.ts';

/** Replies awaited from the page, by run. */
const awaited = new Map<number, (reply: RunReply) => void>();

/**
 * The options of a reader's run: the diagram's own, except that code which no longer raises the
 * lesson's exception, or runs fewer steps than the step shown, is not an error in a reader's hands.
 */
function forgiving(options: DiagramOptions, problem: Problem): DiagramOptions | undefined {
  if (problem.kind === 'outcome' && options.raises !== null) return { ...options, raises: null };
  if (problem.kind === 'step') return { ...options, step: 'auto' };
  return undefined;
}

async function draw(
  runId: number,
  code: string,
  notes: Map<number, string>,
  settings: RunSettings,
): Promise<WorkerOutcome> {
  let restart = false;
  // The page runs the interpreter (it lives in a frame only the page can reach); this worker reads its reply.
  const simulator = {
    trace: (source: string, options: { maxSteps?: number; timeoutMs?: number }) =>
      new Promise<Trace>((resolve) => {
        awaited.set(runId, (reply) => {
          if (reply.trace) return resolve(reply.trace);
          const read = replyToTrace(reply.message, reply.job, reply.python);
          restart ||= read.restart;
          resolve(read.trace);
        });
        postMessage({ kind: 'trace', runId, source, options } satisfies WorkerOutcome);
      }),
  };
  const linked = optionsFromLink(settings.link ?? [], settings.options);
  if (!linked.ok)
    return {
      kind: 'failed',
      runId,
      message: `This link's options cannot be used: ${linked.problems[0]!.message}; ${linked.problems[0]!.hint}`,
      restart,
    };
  // Code with `# @side` lines is a comparison, whether the lesson's fence was one or the reader made it one.
  const drawIt = hasSides(code) ? drawnComparison : drawnDiagram;
  let options = linked.options;
  for (;;) {
    const request = {
      written: code,
      options,
      spelling: fenceSpelling,
      simulator,
      renderDefaults: { idPrefix: settings.id },
      timeoutMs: settings.timeoutMs,
      htmlLegend: true,
    };
    const drawn = await drawIt(request, notes, settings.id);
    if (drawn.ok) return { kind: 'drawn', runId, html: drawn.html, steps: drawn.steps, restart };
    const retry = forgiving(options, drawn.problem);
    if (retry) {
      options = retry;
      continue;
    }
    return { kind: 'failed', runId, message: runProblemText(drawn.problem, options, settings.timeoutMs), restart };
  }
}

type Drawn = { ok: true; html: string; steps: number } | { ok: false; problem: Problem };
type DrawRequest = Parameters<typeof codeToDiagram>[0];

/** One program: the diagram's markup, with the notes the editor keeps beside the code. */
async function drawnDiagram(request: DrawRequest, notes: Map<number, string>, id: string): Promise<Drawn> {
  const outcome = await codeToDiagram(request);
  if (!outcome.ok) return { ok: false, problem: outcome.problems[0]! };
  const { trace, shownStep, svg, snippet, layout } = outcome.diagram;
  const codeHtml = shownCodeHtml(outcome.diagram);
  const { options } = request;
  const html = diagramToHtml({
    trace,
    snippet: { ...snippet, notes },
    options,
    id,
    shownStep,
    svg,
    codeHtml,
    key: layout.key,
  });
  return { ok: true, html, steps: trace.steps.length };
}

/** Programs opened by `# @side` lines: the comparison's markup (notes stay in the code as `# @note` lines). */
async function drawnComparison(request: DrawRequest, _notes: Map<number, string>, id: string): Promise<Drawn> {
  const outcome = await codeToCompare(request);
  if (!outcome.ok) return { ok: false, problem: outcome.problems[0]! };
  const { comparison } = outcome;
  const codeHtml = comparison.sides.map(({ diagram }) => shownCodeHtml(diagram));
  const html = compareToHtml({ comparison, written: request.written, options: request.options, id, codeHtml });
  return { ok: true, html, steps: comparison.moments.length };
}

addEventListener('message', ({ data }: MessageEvent<WorkerRequest>) => {
  if (data.kind === 'run') {
    draw(data.runId, data.code, new Map(data.notes), data.settings).then(postMessage, (error: Error) => {
      postMessage({
        kind: 'failed',
        runId: data.runId,
        message: String(error?.message ?? error),
        restart: false,
      } satisfies WorkerOutcome);
    });
  } else if (data.kind === 'reply') {
    const resolve = awaited.get(data.runId);
    awaited.delete(data.runId);
    resolve?.(data.reply);
  }
});
