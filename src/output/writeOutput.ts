import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import writeFileAtomic from 'write-file-atomic';

/**
 * Write a file atomically: to a temporary file beside it, then renamed over it. A reader
 * (or a crash) sees the old file or the new one, whole, never half of one.
 */
export async function writeOutput(path: string, bytes: Buffer): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFileAtomic(path, bytes, { fsync: true });
}
