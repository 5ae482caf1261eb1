import { open, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { SHORT_WRITE } from './fileErrors.js';

let made = 0;

/**
 * The name of a temporary file beside `path`: "<name>.brief-<process>-<n>.tmp". Whoever holds
 * the output folder's lock removes any such file it finds (see strayTemporaries.ts), as no
 * other process may be writing there.
 */
export function temporaryPathFor(path: string, kind: 'tmp' | 'old' = 'tmp'): string {
  made += 1;
  return join(dirname(path), `${basename(path)}.brief-${process.pid}-${made}.${kind}`);
}

/**
 * Write `bytes` into a new temporary file beside `path` and return its name: every byte, or
 * an error. write-file-atomic 7 issued one write and ignored a short count, so on a nearly
 * full disk a truncated file was renamed over a good one. Here the writing loops until every
 * byte is taken (a short count is normal near a full disk; the next write then fails with
 * ENOSPC), and after syncing, the file's size on disk is checked against the bytes, so that
 * a write that came out short for any other reason is an error too, never a document.
 * The file is created new (`wx`): never a link or a file someone else is writing.
 */
export async function writeTemporary(path: string, bytes: Uint8Array, { durable }: { durable: boolean }): Promise<string> {
  const temporary = temporaryPathFor(path);
  const handle = await open(temporary, 'wx');
  try {
    let offset = 0;
    while (offset < bytes.length) {
      const { bytesWritten } = await handle.write(bytes, offset, bytes.length - offset, offset);
      if (bytesWritten <= 0) throw Object.assign(new Error('the disk took no more bytes'), { code: 'ENOSPC' });
      offset += bytesWritten;
    }
    if (durable) await handle.sync();
    const { size } = await handle.stat();
    if (size !== bytes.length) {
      throw Object.assign(new Error(`only ${size} of its ${bytes.length} bytes reached the disk`), { code: SHORT_WRITE });
    }
    await handle.close();
  } catch (error) {
    await handle.close().catch(() => undefined);
    await rm(temporary, { force: true });
    throw error;
  }
  return temporary;
}
