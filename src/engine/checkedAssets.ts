import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CheckedAssets } from '../theme/loadTheme.js';

/**
 * Theme files that passed their checks, remembered across processes as empty marker files named
 * by the program's id and the file's sha256, in `folder` (node_modules/.cache/brief/checked-assets
 * of the installation). A marker says only: these exact bytes passed the checks of this exact
 * program; a changed file, or a new build of brief, is checked in full again. A folder that
 * cannot be written is no fault: the files are then checked each time.
 */
export function checkedAssets(folder: string, programId: string): CheckedAssets {
  const marker = (data: Buffer) => join(folder, `${programId.slice(0, 16)}-${createHash('sha256').update(data).digest('hex')}`);
  return {
    passed: (data) => existsSync(marker(data)),
    remember: (data) => {
      try {
        mkdirSync(folder, { recursive: true });
        writeFileSync(marker(data), '');
      } catch {
        // read-only installation: nothing remembered
      }
    },
  };
}
