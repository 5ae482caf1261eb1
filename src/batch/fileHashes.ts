import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';

/**
 * Content hashes of files, each file read once per run however many briefs depend on it
 * (the theme's fonts are shared by every brief).
 */
export class FileHashes {
  private readonly hashes = new Map<string, Promise<string | undefined>>();

  /** sha256 of the file's bytes, or undefined if it cannot be read (deleted, say). */
  of(path: string): Promise<string | undefined> {
    let hash = this.hashes.get(path);
    if (!hash) {
      hash = readFile(path).then(
        (bytes) => createHash('sha256').update(bytes).digest('hex'),
        () => undefined,
      );
      this.hashes.set(path, hash);
    }
    return hash;
  }
}
