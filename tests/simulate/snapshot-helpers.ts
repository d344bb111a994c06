// Helpers for the snapshot tests: the key the simulator uses now, and the notices it writes to stderr.
import { dirname } from 'node:path';
import { findWorkerPath, pyodideDirFor } from '../../src/simulate/code-to-trace.ts';
import { snapshotKey } from '../../src/simulate/interpreter-snapshot.ts';

/** The key a simulator started now expects its snapshot to carry. */
export function currentSnapshotKey(): string {
  const hostPath = findWorkerPath();
  return snapshotKey(dirname(hostPath), pyodideDirFor(hostPath));
}

/** Collects what this process writes to stderr until stop(), which returns the lines from memlane. */
export function captureStderr(): { stop(): string[] } {
  const write = process.stderr.write;
  let text = '';
  process.stderr.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
    text += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    return (write as (...args: unknown[]) => boolean).call(process.stderr, chunk, ...rest);
  }) as typeof process.stderr.write;
  return {
    stop() {
      process.stderr.write = write;
      return text.split('\n').filter((line) => line.startsWith('memlane'));
    },
  };
}
