import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../paths.js';

/**
 * "brief 0.1.0": the version in package.json, for `brief --version`. Read when the command line
 * is set up (commander wants it then); a package.json that cannot be read gives "brief (version unknown)".
 */
export function versionLine(): string {
  try {
    const { version } = JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as { version?: unknown };
    return typeof version === 'string' ? `brief ${version}` : 'brief (version unknown)';
  } catch {
    return 'brief (version unknown)';
  }
}
