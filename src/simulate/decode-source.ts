// Snippet files are UTF-8 (as Python source is by default): bytes that are not are an error that
// names the first bad byte, rather than a U+FFFD that CPython would then run.
const REPLACEMENT = '\uFFFD';

export class SourceEncodingError extends Error {
  constructor(
    readonly offset: number,
    readonly line: number,
  ) {
    super(`invalid UTF-8 at byte ${offset} (line ${line})`);
  }
}

/** The text of a UTF-8 file; throws SourceEncodingError at the first byte that is not UTF-8. */
export function decodeSource(bytes: Uint8Array): string {
  const text = new TextDecoder('utf-8', { ignoreBOM: false }).decode(bytes);
  if (!text.includes(REPLACEMENT)) return text;
  let offset = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  let line = 1;
  for (const char of text) {
    if (char === REPLACEMENT && !(bytes[offset] === 0xef && bytes[offset + 1] === 0xbf && bytes[offset + 2] === 0xbd)) {
      throw new SourceEncodingError(offset, line);
    }
    if (char === '\n') line++;
    offset += Buffer.byteLength(char, 'utf8');
  }
  return text;
}
