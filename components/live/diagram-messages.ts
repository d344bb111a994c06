// What the page and its diagram worker (diagram-worker.ts) say to each other about one run.
import type { DiagramOptions, RunReply } from 'memlane/browser';

export interface RunSettings {
  id: string;
  options: DiagramOptions;
  timeoutMs: number;
  /** Options a playground link gave, as [fence spelling, value]; checked by the worker. */
  link?: [string, string][];
}

/** From the page: draw this code; then, for each trace the worker asks for, the interpreter's reply. */
export type WorkerRequest =
  | { kind: 'run'; runId: number; code: string; notes: [number, string][]; settings: RunSettings }
  | { kind: 'reply'; runId: number; reply: RunReply };

/** From the worker: trace this source for me; the run drawn (its markup); or the run's error in words. */
export type WorkerOutcome =
  | { kind: 'trace'; runId: number; source: string; options: { maxSteps?: number; timeoutMs?: number } }
  | { kind: 'drawn'; runId: number; html: string; steps: number; restart: boolean }
  | { kind: 'failed'; runId: number; message: string; restart: boolean };
