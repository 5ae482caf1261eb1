import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * The sha256 (hex) of brief's source: every file under `src/`, by its path and bytes, and
 * `package-lock.json` (the exact libraries). `npm run build` writes it beside the bundles
 * (dist/source-hash), so that a program run from source can tell whether the bundle was built
 * from exactly this source. `root` is the project folder. Throws if `src/` cannot be read.
 */
export function sourceHash(root: string): string {
  const hash = createHash('sha256');
  const files = readdirSync(join(root, 'src'), { recursive: true, withFileTypes: true })
    .filter((f) => f.isFile())
    .map((f) => join(f.parentPath, f.name))
    .sort();
  for (const file of [...files, join(root, 'package-lock.json')]) hash.update(relative(root, file)).update(readFileSync(file));
  return hash.digest('hex');
}
