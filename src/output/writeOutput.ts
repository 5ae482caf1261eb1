import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import writeFileAtomic from 'write-file-atomic';

/**
 * Write a file atomically: to a temporary file beside it, then renamed over it. A reader
 * (or a crash of brief) sees the old file or the new one, whole, never half of one.
 * `durable` also waits for the disk to have it (fsync), so that a power cut cannot lose it:
 * right for unattended runs; the watcher, where a person is waiting, skips that wait.
 */
export async function writeOutput(path: string, bytes: Buffer, { durable = true }: { durable?: boolean } = {}): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFileAtomic(path, bytes, { fsync: durable });
}
