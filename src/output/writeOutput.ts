import { mkdir, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { writeTemporary } from './temporaryFile.js';

/**
 * Write one file atomically: whole to a temporary file beside it (every byte, checked: see
 * temporaryFile.ts), then renamed over it. A reader (or a crash of brief) sees the old file
 * or the new one, whole, never half of one. A symbolic link in its place is replaced, not
 * followed. `durable` also waits for the disk to have it (fsync), so that a power cut cannot
 * lose it: right for unattended runs; the watcher, where a person is waiting, skips that wait.
 * A brief's documents, which must change together, go through replaceTogether.ts instead.
 */
export async function writeOutput(path: string, bytes: Uint8Array, { durable = true }: { durable?: boolean } = {}): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temporary = await writeTemporary(path, bytes, { durable });
  try {
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}
