import { join, resolve } from 'node:path';
import { createBrief } from '../authoring/newBrief.js';
import { displayPath } from '../diagnostics/displayPath.js';
import { packageRoot } from '../paths.js';
import type { Output } from '../pipeline/output.js';

/** `brief new <name> --title "<topic>"`: start a brief from the team's defaults, never over an existing one. */
export async function newCommand(name: string, options: { title: string }, out: Output): Promise<number> {
  if (!/^[a-z0-9][a-z0-9-]*$/.test(name)) {
    out.error(`"${name}" cannot be a brief's name: use lower-case letters, digits and hyphens, e.g. "nursing-associates-2026-11"`);
    return 2;
  }
  const path = resolve('briefs', `${name}.json`);
  try {
    await createBrief(path, options.title, join(packageRoot, 'templates'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      out.error(`${displayPath(path)} already exists; brief new never replaces a brief: choose another name`);
      return 1;
    }
    throw error;
  }
  out.info(`wrote ${displayPath(path)}: put your name in "author", then add entries (by hand, or with brief import) and run brief build`);
  return 0;
}
