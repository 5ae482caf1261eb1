import { displayPath } from '../diagnostics/displayPath.js';

/**
 * An operating-system error on a file, in plain words: what people can act on (free some
 * space, fix a permission), not an error code.
 */
export function describeFileError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'EISDIR':
      return 'there is a folder of that name in its place';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied (or the file is locked against changes)';
    case 'ENOSPC':
    case 'EDQUOT':
      return 'the disk is full';
    case 'EROFS':
      return 'the disk is read-only';
    case 'ENOTDIR':
      return 'part of its folder path is a file, not a folder';
    case 'ENOENT':
      return 'its folder does not exist';
    case 'EMFILE':
    case 'ENFILE':
      return 'too many files are open on this computer; try again';
    case 'EIO':
      return 'the disk reported an input/output error';
    case SHORT_WRITE:
      return (error as Error).message;
    default:
      return (error as Error | undefined)?.message ?? String(error);
  }
}

/** The code of the error thrown when a file on disk comes out shorter than what was written to it. */
export const SHORT_WRITE = 'ESHORTWRITE';

/** Whether an error came from the operating system (a file fault to name), rather than from a bug. */
export function isFileError(error: unknown): error is NodeJS.ErrnoException {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return typeof code === 'string' && /^E[A-Z]+$/.test(code);
}

/**
 * A fault on one of brief's own files (the lock, the manifest, the report): a message that
 * names the file and what happened, for the command line to print as it is (never as
 * "something went wrong that brief did not expect").
 */
export class FileFault extends Error {
  constructor(readonly path: string, doing: string, override readonly cause: unknown) {
    super(`${displayPath(path)}: cannot ${doing}: ${describeFileError(cause)}`);
  }
}

/** Run `work`, turning an operating-system error into a FileFault naming `path`. */
export async function naming<T>(path: string, doing: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isFileError(error)) throw new FileFault(path, doing, error);
    throw error;
  }
}
