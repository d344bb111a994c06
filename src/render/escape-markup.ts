// The one escaping of text for markup (SVG and the diagram HTML): values come from user programs.
const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text and attribute values: & < > " ' become entities. */
export function escapeMarkup(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => entities[ch]!);
}

/**
 * Escapes for markup whose attribute values are always in double quotes (the SVG render writes): & < > " only, so a
 * Python string's ' stays one byte.
 */
export function escapeDoubleQuoted(text: string): string {
  return /[&<>"]/.test(text) ? text.replace(/[&<>"]/g, (ch) => entities[ch]!) : text;
}

/** Characters XML 1.0 forbids (controls, lone surrogates, U+FFFE/FFFF) become U+FFFD. */
export function cleanText(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(
    new RegExp(
      '[\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\uFFFE\\uFFFF]|[\\uD800-\\uDBFF](?![\\uDC00-\\uDFFF])|' +
        '(?<![\\uD800-\\uDBFF])[\\uDC00-\\uDFFF]',
      'g',
    ),
    '\uFFFD',
  );
}

/** Text for XML written by hand (slides): cleaned of forbidden characters, then escaped. */
export function escapeXml(text: string): string {
  return escapeMarkup(cleanText(text));
}
