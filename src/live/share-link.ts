// A program in a link: `#code=` and the base64url of its UTF-8 source (no padding), read back
// exactly, so a playground link reopens the same program. Environment-free.

export function encodeCode(code: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(code)) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The source a `#code=` fragment carries, or undefined if it is not valid base64url of UTF-8. */
export function decodeCode(encoded: string): string | undefined {
  if (!/^[A-Za-z0-9_-]*$/.test(encoded) || encoded.length % 4 === 1) return undefined;
  try {
    const binary = atob(encoded.replace(/-/g, '+').replace(/_/g, '/'));
    return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
  } catch {
    return undefined;
  }
}

/** The playground's URL for a program: `page` is the playground's path (e.g. /playground/). */
export function playgroundHref(page: string, code: string): string {
  return `${page}#code=${encodeCode(code)}`;
}

/** The program in a location hash (`#code=...`), if there is one. */
export function codeFromHash(hash: string): string | undefined {
  const match = /^#code=([^&]*)/.exec(hash);
  return match ? decodeCode(match[1]!) : undefined;
}
