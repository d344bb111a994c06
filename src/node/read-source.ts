// Node edge: a snippet file (or "-" for stdin) as text, through the one source decoder; a file
// that cannot be read or is not UTF-8 is a SourceReadError with a hint.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { decodeSource, SourceEncodingError } from '../simulate/decode-source.ts';

export class SourceReadError extends Error {
  constructor(message: string, readonly hint: string) {
    super(message);
  }
}

/** Where the snippet comes from: the caller's folder and standard input. */
export interface SourcePlace {
  cwd: string;
  readStdin(): Promise<Buffer>;
}

export const shownName = (file: string) => (file === '-' ? '<stdin>' : file);

/** `file` as given on the command line (relative to place.cwd), or "-". */
export async function readSource(file: string, place: SourcePlace): Promise<string> {
  let bytes: Buffer;
  try {
    bytes = file === '-' ? await place.readStdin() : await readFile(resolve(place.cwd, file));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new SourceReadError(`cannot read ${file}: no such file`, `check the path (it is relative to ${place.cwd}); use - to read the program from stdin`);
    if (code === 'EISDIR') throw new SourceReadError(`cannot read ${file}: it is a directory`, 'give one Python file, e.g. examples/aliasing.py');
    if (code === 'EACCES') throw new SourceReadError(`cannot read ${file}: permission denied`, 'check the file\'s permissions');
    throw new SourceReadError(`cannot read ${file}: ${(error as Error).message}`, 'check the path');
  }
  try {
    return decodeSource(bytes);
  } catch (error) {
    if (!(error instanceof SourceEncodingError)) throw error;
    throw new SourceReadError(`${shownName(file)}:${error.line}: ${error.message}: it is not UTF-8 text`, 'save the file as UTF-8 (Python\'s own default for source files)');
  }
}
