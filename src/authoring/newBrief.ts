import { open, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { mkdir } from 'node:fs/promises';
import { MONTHS } from '../brief/months.js';

/**
 * A new brief from the team's starting point, templates/new-brief.json: its {{topic}},
 * {{author}}, {{published}} (this month, 2026-11) and {{month}} (November 2026) filled in.
 * Never overwrites: the file is created only if it does not exist.
 */
export async function createBrief(path: string, topic: string, templatesRoot: string, now = new Date()): Promise<void> {
  const starter = JSON.parse(await readFile(join(templatesRoot, 'new-brief.json'), 'utf8')) as Record<string, unknown>;
  const author = typeof starter.author === 'string' ? starter.author : 'Your Name';
  const values: Record<string, string> = {
    topic,
    author,
    published: `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}`,
    month: `${MONTHS[now.getMonth()]} ${now.getFullYear()}`,
  };
  const filled = JSON.stringify(
    starter,
    (_key, value: unknown) => (typeof value === 'string' ? value.replace(/{{(\w+)}}/g, (token, name: string) => values[name] ?? token) : value),
    2,
  );
  await mkdir(dirname(path), { recursive: true });
  const file = await open(path, 'wx'); // fails with EEXIST rather than replace a brief
  try {
    await file.writeFile(`${filled}\n`);
  } finally {
    await file.close();
  }
}
