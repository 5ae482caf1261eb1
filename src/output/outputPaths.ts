import { basename, join } from 'node:path';

/** Where a brief's documents go: its file name, without .json, in the output folder; the PDF first. */
export function outputPaths(outputDir: string, briefPath: string): { pdf: string; docx: string } {
  const name = basename(briefPath, '.json');
  return { pdf: join(outputDir, `${name}.pdf`), docx: join(outputDir, `${name}.docx`) };
}
