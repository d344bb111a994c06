// The interpreter-snapshot file format, shared by the writer (the parent) and the reader (the
// sandbox): a fixed-size text header that names the key, the length and the SHA-256 of the
// Pyodide memory snapshot that follows it. Plain ESM because the sandbox imports it by path.
import { createHash } from 'node:crypto';

const MAGIC = 'memlane interpreter snapshot v1\n';
/** The payload starts here: a multiple of 4, as Pyodide reads the snapshot's header as 32-bit words. */
export const HEADER_BYTES = 4096;

/**
 * The header for a snapshot made under `key`: MAGIC, one line of JSON, then spaces up to
 * HEADER_BYTES.
 * @param {string} key
 * @param {Uint8Array} payload
 * @returns {Uint8Array}
 */
export function snapshotHeader(key, payload) {
  const fields = { key, bytes: payload.byteLength, sha256: createHash('sha256').update(payload).digest('hex') };
  const text = `${MAGIC}${JSON.stringify(fields)}\n`;
  const header = new Uint8Array(HEADER_BYTES).fill(0x20);
  const { written, read } = new TextEncoder().encodeInto(text, header);
  if (read !== text.length || written >= HEADER_BYTES)
    throw new Error('memlane: the snapshot key is too long for the header');
  return header;
}

/**
 * The Pyodide snapshot inside a file's bytes, if the file is whole and was made under `key`;
 * otherwise `problem` says in a few words why it cannot be used.
 * @param {Uint8Array} file
 * @param {string} key
 * @returns {{ payload: Uint8Array } | { problem: string }}
 */
export function snapshotPayload(file, key) {
  if (file.byteLength < HEADER_BYTES) return { problem: `it is truncated (${file.byteLength} bytes)` };
  const text = new TextDecoder('utf-8', { fatal: false }).decode(file.subarray(0, HEADER_BYTES));
  if (!text.startsWith(MAGIC)) return { problem: 'it is not a memlane interpreter snapshot' };
  let fields;
  try {
    fields = JSON.parse(text.slice(MAGIC.length, text.indexOf('\n', MAGIC.length)));
  } catch {
    return { problem: 'its header is damaged' };
  }
  if (typeof fields?.key !== 'string' || !Number.isSafeInteger(fields.bytes) || typeof fields.sha256 !== 'string') {
    return { problem: 'its header is damaged' };
  }
  if (fields.key !== key) return { problem: 'it is stale (made for another Pyodide, Node or tracer)' };
  const payload = file.subarray(HEADER_BYTES);
  if (payload.byteLength !== fields.bytes)
    return { problem: `it is truncated (${payload.byteLength} of ${fields.bytes} bytes)` };
  if (createHash('sha256').update(payload).digest('hex') !== fields.sha256)
    return { problem: 'its contents are damaged (checksum mismatch)' };
  return { payload };
}
