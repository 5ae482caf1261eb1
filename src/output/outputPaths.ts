import { basename, join } from 'node:path';

/** The documents a brief can be built into, in the order they are made, written and reported. */
export const FORMATS = ['pdf', 'docx', 'html'] as const;

export type Format = (typeof FORMATS)[number];

/** Where a brief's documents go: its file name, without .json, in the output folder, one per format (`<name>.pdf`, `.docx`, `.html`). */
export function outputPaths(outputDir: string, briefPath: string): Record<Format, string> {
  const name = basename(briefPath, '.json');
  return { pdf: join(outputDir, `${name}.pdf`), docx: join(outputDir, `${name}.docx`), html: join(outputDir, `${name}.html`) };
}
