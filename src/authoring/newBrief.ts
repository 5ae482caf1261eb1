import { mkdir, open, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { MONTHS } from '../brief/months.js';
import { buildSourceMap, pointerSegment } from '../load/sourceMap.js';

/** The mark of a placeholder in the starting point: every text the editor must replace contains it. */
export const PLACEHOLDER_MARK = 'REPLACE';

/** Something in a new brief the editor must replace: a text, or an example entry as a whole. */
export interface Placeholder {
  /** JSON pointer: "/author", or an example entry's "/sections/0/entries/0". */
  pointer: string;
  /** Line in the new file (1-based). */
  line: number;
  /** For a text, the property's name ("author"); for an entry, undefined. */
  property?: string;
  /** For a text, what it says ("REPLACE with your name"); for an entry, the names of its fields. */
  says: string;
  /** For an entry, the heading of its section (or subsection). */
  heading?: string;
}

export interface NewBriefOptions {
  /** The team's standard sections (templates/standard-sections.json) instead of one section with an example entry. */
  standardSections?: boolean;
}

/**
 * A new brief from the team's starting point, templates/new-brief.json: its {{topic}},
 * {{published}} (this month, "2026-11") and {{month}} ("November 2026") filled in. By default
 * it has one section with one example entry; with `standardSections`, the sections of
 * templates/standard-sections.json instead, with no entries. Returns the placeholders left for
 * the editor, in file order (texts containing PLACEHOLDER_MARK; an entry with any is one placeholder).
 * Never overwrites: the file is created only if it does not exist (else an EEXIST error);
 * other file errors are thrown as Node gives them.
 */
export async function createBrief(
  path: string,
  topic: string,
  templatesRoot: string,
  now = new Date(),
  options: NewBriefOptions = {},
): Promise<{ placeholders: Placeholder[] }> {
  const starter = JSON.parse(await readFile(join(templatesRoot, 'new-brief.json'), 'utf8')) as Record<string, unknown>;
  if (options.standardSections) starter.sections = JSON.parse(await readFile(join(templatesRoot, 'standard-sections.json'), 'utf8'));
  const values: Record<string, string> = {
    topic,
    published: `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}`,
    month: `${MONTHS[now.getMonth()]} ${now.getFullYear()}`,
  };
  const text = `${JSON.stringify(
    starter,
    (_key, value: unknown) => (typeof value === 'string' ? value.replace(/{{(\w+)}}/g, (token, name: string) => values[name] ?? token) : value),
    2,
  )}\n`;
  await mkdir(dirname(path), { recursive: true });
  const file = await open(path, 'wx'); // fails with EEXIST rather than replace a brief
  try {
    await file.writeFile(text);
  } finally {
    await file.close();
  }
  return { placeholders: placeholdersIn(JSON.parse(text), buildSourceMap(text)) };
}

function placeholdersIn(brief: unknown, map: ReturnType<typeof buildSourceMap>): Placeholder[] {
  const found: Placeholder[] = [];
  const lineOf = (pointer: string) => map.get(pointer)?.value.line ?? 1;
  const visit = (value: unknown, pointer: string, heading: string | undefined): void => {
    if (typeof value === 'string') {
      if (value.includes(PLACEHOLDER_MARK)) found.push({ pointer, line: lineOf(pointer), property: pointer.split('/').at(-1), says: value });
      return;
    }
    if (Array.isArray(value)) {
      for (const [i, item] of value.entries()) visit(item, `${pointer}/${i}`, heading);
      return;
    }
    if (value === null || typeof value !== 'object') return;
    const record = value as Record<string, unknown>;
    const here = typeof record.heading === 'string' ? record.heading : heading;
    // An entry with a placeholder in it is an example: replaced (or deleted) as a whole.
    if (/\/entries\/\d+$/.test(pointer) && JSON.stringify(record).includes(PLACEHOLDER_MARK)) {
      found.push({ pointer, line: lineOf(pointer), says: Object.keys(record).join(', '), heading: here });
      return;
    }
    for (const [key, inner] of Object.entries(record)) visit(inner, `${pointer}/${pointerSegment(key)}`, here);
  };
  visit(brief, '', undefined);
  return found.sort((a, b) => a.line - b.line);
}
