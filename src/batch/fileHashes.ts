import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

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

  /**
   * Hash every file under `folder` now, before builds read them: a file saved during a build
   * is then recorded as it was before (so it is built again next time), never as it is after.
   */
  async takeAll(folder: string): Promise<void> {
    const entries = await readdir(folder, { recursive: true, withFileTypes: true }).catch(() => []);
    await Promise.all(entries.filter((e) => e.isFile()).map((e) => this.of(join(e.parentPath ?? e.path, e.name))));
  }
}
