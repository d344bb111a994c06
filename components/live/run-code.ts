// One run in the reader's browser: the edited code, with the diagram's own options, traced by the page's
// interpreter and drawn by the diagram worker (diagram-worker.ts) off the page's thread; the page only
// carries messages between the two and puts the finished markup in place.
import type { BrowserSimulator } from 'memlane/browser';
import type { RunSettings, WorkerOutcome, WorkerRequest } from './diagram-messages.ts';

export type { RunSettings } from './diagram-messages.ts';

export type RunOutcome = { ok: true; element: HTMLElement; steps: number } | { ok: false; message: string };

let worker: Worker | undefined;
let nextRunId = 1;
const finishing = new Map<number, (outcome: WorkerOutcome) => void>();
const tracing = new Map<number, BrowserSimulator>();

function diagramWorker(): Worker {
  if (worker) return worker;
  const started = new Worker(new URL('./diagram-worker.ts', import.meta.url), {
    type: 'module',
    name: 'memlane-diagrams',
  });
  started.addEventListener('message', ({ data }: MessageEvent<WorkerOutcome>) => {
    const simulator = tracing.get(data.runId);
    if (data.kind === 'trace' && simulator) {
      simulator.traceReply(data.source, data.options).then((reply) => {
        started.postMessage({ kind: 'reply', runId: data.runId, reply } satisfies WorkerRequest);
      });
    } else if (data.kind !== 'trace') {
      finishing.get(data.runId)?.(data);
    }
  });
  worker = started;
  return started;
}

export function runCode(
  code: string,
  notes: Map<number, string>,
  settings: RunSettings,
  simulator: BrowserSimulator,
): Promise<RunOutcome> {
  const runId = nextRunId++;
  tracing.set(runId, simulator);
  return new Promise<RunOutcome>((resolve) => {
    finishing.set(runId, (outcome) => {
      finishing.delete(runId);
      tracing.delete(runId);
      if (outcome.kind === 'trace') return;
      if (outcome.restart) simulator.restart();
      if (outcome.kind === 'failed') return resolve({ ok: false, message: outcome.message });
      const template = document.createElement('template');
      template.innerHTML = outcome.html;
      resolve({ ok: true, element: template.content.querySelector('memlane-diagram')!, steps: outcome.steps });
    });
    diagramWorker().postMessage({ kind: 'run', runId, code, notes: [...notes], settings } satisfies WorkerRequest);
  });
}
