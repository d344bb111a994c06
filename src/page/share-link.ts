// A program in a link: `#code=` and the base64url of its UTF-8 source (no padding), read back
// exactly, so a playground link reopens the same program; then the options it is drawn with, as a
// fence spells them (`&hide=w&scalars=heap`). Environment-free.

/** Options as [fence spelling, value] pairs, in the order written. */
export type LinkOptions = [string, string][];

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

/** The fragment (without `#`) for a program and its options; commas stay readable (`hide=a,b`). */
export function shareHash(code: string, options: LinkOptions = []): string {
  const value = (text: string) => encodeURIComponent(text).replace(/%2C/g, ',');
  return [`code=${encodeCode(code)}`, ...options.map(([name, text]) => `${value(name)}=${value(text)}`)].join('&');
}

/** The playground's URL for a program: `page` is the playground's path (e.g. /playground/). */
export function playgroundHref(page: string, code: string, options: LinkOptions = []): string {
  return `${page}#${shareHash(code, options)}`;
}

/** The program and options in a location hash (`#code=...&name=value`), if it holds a readable program. */
export function readShareHash(hash: string): { code: string; options: LinkOptions } | undefined {
  const match = /^#code=([^&]*)((?:&.*)?)$/.exec(hash);
  const code = match ? decodeCode(match[1]!) : undefined;
  if (code === undefined) return undefined;
  const options: LinkOptions = [];
  for (const part of match![2]!.split('&').slice(1)) {
    const [name = '', ...rest] = part.split('=');
    try {
      if (name && rest.length) options.push([decodeURIComponent(name), decodeURIComponent(rest.join('='))]);
    } catch {
      // A mangled pair (bad %-escape) is left out; the program still opens.
    }
  }
  return { code, options };
}

/** The program in a location hash (`#code=...`), if there is one. */
export function codeFromHash(hash: string): string | undefined {
  return readShareHash(hash)?.code;
}

/** A playground link with its program replaced and its options kept. */
export function withCode(href: string, code: string): string {
  const at = href.indexOf('#');
  const page = at < 0 ? href : href.slice(0, at);
  return playgroundHref(page, code, (at < 0 ? undefined : readShareHash(href.slice(at)))?.options ?? []);
}
