import { join } from 'node:path';
import { inject } from 'vitest';

/** The 2021 brief as built once for all tests (tests/globalSetup.ts): its documents, and what `brief build` said. */
export function brief2021(): { dir: string; pdf: string; docx: string; html: string; buildLine: string } {
  const { dir, lines } = inject('brief2021');
  return {
    dir,
    pdf: join(dir, 'peer-support-workers-2021-01.pdf'),
    docx: join(dir, 'peer-support-workers-2021-01.docx'),
    html: join(dir, 'peer-support-workers-2021-01.html'),
    buildLine: lines.find((line) => line.includes(': wrote ')) as string,
  };
}
