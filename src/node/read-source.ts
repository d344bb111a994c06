// Node edge: a snippet file (or "-" for stdin) as text, through the one source decoder; a file
// that cannot be read or is not UTF-8 is a SourceReadError with a hint.
import { readFile } from 'node:fs/promises';
import { decodeSource, SourceEncodingError } from '../simulate/decode-source.ts';

export class SourceReadError extends Error {
  constructor(message: string, readonly hint: string) {
    super(message);
  }
}

async function readStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export const shownName = (file: string) => (file === '-' ? '<stdin>' : file);

export async function readSource(file: string): Promise<string> {
  let bytes: Buffer;
  try {
    bytes = file === '-' ? await readStdin() : await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new SourceReadError(`cannot read ${file}: no such file`, `check the path (it is relative to ${process.cwd()}); use - to read the program from stdin`);
    if (code === 'EISDIR') throw new SourceReadError(`cannot read ${file}: it is a directory`, 'give one Python file, e.g. examples/aliasing.py');
    if (code === 'EACCES') throw new SourceReadError(`cannot read ${file}: permission denied`, 'check the file\'s permissions');
    throw new SourceReadError(`cannot read ${file}: ${(error as Error).message}`, 'check the path');
  }
  try {
    return decodeSource(bytes);
  } catch (error) {
    if (!(error instanceof SourceEncodingError)) throw error;
    throw new SourceReadError(`cannot read ${shownName(file)}: it is not UTF-8 text (${error.message})`, 'save the snippet as UTF-8 (Python\'s own default for source files)');
  }
}
