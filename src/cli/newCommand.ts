import { join, resolve } from 'node:path';
import { createBrief, type Placeholder } from '../authoring/newBrief.js';
import { displayPath } from '../diagnostics/displayPath.js';
import { packageRoot } from '../paths.js';
import type { Output } from '../pipeline/output.js';

/**
 * `brief new <name> --title "<topic>" [--standard-sections]`: start a brief in briefs/ from the
 * team's defaults, never over an existing one, and list the placeholders to replace.
 * The name may be typed with ".json" and with "briefs/" before it: "x", "x.json",
 * "briefs/x" and "briefs/x.json" all make briefs/x.json. Exit 0, 1 if the brief exists, 2 for a bad name.
 */
export async function newCommand(name: string, options: { title: string; standardSections?: boolean }, out: Output): Promise<number> {
  const bare = name.replace(/^\.?[/\\]?briefs[/\\]/, '').replace(/\.json$/, '');
  if (!/^[a-z0-9][a-z0-9-]*$/.test(bare)) {
    out.error(
      `"${name}" cannot be a brief's name: use lower-case letters, digits and hyphens, e.g. "nursing-associates-2026-11" (brief new always writes into briefs/)`,
    );
    return 2;
  }
  const path = resolve('briefs', `${bare}.json`);
  const shown = displayPath(path);
  let placeholders: Placeholder[];
  try {
    ({ placeholders } = await createBrief(path, options.title, join(packageRoot, 'templates'), new Date(), { standardSections: options.standardSections }));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      out.error(`${shown} already exists; brief new never replaces a brief: choose another name`);
      return 1;
    }
    throw error;
  }
  out.info(`wrote ${shown}`);
  if (placeholders.length > 0) {
    out.info(`Replace what says REPLACE in it (${placeholders.length === 1 ? 'one place' : `${placeholders.length} places`}):`);
    for (const p of placeholders) out.info(`  line ${p.line}: ${describe(p)}`);
  }
  out.info(
    options.standardSections
      ? `Then add entries to its sections (by hand, or with brief import), delete the sections you do not need, and run: npx brief build ${shown}`
      : `Then add sections and entries (by hand, or with brief import) and run: npx brief build ${shown}`,
  );
  return 0;
}

function describe(p: Placeholder): string {
  if (p.property === undefined) {
    const fields = p.says.replace(/, ([^,]*)$/, ' and $1');
    return `the example entry in "${p.heading}": put a publication's ${fields} in it, or delete it once you have added your own entries`;
  }
  // The acknowledgement box is made from the author (when the brief has no "acknowledgement"): one name to replace, not two.
  const also = p.property === 'author' ? ' (the acknowledgement on the title page is made from it)' : '';
  return `"${p.property}": ${p.says.replace(/^REPLACE with /, '')}${also}`;
}
