// Standard input for a snippet given as "-": read once, up to a little more than a snippet may be.

/** A little more than a snippet may be (MAX_SOURCE_BYTES): the reader then says it is too big. */
export const MAX_STDIN_BYTES = 2 ** 20 + 1;

/** Standard input, up to `limit` bytes: a snippet is short, and what comes after is not read. */
export async function readStdinUpTo(limit: number, input: AsyncIterable<Buffer> = process.stdin): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let length = 0;
  for await (const chunk of input) {
    chunks.push(chunk);
    length += chunk.length;
    if (length >= limit) break;
  }
  return Buffer.concat(chunks).subarray(0, limit);
}
