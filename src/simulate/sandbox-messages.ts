// The messages the sandbox process sends, checked field by field: the process runs untrusted
// code, so anything it says is input, not a promise. The browser's worker speaks the same messages.

/** A clean interpreter's memory is about 31 MB; anything far larger is not a snapshot worth keeping. */
export const MAX_SNAPSHOT_BYTES = 256 * 2 ** 20;

export type SandboxMessage =
  | { kind: 'ready'; python: string; startupMs: number; startedFrom: 'snapshot' | 'full'; snapshotProblem: string }
  | { kind: 'snapshot'; bytes: Uint8Array }
  | { kind: 'failed'; message: string }
  | { kind: 'trace'; id: number; json: string; memoryBytes: number; memoryLimitHit: boolean; clean: boolean }
  | { kind: 'fatal'; id: number; interrupted: boolean; message: string };

const fieldChecks: Record<SandboxMessage['kind'], Record<string, (value: unknown) => boolean>> = {
  ready: {
    python: (v) => typeof v === 'string' && /^\d+\.\d+\.\d+\S*$/.test(v),
    startupMs: isFiniteNumber,
    startedFrom: (v) => v === 'snapshot' || v === 'full',
    snapshotProblem: (v) => typeof v === 'string' && v.length <= 500 && !/[\u0000-\u001f]/.test(v),
  },
  snapshot: { bytes: (v) => v instanceof Uint8Array && v.byteLength > 0 && v.byteLength <= MAX_SNAPSHOT_BYTES },
  failed: { message: isString },
  trace: { id: isId, json: isString, memoryBytes: isFiniteNumber, memoryLimitHit: isBoolean, clean: isBoolean },
  fatal: { id: isId, interrupted: isBoolean, message: isString },
};

function isString(value: unknown): boolean {
  return typeof value === 'string';
}

function isBoolean(value: unknown): boolean {
  return typeof value === 'boolean';
}

function isFiniteNumber(value: unknown): boolean {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0;
}

function isId(value: unknown): boolean {
  return Number.isSafeInteger(value) && (value as number) > 0;
}

/** The message if it has exactly the fields of its kind, each of the right type; otherwise undefined. */
export function parseSandboxMessage(raw: unknown): SandboxMessage | undefined {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return undefined;
  const { kind, ...fields } = raw as Record<string, unknown>;
  if (typeof kind !== 'string' || !Object.hasOwn(fieldChecks, kind)) return undefined;
  const checks = fieldChecks[kind as SandboxMessage['kind']];
  const names = Object.keys(fields);
  if (names.length !== Object.keys(checks).length) return undefined;
  if (!names.every((name) => Object.hasOwn(checks, name) && checks[name]!(fields[name]))) return undefined;
  return raw as SandboxMessage;
}
