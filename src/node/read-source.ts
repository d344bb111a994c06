// Node edge: a snippet file (or "-" for stdin) as text, through the one source decoder; a file
// that cannot be read, is not a regular file, is too big or is not UTF-8 is a SourceReadError with a hint.
import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import { resolve } from 'node:path';
import { decodeSource, SourceEncodingError } from '../simulate/decode-source.ts';

/** A snippet is a short program: a larger file is refused before it is read whole. */
export const MAX_SOURCE_BYTES = 2 ** 20;

export class SourceReadError extends Error {
  constructor(
    message: string,
    readonly hint: string,
  ) {
    super(message);
  }
}

/** Where the snippet comes from: the caller's folder and standard input. */
export interface SourcePlace {
  cwd: string;
  readStdin(): Promise<Buffer>;
}

export const shownName = (file: string) => (file === '-' ? '<stdin>' : file);

const tooBig = (file: string) =>
  new SourceReadError(
    `cannot read ${file}: it is larger than ${MAX_SOURCE_BYTES / 2 ** 20} MiB`,
    'a diagram is drawn from a short program: give the lines it is about',
  );

/**
 * The bytes of a regular file. Opened without blocking (a FIFO or a device would otherwise hold one of
 * libuv's few threads until someone writes to it), then checked on the open file itself, so what is read
 * is what was checked.
 */
async function readRegularFile(file: string, path: string): Promise<Buffer> {
  const handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const info = await handle.stat();
    if (!info.isFile()) {
      if (info.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
      throw new SourceReadError(
        `cannot read ${file}: it is not a regular file`,
        'give a Python file saved on disk; use - to read the program from stdin',
      );
    }
    if (info.size > MAX_SOURCE_BYTES) throw tooBig(file);
    const bytes = await handle.readFile();
    if (bytes.length > MAX_SOURCE_BYTES) throw tooBig(file);
    return bytes;
  } finally {
    await handle.close();
  }
}

/** `file` as given on the command line (relative to place.cwd), or "-". */
export async function readSource(file: string, place: SourcePlace): Promise<string> {
  let bytes: Buffer;
  try {
    bytes = file === '-' ? await place.readStdin() : await readRegularFile(file, resolve(place.cwd, file));
  } catch (error) {
    if (error instanceof SourceReadError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT')
      throw new SourceReadError(
        `cannot read ${file}: no such file`,
        `check the path (it is relative to ${place.cwd}); use - to read the program from stdin`,
      );
    if (code === 'EISDIR')
      throw new SourceReadError(
        `cannot read ${file}: it is a directory`,
        'give one Python file, e.g. examples/aliasing.py',
      );
    if (code === 'EACCES')
      throw new SourceReadError(`cannot read ${file}: permission denied`, "check the file's permissions");
    throw new SourceReadError(`cannot read ${file}: ${(error as Error).message}`, 'check the path');
  }
  if (bytes.length > MAX_SOURCE_BYTES) throw tooBig(shownName(file));
  try {
    return decodeSource(bytes);
  } catch (error) {
    if (!(error instanceof SourceEncodingError)) throw error;
    throw new SourceReadError(
      `${shownName(file)}:${error.line}: ${error.message}: it is not UTF-8 text`,
      "save the file as UTF-8 (Python's own default for source files)",
    );
  }
}
